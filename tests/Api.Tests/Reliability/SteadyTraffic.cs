using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Reliability;

/// <summary>
/// Mixed traffic at a fixed pace: each worker looks after its own customers and, on each visit to
/// one, creates an invoice, pays part of it, reads the customer, sends a manual reminder for it,
/// reads a page of the customer list and pays off the invoice of its previous visit (by then its
/// reminder has long gone, so paying it stops nothing). Each request waits for the next tick of
/// the worker's clock, so the rate stays the same however fast the answers come.
/// </summary>
public sealed class SteadyTraffic(TenantClient tenant, int customers, int workers, TimeSpan pace)
{
    private const decimal InvoiceAmount = 100m;
    private const decimal FirstPayment = 40m;

    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<string> _sentMessageIds = new();
    private int _requests;

    /// <summary>Every request that was not answered 2xx, with its answer.</summary>
    public IReadOnlyList<string> Failures => [.. _failures];

    /// <summary>The Message-IDs of the manual reminders the API accepted.</summary>
    public IReadOnlyList<string> SentMessageIds => [.. _sentMessageIds];

    public int Requests => Volatile.Read(ref _requests);

    public async Task PrepareAsync()
    {
        for (var i = 0; i < customers; i++)
        {
            var body = new { name = $"Soak {i}", contacts = new[] { new { email = $"soak{i}@customer.test" } } };
            var response = await tenant.Http.PutAsJsonAsync($"/v1/customers/{CustomerId(i)}", body);
            await response.JsonAsync(HttpStatusCode.Created);
        }
    }

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers)
            .Select(worker => Task.Run(() => WorkAsync(worker, stop), CancellationToken.None)));

    private static string CustomerId(int index) => $"soak-{index}";

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        var own = Enumerable.Range(0, customers).Where(i => i % workers == worker).Select(CustomerId).ToList();
        using var clock = new PeriodicTimer(pace);
        try
        {
            for (var visit = 0; ; visit++)
            {
                var customerId = own[visit % own.Count];
                await VisitAsync(clock, customerId, visit / own.Count, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private async Task VisitAsync(PeriodicTimer clock, string customerId, int round, CancellationToken stop)
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow);
        var today = ReminderSetup.Date(date);
        var customer = $"/v1/customers/{customerId}";
        var invoice = $"{customer}/invoices/INV-{round}";

        // Due in a month: no automatic reminder falls due during the run, only the manual ones are sent.
        var dueDate = ReminderSetup.Date(date.AddDays(30));
        var body = new { issueDate = today, dueDate, currency = "EUR", amount = InvoiceAmount };

        await SendAsync(clock, stop, () => tenant.Http.PutAsJsonAsync(invoice, body));
        await SendAsync(clock, stop, () =>
            tenant.Http.PostAsJsonAsync($"{invoice}/payments", Payment(FirstPayment, today)));
        await SendAsync(clock, stop, () => tenant.Http.GetAsync(customer));
        var sent = await SendAsync(clock, stop, () =>
            tenant.Http.PostAsJsonAsync($"{customer}/reminders/send", new { invoiceIds = new[] { $"INV-{round}" } }));
        if (sent is { } accepted)
        {
            _sentMessageIds.Enqueue(accepted.Text("messageId"));
        }

        await SendAsync(clock, stop, () => tenant.Http.GetAsync("/v1/customers?limit=20"));
        if (round > 0)
        {
            var previous = $"{customer}/invoices/INV-{round - 1}/payments";
            await SendAsync(clock, stop, () =>
                tenant.Http.PostAsJsonAsync(previous, Payment(InvoiceAmount - FirstPayment, today)));
        }
    }

    private static object Payment(decimal amount, string today) => new { amount, paidOn = today };

    /// <summary>Waits for the next tick and sends; returns the JSON body of a 2xx answer, or null.</summary>
    private async Task<JsonElement?> SendAsync(
        PeriodicTimer clock,
        CancellationToken stop,
        Func<Task<HttpResponseMessage>> send)
    {
        if (!await clock.WaitForNextTickAsync(stop))
        {
            throw new OperationCanceledException(stop);
        }

        Interlocked.Increment(ref _requests);
        using var response = await send();
        var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
        if (!response.IsSuccessStatusCode)
        {
            var request = response.RequestMessage;
            _failures.Enqueue($"{request?.Method} {request?.RequestUri}: {(int)response.StatusCode} {text}");
            return null;
        }

        return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
    }
}
