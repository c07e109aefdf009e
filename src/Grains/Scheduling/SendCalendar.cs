namespace Mimo.Grains.Scheduling;

/// <summary>Local days, business days and send instants in one customer's time zone.</summary>
public sealed class SendCalendar(SendSettings settings)
{
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, settings.TimeZone).DateTime);

    public bool IsBusinessDay(DateOnly date) =>
        settings.BusinessDays.Count == 0 || settings.BusinessDays.Contains(date.DayOfWeek);

    /// <summary>The date itself when it is a business day, else the next business day.</summary>
    public DateOnly OnOrAfterBusinessDay(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The instant of the send time on a local day. A send time that a daylight-saving change skips
    /// moves forward by the skipped amount; one that happens twice is taken the first time.
    /// </summary>
    public DateTimeOffset SlotOn(DateOnly date)
    {
        var zone = settings.TimeZone;
        var local = date.ToDateTime(settings.SendTime, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddDays(-1))
            : zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The instant a local day begins (or the first valid instant of it, when midnight is skipped).</summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var zone = settings.TimeZone;
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The first local day whose send slot is not before the instant.</summary>
    public DateOnly FirstDayWithSlotAtOrAfter(DateTimeOffset instant)
    {
        var date = LocalDate(instant);
        return SlotOn(date) >= instant ? date : date.AddDays(1);
    }
}
