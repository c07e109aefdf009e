using System.Globalization;
using System.Text.Json.Serialization;
using Mimo.Benchmarks.Hosting;
using Mimo.Benchmarks.Infrastructure;
using Mimo.Benchmarks.Reporting;

namespace Mimo.Benchmarks.Sections;

/// <summary>
/// The figures of one dispatch size. <see cref="Seconds"/> runs from <see cref="DueAt"/> to the
/// last email's arrival at the sink; lateness is each email's arrival minus <see cref="DueAt"/>.
/// </summary>
internal sealed record DispatchSize(
    int Emails,
    DateTimeOffset DueAt,
    double SetupSeconds,
    bool SetupFinishedBeforeDue,
    int RemindersAtDueInstant,
    double? Seconds,
    int Accepted,
    int DistinctMessageIds,
    double? FirstAcceptedAfterSeconds,
    double? LatenessP50Seconds,
    double? LatenessP99Seconds,
    double? LatenessMaxSeconds,
    double? BareMailKitSeconds,
    int? BareAccepted,
    int SmtpConnections,
    double? Ratio,
    double? MillisecondsPerEmail,
    CpuUse Cpu,
    CpuUse? BareCpu,
    string? DidNotFinish)
{
    /// <summary>Setup seconds per customer, which the next size's due instant is planned with.</summary>
    [JsonIgnore]
    public double SetupSecondsPerCustomer => SetupSeconds / Emails;

    [JsonIgnore]
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{Emails:N0} due at once: last accepted after {Seconds:0.00} s, lateness p50 {LatenessP50Seconds:0.00} s "
        + $"p99 {LatenessP99Seconds:0.00} s; bare MailKit {BareMailKitSeconds:0.00} s; ratio {Ratio:0.00}; cores: {Cpu}"
        + $"{(DidNotFinish is null ? "" : " (" + DidNotFinish + ")")}");

    public static DispatchSize From(BenchContext context, DispatchRun run, BareRun? bare)
    {
        var lateness = run.Emails.Select(e => (e.ArrivedAt - run.DueAt).TotalSeconds).Order().ToList();
        double? seconds = run.Finished && lateness.Count > 0 ? lateness[^1] : null;
        double? bareSeconds = bare?.Elapsed.TotalSeconds;
        return new DispatchSize(
            run.Customers,
            run.DueAt,
            Math.Round(run.Setup.Seconds, 3),
            run.Setup.FinishedBeforeDue,
            run.Setup.RemindersAtDueInstant,
            Figures.Round(seconds, 3),
            run.Emails.Count,
            run.Emails.Select(e => MessageId(e.Message)).Distinct(StringComparer.Ordinal).Count(),
            Figures.Round(lateness.Count > 0 ? lateness[0] : null, 3),
            Figures.Round(Figures.Quantile(lateness, 0.50), 3),
            Figures.Round(Figures.Quantile(lateness, 0.99), 3),
            Figures.Round(lateness.Count > 0 ? lateness[^1] : null, 3),
            Figures.Round(bareSeconds, 3),
            bare?.Accepted,
            SmtpSettings.MaxConnections,
            Figures.Round(seconds / bareSeconds, 3),
            Figures.Round(seconds * 1000 / run.Customers, 3),
            run.Cpu,
            bare?.Cpu,
            run.Finished ? null : context.DidNotFinish($"Sending the {run.Customers:N0} emails"));
    }

    private static string MessageId(string message)
    {
        using var reader = new StringReader(message);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            if (line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
            {
                // A folded header goes on in the next line, which starts with white space.
                var value = line["Message-Id:".Length..].Trim();
                return value.Length > 0 ? value : reader.ReadLine()?.Trim() ?? "";
            }
        }

        return message;
    }
}
