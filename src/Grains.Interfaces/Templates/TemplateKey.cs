namespace Mimo.Grains.Interfaces.Templates;

/// <summary>The key of a template grain: <c>"{tenantId}/{templateId}"</c>.</summary>
public static class TemplateKey
{
    public static string Format(string tenantId, string templateId) => $"{tenantId}/{templateId}";

    public static (string TenantId, string TemplateId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new ArgumentException($"'{key}' is not a template key.", nameof(key));
        }

        return (key[..slash], key[(slash + 1)..]);
    }
}
