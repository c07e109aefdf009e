using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Fluid;
using Fluid.Values;

namespace Mimo.Grains.Email;

/// <summary>
/// A <see cref="TemplateModel"/> as Liquid values with snake_case names. Templates see these
/// values only, never the .NET objects, so nothing beyond the model is reachable.
/// </summary>
/// <remarks>
/// Amounts are plain Liquid numbers, so math filters, comparisons and <c>sum</c> work on them.
/// Fluid would print <c>1200.00</c> as <c>1200.0</c>, so each amount is remembered (by reference)
/// with its currency's decimals, and <see cref="AmountOutputRewriter"/> prints it with them when a
/// template outputs it unchanged. A filter makes a new number, printed as Liquid prints numbers.
/// </remarks>
internal sealed class TemplateValues
{
    private const string AmbientKey = "mimo.amounts";
    private const int FallbackDecimals = 2;

    private readonly Dictionary<FluidValue, int> _amountDecimals = new(ReferenceEqualityComparer.Instance);
    private readonly List<KeyValuePair<string, FluidValue>> _variables;

    private TemplateValues(TemplateModel model, TemplateOptions options)
    {
        _variables =
        [
            new("tenant", Object(("name", Text(model.Tenant.Name)))),
            new("customer", Object(("id", Text(model.Customer.Id)), ("name", Text(model.Customer.Name)))),
            new("invoices", ArrayValue.Create(model.Invoices.Select(i => Invoice(i, options)).ToList())),
            new("totals", ArrayValue.Create(model.Totals.Select(Total).ToList())),
            new("step", model.Step is null ? NilValue.Instance : Object(("name", Text(model.Step.Name)))),
            new("message", Text(model.Message)),
        ];
    }

    public static TemplateValues From(TemplateModel model, TemplateOptions options) => new(model, options);

    /// <summary>Writes the model's variables into a fresh context.</summary>
    public void CopyTo(TemplateContext context)
    {
        foreach (var (name, value) in _variables)
        {
            context.SetValue(name, value);
        }

        context.AmbientValues[AmbientKey] = this;
    }

    /// <summary>The text of <paramref name="value"/> when it is one of the model's amounts.</summary>
    public static bool TryFormatAmount(
        TemplateContext context,
        FluidValue value,
        [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (value is not NumberValue number
            || !context.AmbientValues.TryGetValue(AmbientKey, out var ambient)
            || ambient is not TemplateValues values
            || !values._amountDecimals.TryGetValue(number, out var decimals))
        {
            return false;
        }

        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        text = number.ToNumberValue(context).ToString(format, CultureInfo.InvariantCulture);
        return true;
    }

    private FluidValue Invoice(InvoiceModel invoice, TemplateOptions options) =>
        Object(
            ("number", Text(invoice.Number)),
            ("issue_date", FluidValue.Create(invoice.IssueDate, options)),
            ("due_date", FluidValue.Create(invoice.DueDate, options)),
            ("amount", Amount(invoice.Currency, invoice.Amount)),
            ("amount_due", Amount(invoice.Currency, invoice.AmountDue)),
            ("currency", Text(invoice.Currency)),
            ("days_overdue", NumberValue.Create(invoice.DaysOverdue)),
            ("payment_url", invoice.PaymentUrl is null ? NilValue.Instance : Text(invoice.PaymentUrl)));

    private FluidValue Total(TotalModel total) =>
        Object(("currency", Text(total.Currency)), ("amount_due", Amount(total.Currency, total.AmountDue)));

    // The amount gets the currency's scale (1200 EUR is 1200.00), which also keeps it apart from
    // the integers Fluid shares between values: only scale-0 numbers are shared, and those print
    // the same with 0 decimals.
    private NumberValue Amount(string currency, decimal amount)
    {
        var decimals = Iso4217.TryGetMinorUnits(currency, out var minorUnits) ? minorUnits : FallbackDecimals;
        var zeroWithScale = new decimal(0, 0, 0, false, (byte)decimals);
        var scaled = decimal.Round(amount, decimals, MidpointRounding.AwayFromZero) + zeroWithScale;
        var value = NumberValue.Create(scaled);
        _amountDecimals[value] = decimals;
        return value;
    }

    private static FluidValue Text(string? value) => StringValue.Create(value ?? string.Empty);

    private static FluidValue Object(params (string Name, FluidValue Value)[] members)
    {
        var values = new Dictionary<string, FluidValue>(members.Length, StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            values[name] = value;
        }

        return DictionaryValue.Create(new FluidValueDictionaryFluidIndexable(values));
    }
}
