using System.IO.Pipelines;
using System.Threading.Channels;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Import;

/// <summary>
/// Applies an NDJSON import as it streams in. Lines are spread over a fixed set of workers by
/// customer id, so the lines of one customer apply in file order while different customers
/// apply in parallel; the bounded queues hold back reading when the cluster is slower.
/// </summary>
public sealed partial class ImportRunner(IGrainFactory grains, TimeProvider clock, ILogger<ImportRunner> logger)
{
    /// <summary>How many customers are written to at the same time by one import.</summary>
    public const int Workers = 32;

    private const int QueueLength = 64;

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
        await foreach (var command in queue.ReadAllAsync(cancellationToken))
        {
            var customer = grains.GetGrain<ICustomerGrain>(CustomerKey.Format(tenantId, command.CustomerId));
            var error = await ApplyAsync(tenantId, command, customer);
            if (error is null)
            {
                tally.Accept();
            }
            else
            {
                tally.Reject(new ImportRejection(command.Line, error));
            }
        }
    }

    private async Task<string?> ApplyAsync(string tenantId, ImportCommand command, ICustomerGrain customer)
    {
        try
        {
            return await command.ApplyAsync(customer);
        }
        catch (Exception exception) when (ServiceUnavailable.Is(exception))
        {
            return "The service was temporarily unavailable: send this line again.";
        }
        catch (Exception exception)
        {
            LogLineFailed(logger, exception, tenantId, command.Line);
            return "The line could not be applied because of an internal error; it was logged.";
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Import for tenant {TenantId}: {Accepted} lines accepted, {Rejected} rejected")]
    private static partial void LogImported(ILogger logger, string tenantId, int accepted, int rejected);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import line {Line} of tenant {TenantId} failed")]
    private static partial void LogLineFailed(ILogger logger, Exception exception, string tenantId, int line);
}
