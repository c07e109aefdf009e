using Mimo.Api.Http;
using Mimo.Api.Tenants;
using Mimo.Grains.Interfaces.Common;

namespace Mimo.Api.Customers;

/// <summary>The query string of <c>GET /v1/customers</c>, read as text and validated here.</summary>
public sealed record CustomerListQuery(string? Band, string? Mode, string? Tag, string? Limit, string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static ValueTask<CustomerListQuery?> BindAsync(HttpContext context)
    {
        var query = context.Request.Query;
        return ValueTask.FromResult<CustomerListQuery?>(new CustomerListQuery(
            query["band"].LastOrDefault(),
            query["mode"].LastOrDefault(),
            query["tag"].LastOrDefault(),
            query["limit"].LastOrDefault(),
            query["cursor"].LastOrDefault()));
    }

    public ValidationErrors Validate(out ParsedCustomerListQuery parsed)
    {
        var errors = new ValidationErrors();
        PayerBand? band = null;
        if (Band is not null)
        {
            if (TenantFormats.IsBand(Band))
            {
                band = TenantFormats.ParseBand(Band);
            }
            else
            {
                errors.Add("band", "The band must be timely, average, late or unscored.");
            }
        }

        var mode = ParseMode(errors);
        Fields.OptionalText(errors, "tag", Tag, CustomerRequest.MaxTagLength);
        var limit = ParseLimit(errors);
        string? after = null;
        if (Cursor is not null)
        {
            if (DirectoryCursor.TryDecode(Cursor, out var decoded))
            {
                after = decoded;
            }
            else
            {
                errors.Add("cursor", "The cursor is not one this API returned: pass nextCursor back unchanged.");
            }
        }

        parsed = new ParsedCustomerListQuery(band, mode, Tag, limit, after);
        return errors;
    }

    private ReminderMode? ParseMode(ValidationErrors errors)
    {
        if (Mode is null)
        {
            return null;
        }

        if (Mode is "none" or "smart" or "custom")
        {
            return Enum.Parse<ReminderMode>(Mode, ignoreCase: true);
        }

        errors.Add("mode", "The mode must be none, smart or custom.");
        return null;
    }

    private int ParseLimit(ValidationErrors errors)
    {
        if (Limit is null)
        {
            return DefaultLimit;
        }

        if (int.TryParse(Limit, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }

        errors.Add("limit", $"The limit must be a whole number from 1 to {MaxLimit}.");
        return DefaultLimit;
    }
}

public sealed record ParsedCustomerListQuery(
    PayerBand? Band,
    ReminderMode? Mode,
    string? Tag,
    int Limit,
    string? AfterCustomerId);
