namespace Mimo.Grains.Templates;

/// <summary>
/// A Liquid syntax error in one field of a template (<c>subject</c>, <c>html</c> or <c>text</c>).
/// <see cref="Message"/> is written for a person and starts with the line and column when known.
/// </summary>
public sealed record TemplateSyntaxError(string Field, int? Line, int? Column, string Message);
