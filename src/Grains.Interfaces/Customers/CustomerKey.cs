namespace Mimo.Grains.Interfaces.Customers;

/// <summary>The key of a customer grain: <c>"{tenantId}/{customerId}"</c>.</summary>
public static class CustomerKey
{
    public static string Format(string tenantId, string customerId) => $"{tenantId}/{customerId}";

    public static (string TenantId, string CustomerId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new ArgumentException($"'{key}' is not a customer key.", nameof(key));
        }

        return (key[..slash], key[(slash + 1)..]);
    }
}
