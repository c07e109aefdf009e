using System.Net;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Operations;

[Collection(ApiCollection.Name)]
public sealed class OperationsTests(ApiFixture api)
{
    [Fact]
    public async Task Live_AnswersWithoutAKey()
    {
        var health = await (await api.Anonymous.GetAsync("/health/live")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Healthy", health.Text("status"));
    }

    [Fact]
    public async Task Ready_ChecksTheClusterAndTheDatabase()
    {
        var health = await (await api.Anonymous.GetAsync("/health/ready")).JsonAsync(HttpStatusCode.OK);

        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("cluster").Text("status"));
        Assert.Contains("1 active silo", checks.GetProperty("cluster").Text("description"));
        Assert.Contains("No database", checks.GetProperty("database").Text("description"));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryRouteAndTheKeyScheme()
    {
        var document = await (await api.Anonymous.GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        string[] expected =
        [
            "/v1/tenants", "/v1/tenant", "/v1/tenant/api-keys", "/v1/tenant/api-keys/{keyId}",
            "/v1/customers", "/v1/customers/{customerId}",
            "/v1/customers/{customerId}/invoices/{invoiceId}",
            "/v1/customers/{customerId}/invoices/{invoiceId}/payments",
            "/v1/customers/{customerId}/invoices/{invoiceId}/void",
            "/v1/customers/{customerId}/invoices/{invoiceId}/hold",
            "/v1/customers/{customerId}/reminders", "/v1/customers/{customerId}/schedule",
            "/v1/customers/{customerId}/activity", "/v1/customers/{customerId}/pay-score",
            "/v1/import", "/health/live", "/health/ready",
            "/v1/templates", "/v1/templates/{templateId}", "/v1/workflows", "/v1/workflows/{workflowId}",
        ];
        foreach (var path in expected)
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("bearer", scheme.Text("scheme"));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Contains("direct_debit", schemas.GetProperty("PaymentMethod").ToString());
        var pausedUntil = schemas.GetProperty("ReminderSettingsRequest").GetProperty("properties").GetProperty("pausedUntil");
        Assert.Equal("date-time", pausedUntil.Text("format"));
    }

    [Fact]
    public async Task ReferencePage_IsServed()
    {
        var response = await api.Anonymous.GetAsync("/reference/");

        var script = await api.Anonymous.GetAsync("/reference/scalar.js");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", page);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
