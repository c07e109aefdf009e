using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Reliability;

/// <summary>
/// A few clients that each work on a customer of their own, in a loop: create an invoice, record a
/// payment on it, read the customer and read a page of the customer list. Every answer is kept
/// with its time; every write the API acknowledged (2xx) is remembered, to be read back later.
/// </summary>
public sealed class WriteTraffic(TenantClient tenant, int clients)
{
    private const decimal InvoiceAmount = 100m;
    private const decimal PaymentAmount = 10m;

    private readonly ConcurrentQueue<TrafficAnswer> _answers = new();
    private readonly ConcurrentQueue<AcknowledgedWrite> _writes = new();
    private readonly int[] _cleanRounds = new int[clients];

    /// <summary>Every answer so far, with the time it came.</summary>
    public IReadOnlyList<TrafficAnswer> Answers => [.. _answers];

    /// <summary>Creates the clients' customers, each with a contact and no invoice yet.</summary>
    public async Task PrepareAsync()
    {
        for (var client = 0; client < clients; client++)
        {
            var contacts = new[] { new { email = $"load{client}@customer.test" } };
            var body = new { name = $"Load {client}", contacts };
            await (await tenant.Http.PutAsJsonAsync($"/v1/customers/{CustomerId(client)}", body))
                .JsonAsync(HttpStatusCode.Created);
        }
    }

    /// <summary>Runs every client until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients)
            .Select(client => Task.Run(() => LoopAsync(client, stop), CancellationToken.None)));

    /// <summary>Forgets the clean rounds counted so far: from now on, only rounds without a failure count.</summary>
    public void RestartCleanCount()
    {
        for (var client = 0; client < clients; client++)
        {
            Interlocked.Exchange(ref _cleanRounds[client], 0);
        }
    }

    /// <summary>Waits until every client has made <paramref name="rounds"/> rounds in a row all answered 2xx.</summary>
    public async Task WaitForCleanRoundsAsync(int rounds, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (Enumerable.Range(0, clients).Any(c => Volatile.Read(ref _cleanRounds[c]) < rounds))
        {
            Assert.True(
                DateTimeOffset.UtcNow < deadline,
                $"The clients did not get {rounds} clean rounds each within {timeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Reads back every acknowledged write; returns a line for each one that is not there.</summary>
    public async Task<IReadOnlyList<string>> MissingWritesAsync()
    {
        var missing = new List<string>();
        foreach (var write in _writes)
        {
            var response = await tenant.Http.GetAsync($"/v1/customers/{write.CustomerId}/invoices/{write.InvoiceId}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                missing.Add($"{write}: GET answered {(int)response.StatusCode}");
                continue;
            }

            var invoice = await response.Content.ReadFromJsonAsync<JsonElement>();
            var references = invoice.GetProperty("payments").EnumerateArray()
                .Select(p => p.GetProperty("reference").GetString()).ToList();
            if (write.PaymentReference is { } reference && !references.Contains(reference))
            {
                missing.Add($"{write}: payment {reference} is not on the invoice ({references.Count} payments)");
            }
        }

        return missing;
    }

    /// <summary>How many writes were acknowledged.</summary>
    public (int Invoices, int Payments) Acknowledged =>
        (_writes.Count, _writes.Count(w => w.PaymentReference is not null));

    private static string CustomerId(int client) => $"load-{client}";

    private async Task LoopAsync(int client, CancellationToken stop)
    {
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var clean = await RoundAsync(CustomerId(client), $"INV-{round}");
            if (clean)
            {
                Interlocked.Increment(ref _cleanRounds[client]);
            }
            else
            {
                Interlocked.Exchange(ref _cleanRounds[client], 0);
            }
        }
    }

    /// <summary>One round; true when every request of it was answered 2xx.</summary>
    private async Task<bool> RoundAsync(string customerId, string invoiceId)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var invoicePath = $"/v1/customers/{customerId}/invoices/{invoiceId}";
        var invoice = new
        {
            issueDate = ReminderSetup.Date(today),
            dueDate = ReminderSetup.Date(today.AddDays(30)),
            currency = "EUR",
            amount = InvoiceAmount,
        };
        var clean = await SendAsync("PUT invoice", () => tenant.Http.PutAsJsonAsync(invoicePath, invoice));
        if (clean)
        {
            var reference = $"{customerId}/{invoiceId}";
            var payment = new { amount = PaymentAmount, paidOn = ReminderSetup.Date(today), reference };
            var paid = await SendAsync(
                "POST payment",
                () => tenant.Http.PostAsJsonAsync($"{invoicePath}/payments", payment));
            _writes.Enqueue(new AcknowledgedWrite(customerId, invoiceId, paid ? reference : null));
            clean = paid;
        }

        clean &= await SendAsync("GET customer", () => tenant.Http.GetAsync($"/v1/customers/{customerId}"));
        clean &= await SendAsync("GET customers", () => tenant.Http.GetAsync("/v1/customers?limit=20"));
        return clean;
    }

    /// <summary>Sends one request and records its answer; true when it was 2xx.</summary>
    private async Task<bool> SendAsync(string route, Func<Task<HttpResponseMessage>> send)
    {
        int status;
        var retryAfter = false;
        string? detail = null;
        try
        {
            using var response = await send();
            status = (int)response.StatusCode;
            retryAfter = response.Headers.RetryAfter?.Delta is not null;
            if (status >= 300 && status != (int)HttpStatusCode.ServiceUnavailable)
            {
                detail = await response.Content.ReadAsStringAsync();
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            status = 0;
            detail = exception.Message;
        }

        _answers.Enqueue(new TrafficAnswer(DateTimeOffset.UtcNow, route, status, retryAfter, detail));
        return status is >= 200 and < 300;
    }
}

/// <summary>One answer the traffic got; status 0 when none came (connection refused, timeout).</summary>
public sealed record TrafficAnswer(DateTimeOffset At, string Route, int Status, bool RetryAfter, string? Detail)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsUnavailable => Status == (int)HttpStatusCode.ServiceUnavailable;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{At:HH:mm:ss.fff} {Route} {Status} {Detail}");
}

/// <summary>An invoice whose creation the API acknowledged, and its payment when that was acknowledged too.</summary>
public sealed record AcknowledgedWrite(string CustomerId, string InvoiceId, string? PaymentReference);
