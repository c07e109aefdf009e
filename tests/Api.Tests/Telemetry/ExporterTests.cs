using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Telemetry;

/// <summary>The OTLP exporter: off without an endpoint, configured by the standard variables with one.</summary>
public sealed class ExporterTests
{
    /// <summary>An empty endpoint is how the Kubernetes ConfigMap ships: it must mean "off", too.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task NoEndpoint_NothingIsSent_NotEvenToTheDefaultCollectorPorts(string? endpoint)
    {
        using var grpc = new ConnectionCounter(4317);
        using var http = new ConnectionCounter(4318);
        var settings = new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint };

        await using (var api = await ApiHost.StartAsync(settings))
        {
            using var client = api.CreateClient(ApiHost.OperatorKey);
            await client.PostAsJsonAsync("/v1/tenants", new { name = "Quiet", sender = new { email = "q@q.example" } });
        }

        Assert.Equal(0, grpc.Accepted);
        Assert.Equal(0, http.Accepted);
    }

    [Fact]
    public async Task AnEndpoint_MetricsTracesAndLogsGoThere_UnderTheServiceNameAndAttributesConfigured()
    {
        await using var collector = await FakeCollector.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "mimo-api-eu",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=ci-otlp",
        };

        await using (var api = await ApiHost.StartAsync(settings))
        {
            using var client = api.CreateClient(ApiHost.OperatorKey);
            await client.PostAsJsonAsync("/v1/tenants", new { name = "Loud", sender = new { email = "l@l.example" } });
        }

        Assert.Equal(["/v1/logs", "/v1/metrics", "/v1/traces"], collector.Paths.Order());
        Assert.Equal(["application/x-protobuf"], collector.ContentTypes);
        Assert.True(collector.Received("/v1/traces", "/v1/tenants"), "The request's span was not exported.");
        Assert.True(collector.Received("/v1/metrics", "mimo-api-eu"), "The service name was not OTEL_SERVICE_NAME.");
        Assert.True(collector.Received("/v1/metrics", "ci-otlp"), "OTEL_RESOURCE_ATTRIBUTES was not applied.");
        Assert.True(collector.Received("/v1/metrics", "Microsoft.Orleans"), "Orleans' meter was not exported.");
    }

    /// <summary>Listens on a loopback port (IPv4 and IPv6) and counts the connections made to it.</summary>
    private sealed class ConnectionCounter : IDisposable
    {
        private readonly List<TcpListener> _listeners = [];
        private int _accepted;

        public ConnectionCounter(int port)
        {
            foreach (var address in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
            {
                var listener = new TcpListener(address, port);
                try
                {
                    listener.Start();
                }
                catch (SocketException exception)
                {
                    throw new InvalidOperationException(
                        $"Port {port} on {address} is taken, so this test cannot watch it: {exception.Message}", exception);
                }

                _listeners.Add(listener);
                _ = AcceptAsync(listener);
            }
        }

        public int Accepted => Volatile.Read(ref _accepted);

        public void Dispose() => _listeners.ForEach(l => l.Stop());

        private async Task AcceptAsync(TcpListener listener)
        {
            try
            {
                while (true)
                {
                    using var connection = await listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _accepted);
                }
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }
    }
}
