using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Templates;

namespace Mimo.Grains.Scheduling;

/// <summary>
/// The built-in flows of smart reminders, one per payer band (offsets in days from the due date):
/// timely +1, +7; average and unscored −3, +1, +7, +14, then every 7 days at most 4 more; late −7,
/// −1, +1, +5, +10, then every 5 days at most 6 more. Customers paying by direct debit or stored
/// card are collected automatically, so they hear first at +3 (the collection has not arrived) and
/// then follow their band from +7 on. Each band has its own message: friendly, neutral or firm,
/// which the tenant may replace (<c>smartTemplates</c>).
/// </summary>
public static class SmartFlows
{
    private static readonly FlowRepeat AverageRepeat = new(7, 4);
    private static readonly FlowRepeat LateRepeat = new(5, 6);

    public static ReminderFlow For(
        PayerBand band,
        PaymentMethod paymentMethod,
        IReadOnlyDictionary<PayerBand, string> tenantTemplates)
    {
        var template = TemplateFor(band, tenantTemplates);
        var (offsets, repeat) = Steps(band);
        var name = BandName(band);
        if (paymentMethod is PaymentMethod.DirectDebit or PaymentMethod.Card)
        {
            offsets = [3, .. offsets.Where(o => o >= 7)];
            name += "-collected";
        }

        var steps = offsets.Select(o => new FlowStep($"smart/{name}/{o}", StepName(o, paymentMethod), o, template)).ToList();
        return new ReminderFlow($"smart-{name}", steps, repeat, offset => StepName(offset, PaymentMethod.Other));
    }

    /// <summary>The tenant's template for the band (unscored falls back to average's), else the built-in one.</summary>
    public static string TemplateFor(PayerBand band, IReadOnlyDictionary<PayerBand, string> tenantTemplates)
    {
        if (tenantTemplates.TryGetValue(band, out var own)
            || (band == PayerBand.Unscored && tenantTemplates.TryGetValue(PayerBand.Average, out own)))
        {
            return own;
        }

        return band switch
        {
            PayerBand.Timely => SmartTemplates.FriendlyId,
            PayerBand.Late => SmartTemplates.FirmId,
            _ => SmartTemplates.NeutralId,
        };
    }

    private static (int[] Offsets, FlowRepeat? Repeat) Steps(PayerBand band) => band switch
    {
        PayerBand.Timely => ([1, 7], null),
        PayerBand.Late => ([-7, -1, 1, 5, 10], LateRepeat),
        _ => ([-3, 1, 7, 14], AverageRepeat),
    };

    private static string BandName(PayerBand band) => band switch
    {
        PayerBand.Timely => "timely",
        PayerBand.Late => "late",
        PayerBand.Average => "average",
        _ => "unscored",
    };

    private static string StepName(int offset, PaymentMethod paymentMethod) => offset switch
    {
        3 when paymentMethod is PaymentMethod.DirectDebit or PaymentMethod.Card => "Collection not received",
        < 0 => $"{-offset} day{(offset == -1 ? "" : "s")} before due",
        0 => "Due today",
        _ => $"{offset} day{(offset == 1 ? "" : "s")} overdue",
    };
}
