using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mimo.Api;
using Mimo.Testing.Network;

namespace Mimo.Api.Tests.Infrastructure;

/// <summary>
/// The real API on a loopback port, built exactly as <c>dotnet run --project src/Api</c> builds it,
/// with test settings: free ports for its silo, a known operator key, quiet logs.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string OperatorKey = "test-operator-key-0123456789";

    private readonly WebApplication _app;

    private readonly string _operatorKey;

    private ApiHost(WebApplication app, Uri address, string outbox, string operatorKey)
    {
        _app = app;
        _operatorKey = operatorKey;
        Address = address;
        Outbox = outbox;
    }

    public Uri Address { get; }

    /// <summary>The pickup directory emails are written to.</summary>
    public string Outbox { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the API with <paramref name="settings"/> over the test defaults; <paramref name="configure"/>
    /// may add services, after the settings and before the API's own (an exporter, say).
    /// </summary>
    public static async Task<ApiHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var outbox = Directory.CreateTempSubdirectory("mimo-api-outbox-").FullName;
        var configuration = new Dictionary<string, string?>
        {
            ["Operator:ApiKey"] = OperatorKey,
            ["Cluster:ClusterId"] = "api-tests-" + Guid.NewGuid().ToString("N")[..8],
            ["Cluster:SiloPort"] = FreeTcpPort.Next().ToString(),
            ["Cluster:GatewayPort"] = FreeTcpPort.Next().ToString(),
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
            ["Smtp:PickupDirectory"] = outbox,
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests send thousands of requests per tenant in seconds; the limit has its own tests.
            ["RateLimit:RequestsPerSecond"] = "100000",
            ["RateLimit:Burst"] = "1000000",
            ["Logging:LogLevel:Mimo"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = MimoApi.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration);
                configure?.Invoke(builder);
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First();
        return new ApiHost(app, new Uri(address), outbox, configuration["Operator:ApiKey"]!);
    }

    /// <summary>A fresh tenant, created with the operator key, and a client that sends the tenant's key.</summary>
    public async Task<TenantClient> NewTenantAsync(string name = "Acme Billing", string? timeZone = "Europe/Berlin")
    {
        using var operatorClient = CreateClient(_operatorKey);
        var response = await operatorClient.PostAsJsonAsync("/v1/tenants", new
        {
            name,
            timeZone,
            sender = new { name, email = "billing@acme.example" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("apiKey").GetString()!;
        return new TenantClient(created.GetProperty("id").GetString()!, key, CreateClient(key));
    }

    public HttpClient CreateClient(string? key = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Outbox, recursive: true);
    }
}
