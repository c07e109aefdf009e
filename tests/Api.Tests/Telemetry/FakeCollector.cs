using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mimo.Api.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP receiver on a loopback port that keeps what it is sent, by path
/// (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>), and answers as a collector does.
/// </summary>
public sealed class FakeCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, string ContentType, byte[] Body)> _received = new();

    private FakeCollector(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public static async Task<FakeCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var collector = new FakeCollector(app);
        app.MapPost("/v1/{signal}", collector.ReceiveAsync);
        await app.StartAsync();
        collector.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return collector;
    }

    /// <summary>The paths posted to so far.</summary>
    public IReadOnlySet<string> Paths => _received.Select(r => r.Path).ToHashSet();

    /// <summary>The content types the exporter used.</summary>
    public IReadOnlySet<string> ContentTypes => _received.Select(r => r.ContentType).ToHashSet();

    /// <summary>Whether any payload posted to <paramref name="path"/> holds <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
    public bool Received(string path, string text) =>
        _received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        _received.Enqueue((request.Path.Value!, request.ContentType ?? "", body.ToArray()));
        return Results.Bytes([], "application/x-protobuf");
    }
}
