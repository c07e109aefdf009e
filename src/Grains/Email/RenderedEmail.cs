namespace Mimo.Grains.Email;

/// <summary>
/// A template rendered for one email: a subject safe to put in a header, an HTML body whose values
/// are HTML-encoded, and a plain-text body.
/// </summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);
