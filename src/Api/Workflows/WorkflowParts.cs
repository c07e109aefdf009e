using System.Globalization;
using Mimo.Api.Customers;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Workflows;

namespace Mimo.Api.Workflows;

/// <summary>
/// Which customers a workflow applies to. Every criterion that is given must hold; a criterion left
/// out, or given as an empty list, does not restrict. <c>minOutstanding</c> holds when the customer
/// owes at least that much in at least one currency.
/// </summary>
public sealed record AudienceRequest(
    IReadOnlyList<string?>? Tags,
    IReadOnlyList<PayerBand>? Bands,
    IReadOnlyList<PaymentMethod>? PaymentMethods,
    decimal? MinOutstanding)
{
    public void Validate(ValidationErrors errors, string field)
    {
        CustomerRequest.ValidateTags(errors, $"{field}.tags", Tags);
        if (MinOutstanding is < 0 or > Fields.MaxAmount)
        {
            var max = Fields.MaxAmount.ToString(CultureInfo.InvariantCulture);
            errors.Add($"{field}.minOutstanding", $"The minOutstanding must be from 0 to {max}.");
        }
    }

    public WorkflowAudience ToAudience() => new(
        Tags is { Count: > 0 } ? Tags.Select(t => t!).Distinct(StringComparer.Ordinal).ToList() : null,
        Bands is { Count: > 0 } ? Bands.Distinct().ToList() : null,
        PaymentMethods is { Count: > 0 } ? PaymentMethods.Distinct().ToList() : null,
        MinOutstanding);
}

/// <summary>One email of a workflow, <c>offsetDays</c> from an invoice's due date (negative = before).</summary>
public sealed record StepRequest(string? Name, int? OffsetDays, string? TemplateId)
{
    public const int MaxNameLength = 100;
    public const int MaxOffsetDays = 365;

    public void Validate(ValidationErrors errors, string field)
    {
        Fields.Text(errors, $"{field}.name", Name, MaxNameLength);
        if (OffsetDays is not { } offset)
        {
            errors.Add($"{field}.offsetDays", "The offsetDays is required: days from the due date, negative before.");
        }
        else if (Math.Abs(offset) > MaxOffsetDays)
        {
            errors.Add($"{field}.offsetDays", $"The offsetDays must be from -{MaxOffsetDays} to {MaxOffsetDays}.");
        }

        Fields.Id(errors, $"{field}.templateId", TemplateId);
    }

    public WorkflowStep ToStep() => new(Name!.Trim(), OffsetDays!.Value, TemplateId!);
}

/// <summary>Repeats the last step every <c>everyDays</c> days, at most <c>maxTimes</c> times.</summary>
public sealed record RepeatRequest(int? EveryDays, int? MaxTimes)
{
    public const int MaxEveryDays = 365;
    public const int MaxRepeats = 52;

    public void Validate(ValidationErrors errors, string field)
    {
        if (EveryDays is not (>= 1 and <= MaxEveryDays))
        {
            errors.Add($"{field}.everyDays", $"The everyDays is required and must be from 1 to {MaxEveryDays}.");
        }

        if (MaxTimes is not (>= 1 and <= MaxRepeats))
        {
            errors.Add($"{field}.maxTimes", $"The maxTimes is required and must be from 1 to {MaxRepeats}.");
        }
    }

    public WorkflowRepeat ToRepeat() => new(EveryDays!.Value, MaxTimes!.Value);
}
