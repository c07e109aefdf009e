using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mimo.Benchmarks.Hosting;

namespace Mimo.Benchmarks.Load;

/// <summary>
/// One tenant's calls to the API over one pooled <see cref="HttpClient"/> (at most
/// <see cref="MaxConnections"/> connections), with its key on every request.
/// </summary>
internal sealed class TenantApi : IDisposable
{
    public const int MaxConnections = 128;

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue Ndjson = new("application/x-ndjson");

    private readonly HttpClient _http;

    private TenantApi(HttpClient http) => _http = http;

    /// <summary>Creates a tenant with the operator key and returns a client that calls as that tenant.</summary>
    public static async Task<TenantApi> CreateAsync(Uri apiAddress, string name, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = MaxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        };
        var http = new HttpClient(handler) { BaseAddress = apiAddress, Timeout = timeout };
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/tenants")
        {
            Content = JsonContent.Create(new
            {
                name,
                timeZone = "UTC",
                sender = new { name, email = "billing@bench.example" },
            }),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Deployment.OperatorKey);
        using var response = await http.SendAsync(create);
        var created = await ReadAsync(response);
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", created.GetProperty("apiKey").GetString());
        return new TenantApi(http);
    }

    public async Task PatchSettingsAsync(object settings)
    {
        using var response = await _http.PatchAsJsonAsync("/v1/tenant", settings);
        await ReadAsync(response);
    }

    public async Task PutWorkflowAsync(string workflowId, object workflow)
    {
        using var response = await _http.PutAsJsonAsync($"/v1/workflows/{workflowId}", workflow);
        await ReadAsync(response);
    }

    /// <summary>A PUT of a ready-made JSON body; true when the answer is a success.</summary>
    public async Task<bool> PutAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await _http.PutAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    /// <summary><c>POST /v1/import</c> of a whole NDJSON file in one request.</summary>
    public async Task<ImportAnswer> ImportAsync(byte[] ndjson, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(ndjson);
        content.Headers.ContentType = Ndjson;
        using var response = await _http.PostAsync(new Uri("/v1/import", UriKind.Relative), content, cancellationToken);
        var answer = await ReadAsync(response);
        return new ImportAnswer(
            answer.GetProperty("accepted").GetInt32(),
            answer.GetProperty("rejected").GetInt32(),
            answer.GetProperty("errors").EnumerateArray().Select(e => e.ToString()).FirstOrDefault());
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered "
                + $"{(int)response.StatusCode}: {body}");
        }

        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}

/// <summary>What an import answered: lines accepted and rejected, and the first rejection.</summary>
internal sealed record ImportAnswer(int Accepted, int Rejected, string? FirstError);
