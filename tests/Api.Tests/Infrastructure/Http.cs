using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mimo.Api.Tests.Infrastructure;

/// <summary>Small helpers that keep HTTP tests readable.</summary>
public static class Http
{
    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> SendRawAsync(
        this HttpClient client,
        HttpMethod method,
        string path,
        string body,
        string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, path)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a ProblemDetails answer with this status and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 ValidationProblem that names these fields, and returns its errors.</summary>
    public static async Task<JsonElement> ValidationProblemAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
            Assert.True(messages.GetArrayLength() > 0);
        }

        return errors;
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static decimal Number(this JsonElement element, string property) => element.GetProperty(property).GetDecimal();
}
