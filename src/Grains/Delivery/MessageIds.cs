using System.Security.Cryptography;
using System.Text;
using Mimo.Grains.Customers;

namespace Mimo.Grains.Delivery;

/// <summary>
/// Message-IDs derived from what an email is for, so that every attempt to deliver the same email
/// carries the same id and a receiving system can recognise a repeat.
/// </summary>
public static class MessageIds
{
    /// <summary>The id of an automatic email: tenant, customer and its (invoice, step) pairs.</summary>
    public static string For(string tenantId, string customerId, IEnumerable<OutboxItem> items)
    {
        var parts = items
            .Select(i => $"{i.InvoiceId}\u001f{i.StepKey}")
            .Order(StringComparer.Ordinal);
        return Build(tenantId, $"{customerId}\u001e{string.Join('\u001e', parts)}");
    }

    /// <summary>The id of a manual email: tenant, customer and the request that asked for it.</summary>
    public static string ForRequest(string tenantId, string customerId, string requestId) =>
        Build(tenantId, $"{customerId}\u001emanual\u001e{requestId}");

    private static string Build(string tenantId, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\u001e{purpose}"));
        var left = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{left}@{tenantId.ToLowerInvariant()}.mimo";
    }
}
