using System.Text;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Templates;

namespace Mimo.Api.Templates;

/// <summary>
/// <c>POST /v1/templates</c> and <c>PUT /v1/templates/{templateId}</c>: a message template in
/// Liquid. <c>id</c> is optional on POST (the server makes one); on PUT it may be left out. Without
/// a <c>text</c> body the plain text is derived from the HTML when an email is sent.
/// </summary>
public sealed record TemplateRequest(string? Id, string? Name, string? Subject, string? Html, string? Text)
{
    public const int MaxSubjectLength = 1000;

    /// <summary>The largest HTML or text body: 256 KiB in UTF-8.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Id is not null)
        {
            Fields.Id(errors, "id", Id);
        }

        Fields.Text(errors, "name", Name);
        Fields.Text(errors, "subject", Subject, MaxSubjectLength);
        if (string.IsNullOrWhiteSpace(Html))
        {
            errors.Add("html", "The html is required and must not be blank.");
        }

        Body(errors, "html", Html);
        Body(errors, "text", Text);
        foreach (var error in TemplateSyntax.Validate(new TemplateContent("", Subject ?? "", Html ?? "", Text)))
        {
            errors.Add(error.Field, error.Message);
        }

        return errors;
    }

    public TemplateContent ToContent() =>
        new(Name!.Trim(), Subject!.Trim(), Html!, string.IsNullOrWhiteSpace(Text) ? null : Text);

    private static void Body(ValidationErrors errors, string field, string? value)
    {
        if (value is not null && Encoding.UTF8.GetByteCount(value) > MaxBodyBytes)
        {
            errors.Add(field, $"The {field} must be at most {MaxBodyBytes / 1024} KiB in UTF-8.");
        }
    }
}
