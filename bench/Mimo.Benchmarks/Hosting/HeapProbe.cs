using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Mimo.Benchmarks.Hosting;

/// <summary>
/// Answers <c>GET http://127.0.0.1:{MimoBench:ProbePort}/heap</c> in the silo process with the
/// managed heap after a full blocking, compacting collection and the silo's activation counts
/// (<see cref="HeapReading"/>). No port configured, no probe.
/// </summary>
internal sealed class HeapProbe(IConfiguration configuration, IGrainFactory grains) : BackgroundService
{
    public const string PortKey = "MimoBench:ProbePort";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var port = configuration.GetValue<int?>(PortKey);
        if (port is null)
        {
            return;
        }

        using var listener = new HttpListener();
        listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        listener.Start();
        using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        if (context.Request.Url?.AbsolutePath != "/heap")
        {
            response.StatusCode = 404;
            return;
        }

        var reading = await ReadAsync();
        response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(response.OutputStream, reading, HeapReading.JsonOptions);
    }

    /// <summary>Counts activations first, so that the call's garbage is collected before the heap is read.</summary>
    private async Task<HeapReading> ReadAsync()
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var total = statistics.Sum(s => s.ActivationCount);
        var customers = statistics
            .Where(s => s.GrainType.Contains("CustomerGrain", StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return new HeapReading(heap, info.HeapSizeBytes, info.FragmentedBytes, total, customers);
    }
}
