using System.Net;
using System.Net.Http.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Templates;

/// <summary>
/// A tenant's template that would run away is stopped with a clear answer: a 400 at preview, a
/// failed send in the activity log, never a 5xx or a grain that hangs.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HostileTemplateTests(ApiFixture api)
{
    [Theory]
    [InlineData("{% assign a = (1..100000) %}{% for i in a %}{% for j in a %}{% endfor %}{% endfor %}", "never ends")]
    [InlineData("{% for i in (1..2000000000) %}x{% endfor %}", "list of more than")]
    [InlineData("{% capture c %}{% for i in (1..100000) %}xxxxxxxxxxxxxxxxxxxx{% endfor %}{% endcapture %}{{ c }}",
        "characters")]
    [InlineData("{{ invoices[0].amount_due | format_number: 'F99999999' }}", "format_number allows a precision")]
    [InlineData("{{ '{0,-999999}' | format_string: customer.name }}", "format_string allows a width")]
    public async Task RunawayTemplate_IsSaved_ButItsPreviewIs400SayingWhy(string html, string reason)
    {
        var (tenant, customerId) = await CustomerWithAnInvoiceAsync();
        var saved = await tenant.Http.PutJsonAsync("/v1/templates/runaway", Bodies.Template(html: html));
        await saved.JsonAsync(HttpStatusCode.Created);

        var preview = await tenant.Http.PostAsJsonAsync(
            "/v1/reminders/preview",
            new { customerId, templateId = "runaway" });

        var errors = await preview.ValidationProblemAsync("templateId");
        var message = errors.GetProperty("templateId")[0].GetString();
        Assert.Contains("could not be rendered", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunawayTemplate_InASend_IsAFailedSendInTheActivityLog_AndTheCustomerStillAnswers()
    {
        var (tenant, customerId) = await CustomerWithAnInvoiceAsync();
        const string loop = "{% assign a = (1..100000) %}{% for i in a %}{% for j in a %}{% endfor %}{% endfor %}";
        await (await tenant.Http.PutJsonAsync("/v1/templates/runaway", Bodies.Template(html: loop)))
            .JsonAsync(HttpStatusCode.Created);

        var sent = await tenant.Http.PostAsJsonAsync(
            $"/v1/customers/{customerId}/reminders/send",
            new { templateId = "runaway" });
        await sent.JsonAsync(HttpStatusCode.Accepted);

        var activity = await tenant.WaitForActivityAsync(customerId, "failed");
        var failed = activity.First(a => a.Text("kind") == "failed");
        Assert.Contains("never ends", failed.Text("reason"), StringComparison.Ordinal);
        await (await tenant.Http.GetAsync($"/v1/customers/{customerId}")).JsonAsync(HttpStatusCode.OK);
    }

    private async Task<(TenantClient Tenant, string CustomerId)> CustomerWithAnInvoiceAsync()
    {
        var tenant = await api.NewTenantAsync();
        var customerId = TestIds.New("c");
        await tenant.PutCustomerAsync(customerId, Bodies.Customer());
        await (await tenant.Http.PutJsonAsync($"/v1/customers/{customerId}/invoices/i-1", Bodies.Invoice()))
            .JsonAsync(HttpStatusCode.Created);
        return (tenant, customerId);
    }
}
