using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing.Smtp;

namespace Mimo.Api.Tests.Reminders;

/// <summary>A customer of a test, with the address its emails go to and its invoice ids.</summary>
public sealed record TestCustomer(string Id, string Email, IReadOnlyList<string> InvoiceIds);

/// <summary>One tenant of a manual reminder test, its customers and the emails they receive, all over HTTP.</summary>
public sealed class ManualWorld(TenantClient tenant, TestSmtpServer smtp)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public TenantClient Tenant { get; } = tenant;

    public HttpClient Http => Tenant.Http;

    /// <summary>A customer with one contact and an open EUR invoice per amount, numbered after its ids.</summary>
    public async Task<TestCustomer> CustomerAsync(params decimal[] amounts)
    {
        var id = TestIds.New("c");
        var email = $"ap-{id}@globex.example";
        await (await Http.PutJsonAsync($"/v1/customers/{id}", Bodies.Customer($"Globex {id}", email)))
            .JsonAsync(HttpStatusCode.Created);
        var invoiceIds = new List<string>();
        foreach (var amount in amounts)
        {
            var invoiceId = $"INV-{invoiceIds.Count + 1}";
            await (await Http.PutJsonAsync($"/v1/customers/{id}/invoices/{invoiceId}", Bodies.Invoice(amount)))
                .JsonAsync(HttpStatusCode.Created);
            invoiceIds.Add(invoiceId);
        }

        return new TestCustomer(id, email, invoiceIds);
    }

    public async Task PayAsync(string customerId, string invoiceId, decimal amount) =>
        await (await Http.PostAsJsonAsync(
            $"/v1/customers/{customerId}/invoices/{invoiceId}/payments",
            Bodies.Payment(amount))).JsonAsync(HttpStatusCode.Created);

    public Task<HttpResponseMessage> SendAsync(string customerId, object body, string? idempotencyKey = null) =>
        PostAsync($"/v1/customers/{customerId}/reminders/send", body, idempotencyKey);

    public Task<HttpResponseMessage> BatchAsync(object body, string? idempotencyKey = null) =>
        PostAsync("/v1/reminders/batch", body, idempotencyKey);

    public Task<HttpResponseMessage> PreviewAsync(object body) => PostAsync("/v1/reminders/preview", body, null);

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is string raw
                ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return Http.SendAsync(request);
    }

    /// <summary>The emails received so far for <paramref name="address"/>.</summary>
    public IReadOnlyList<ReceivedEmail> EmailsTo(string address) =>
        smtp.Messages.Where(m => m.EnvelopeRecipients.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>Waits until <paramref name="count"/> emails arrived for <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForEmailsAsync(string address, int count)
    {
        await Until(() => Task.FromResult(EmailsTo(address).Count >= count), $"{count} emails to {address}");
        return EmailsTo(address);
    }

    /// <summary>Waits until no manual email of the customer is waiting for delivery any more.</summary>
    public Task DeliveredAsync(string customerId) =>
        Until(
            async () => !(await ScheduleAsync(customerId)).Any(s => s.Text("source") == "manual"),
            $"the manual emails of {customerId} to be delivered");

    public async Task<IReadOnlyList<JsonElement>> ScheduleAsync(string customerId) =>
        (await (await Http.GetAsync($"/v1/customers/{customerId}/schedule")).JsonAsync(HttpStatusCode.OK))
            .EnumerateArray().ToList();

    public async Task<IReadOnlyList<JsonElement>> ActivityAsync(string customerId) =>
        (await (await Http.GetAsync($"/v1/customers/{customerId}/activity")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList();

    /// <summary>The customer's sent entries, once <paramref name="count"/> of them are in the activity log.</summary>
    public async Task<IReadOnlyList<JsonElement>> SentAsync(string customerId, int count)
    {
        IReadOnlyList<JsonElement> sent = [];
        await Until(
            async () =>
            {
                sent = (await ActivityAsync(customerId)).Where(e => e.Text("kind") == "sent").ToList();
                return sent.Count >= count;
            },
            $"{count} sent entries in the activity of {customerId}");
        return sent;
    }

    /// <summary>Nothing was queued, sent or written to the activity log for the customer.</summary>
    public async Task AssertNothingSentAsync(TestCustomer customer)
    {
        Assert.DoesNotContain(await ScheduleAsync(customer.Id), s => s.Text("source") == "manual");
        Assert.Empty(await ActivityAsync(customer.Id));
        Assert.Empty(EmailsTo(customer.Email));
    }

    /// <summary>The strings of a JSON array property.</summary>
    public static IReadOnlyList<string?> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()).ToList();

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
