using System.Buffers.Text;
using System.Text.Json;
using Mimo.Api.Customers;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Activity;

namespace Mimo.Api.Reminders;

/// <summary>The query string of <c>GET /v1/customers/{id}/activity</c>: <c>limit</c> and an opaque <c>cursor</c>.</summary>
public sealed record ActivityQuery(string? Limit, string? Cursor)
{
    public static ValueTask<ActivityQuery?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<ActivityQuery?>(new ActivityQuery(
            context.Request.Query["limit"].LastOrDefault(),
            context.Request.Query["cursor"].LastOrDefault()));

    public ValidationErrors Validate(out int limit, out ActivityCursor? before)
    {
        var errors = new ValidationErrors();
        limit = CustomerListQuery.DefaultLimit;
        if (Limit is not null)
        {
            if (int.TryParse(Limit, out var parsed) && parsed is >= 1 and <= CustomerListQuery.MaxLimit)
            {
                limit = parsed;
            }
            else
            {
                errors.Add("limit", $"The limit must be a whole number from 1 to {CustomerListQuery.MaxLimit}.");
            }
        }

        before = null;
        if (Cursor is not null && !TryDecode(Cursor, out before))
        {
            errors.Add("cursor", "The cursor is not one this API returned: pass nextCursor back unchanged.");
        }

        return errors;
    }

    public static string Encode(ActivityCursor cursor) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Content(cursor.At, cursor.Id), Web));

    private static bool TryDecode(string cursor, out ActivityCursor? decoded)
    {
        decoded = null;
        try
        {
            if (JsonSerializer.Deserialize<Content>(Base64Url.DecodeFromChars(cursor), Web) is { } content)
            {
                decoded = new ActivityCursor(content.At, content.Id);
            }
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return false;
        }

        return decoded is not null;
    }

    private sealed record Content(DateTimeOffset At, Guid Id);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
