using System.Text.RegularExpressions;
using Fluid;
using Mimo.Grains.Interfaces.Templates;

namespace Mimo.Grains.Templates;

/// <summary>Checks that each Liquid field of a template parses, and says where it does not.</summary>
public static partial class TemplateSyntax
{
    // Thread-safe and costly to build: one parser serves every check.
    private static readonly FluidParser Parser = new();

    [GeneratedRegex(@"\s*at \(\d+:\d+\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PositionSuffix();

    /// <summary>The syntax errors of the subject, the HTML body and the text body; empty when all parse.</summary>
    public static IReadOnlyList<TemplateSyntaxError> Validate(TemplateContent content)
    {
        IEnumerable<TemplateSyntaxError?> errors =
        [
            Check("subject", content.Subject),
            Check("html", content.Html),
            Check("text", content.Text),
        ];
        return errors.OfType<TemplateSyntaxError>().ToList();
    }

    private static TemplateSyntaxError? Check(string field, string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return null;
        }

        try
        {
            Parser.Parse(source);
            return null;
        }
        catch (ParseException exception)
        {
            return Describe(field, exception);
        }
    }

    private static TemplateSyntaxError Describe(string field, ParseException exception)
    {
        var reason = Reason(exception.Message);
        if (exception.Position is not { } position)
        {
            return new TemplateSyntaxError(field, null, null, reason);
        }

        var message = $"Line {position.Line}, column {position.Column}: {reason}";
        return new TemplateSyntaxError(field, position.Line, position.Column, message);
    }

    /// <summary>Fluid's first line without its "at (line:column)"; the lines after it repeat the source.</summary>
    private static string Reason(string message)
    {
        var firstLine = message.Split('\n', 2)[0].TrimEnd('\r');
        var reason = PositionSuffix().Replace(firstLine, "");
        if (reason.Length == 0)
        {
            return "The Liquid syntax is not valid.";
        }

        return reason.EndsWith('.') ? reason : reason + ".";
    }
}
