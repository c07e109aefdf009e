using System.IO.Pipelines;
using System.Threading.Channels;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Import;

/// <summary>
/// Applies an NDJSON import as it streams in. Lines are spread over a fixed set of workers by
/// customer id, so the lines of one customer apply in file order while different customers
/// apply in parallel; the bounded queues hold back reading when the cluster is slower. A worker
/// takes the lines waiting in its queue together and hands each customer its lines in one call,
/// a few customers of one take at a time, so a customer and its invoices cost one state write
/// instead of one per line. The slower the writes, the more lines wait, and the more of each
/// customer's lines go into one write.
/// </summary>
public sealed partial class ImportRunner(IGrainFactory grains, TimeProvider clock, ILogger<ImportRunner> logger)
{
    /// <summary>How many workers share the customers of one import.</summary>
    public const int Workers = 32;

    /// <summary>
    /// How many customers one worker writes to at the same time: with <see cref="Workers"/>, 128
    /// grain calls in flight per import, enough to keep the database busy without calls queueing
    /// for its connections until they time out.
    /// </summary>
    private const int CustomersPerWorker = 4;

    private const int QueueLength = 2048;

    /// <summary>
    /// How many waiting lines a worker takes at once; each customer's share of them is one grain call.
    /// </summary>
    private const int MaxBatch = 2048;

    public async Task<ImportReport> RunAsync(string tenantId, PipeReader body, CancellationToken cancellationToken)
    {
        var parser = new ImportLineParser(ApiJson.CreateOptions(), clock);
        var tally = new ImportTally();
        var queues = Enumerable.Range(0, Workers)
            .Select(_ => Channel.CreateBounded<ImportCommand>(new BoundedChannelOptions(QueueLength)
            {
                SingleReader = true,
                SingleWriter = true,
            }))
            .ToArray();
        var workers = queues.Select(q => ApplyAllAsync(tenantId, q.Reader, tally, cancellationToken)).ToArray();

        try
        {
            await foreach (var line in NdjsonLines.ReadAsync(body, RequestLimits.MaxImportLineBytes, cancellationToken))
            {
                await DispatchAsync(parser.Parse(line), queues, tally, cancellationToken);
            }
        }
        finally
        {
            foreach (var queue in queues)
            {
                queue.Writer.TryComplete();
            }

            await Task.WhenAll(workers);
        }

        var report = tally.ToReport();
        LogImported(logger, tenantId, report.Accepted, report.Rejected);
        return report;
    }

    private static async Task DispatchAsync(
        ImportEntry entry,
        Channel<ImportCommand>[] queues,
        ImportTally tally,
        CancellationToken cancellationToken)
    {
        if (entry is ImportCommand command)
        {
            var worker = (int)((uint)StringComparer.Ordinal.GetHashCode(command.CustomerId) % Workers);
            await queues[worker].Writer.WriteAsync(command, cancellationToken);
        }
        else
        {
            tally.Reject((ImportRejection)entry);
        }
    }

    private async Task ApplyAllAsync(
        string tenantId,
        ChannelReader<ImportCommand> queue,
        ImportTally tally,
        CancellationToken cancellationToken)
    {
        var batch = new List<ImportCommand>(MaxBatch);
        while (await queue.WaitToReadAsync(cancellationToken))
        {
            while (batch.Count < MaxBatch && queue.TryRead(out var command))
            {
                batch.Add(command);
            }

            await Parallel.ForEachAsync(
                batch.GroupBy(c => c.CustomerId, StringComparer.Ordinal),
                new ParallelOptions { MaxDegreeOfParallelism = CustomersPerWorker },
                async (customer, _) => await ApplyCustomerAsync(tenantId, customer.ToList(), tally));
            batch.Clear();
        }
    }

    /// <summary>
    /// Applies one customer's lines (in file order) with one grain call and one state write; each
    /// line keeps its own outcome.
    /// </summary>
    private async Task ApplyCustomerAsync(string tenantId, IReadOnlyList<ImportCommand> commands, ImportTally tally)
    {
        var customer = grains.GetGrain<ICustomerGrain>(CustomerKey.Format(tenantId, commands[0].CustomerId));
        IReadOnlyList<string?> errors;
        try
        {
            errors = await customer.ApplyChangesAsync(commands.Select(c => c.ToChange()).ToList());
        }
        catch (Exception exception) when (ServiceUnavailable.Is(exception))
        {
            errors = Everywhere(commands, "The service was temporarily unavailable: send this line again.");
        }
        catch (Exception exception)
        {
            LogLinesFailed(logger, exception, tenantId, commands[0].Line, commands.Count);
            errors = Everywhere(commands, "The line could not be applied because of an internal error; it was logged.");
        }

        for (var i = 0; i < commands.Count; i++)
        {
            if (errors[i] is { } error)
            {
                tally.Reject(new ImportRejection(commands[i].Line, error));
            }
            else
            {
                tally.Accept();
            }
        }
    }

    private static string?[] Everywhere(IReadOnlyList<ImportCommand> commands, string error) =>
        [.. commands.Select(_ => error)];

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Import for tenant {TenantId}: {Accepted} lines accepted, {Rejected} rejected")]
    private static partial void LogImported(ILogger logger, string tenantId, int accepted, int rejected);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Import lines from {Line} ({Count} lines of one customer) of tenant {TenantId} failed")]
    private static partial void LogLinesFailed(
        ILogger logger,
        Exception exception,
        string tenantId,
        int line,
        int count);
}
