namespace Mimo.Grains.Email;

/// <summary>
/// A template could not be turned into an email: a syntax error, or a render that broke a limit
/// (too much work, too much output, nesting too deep). The message says which, in words a tenant
/// can act on; the same template with the same data fails the same way again.
/// </summary>
public sealed class TemplateRenderException : Exception
{
    public TemplateRenderException()
    {
    }

    public TemplateRenderException(string message)
        : base(message)
    {
    }

    public TemplateRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
