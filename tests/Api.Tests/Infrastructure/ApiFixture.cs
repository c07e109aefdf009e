using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mimo.Api.Tests.Infrastructure;

/// <summary>One API with its embedded in-memory silo, shared by the tests of a collection.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ApiHost Host { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await ApiHost.StartAsync();
        Operator = Host.CreateClient(ApiHost.OperatorKey);
        Anonymous = Host.CreateClient();
    }

    /// <summary>A fresh tenant and a client that sends its key.</summary>
    public Task<TenantClient> NewTenantAsync(string name = "Acme Billing", string? timeZone = "Europe/Berlin") =>
        Host.NewTenantAsync(name, timeZone);

    public async Task DisposeAsync()
    {
        Operator.Dispose();
        Anonymous.Dispose();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>A tenant of the test API: its id, its key and an HTTP client that authenticates with it.</summary>
public sealed record TenantClient(string Id, string Key, HttpClient Http);
