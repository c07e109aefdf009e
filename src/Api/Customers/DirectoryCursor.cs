using System.Buffers.Text;
using System.Text.Json;
using Mimo.Api.Http;

namespace Mimo.Api.Customers;

/// <summary>The opaque paging cursor of the customer list: the id the next page starts after.</summary>
public static class DirectoryCursor
{
    private sealed record Content(string After);

    public static string Encode(string afterCustomerId) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Content(afterCustomerId), Web));

    public static bool TryDecode(string cursor, out string afterCustomerId)
    {
        afterCustomerId = "";
        try
        {
            var content = JsonSerializer.Deserialize<Content>(Base64Url.DecodeFromChars(cursor), Web);
            if (content is null || !Fields.IsId(content.After))
            {
                return false;
            }

            afterCustomerId = content.After;
            return true;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return false;
        }
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
