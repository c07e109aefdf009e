using System.Net;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing.Postgres;
using Mimo.Testing.Smtp;

namespace Mimo.Api.Tests.Reminders;

/// <summary>With PostgreSQL, Idempotency-Keys are durable: an API and silo that restart still know them.</summary>
public sealed class ManualIdempotencyAcrossRestartTests
{
    [Fact]
    public async Task ARepeatedKey_IsRecognisedAfterTheApiRestarts_AndSendsNothingMore()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var smtp = await TestSmtpServer.StartAsync();
        var settings = ManualReminderFixture.SmtpSettings(smtp);
        settings["ConnectionStrings:Postgres"] = database.ConnectionString;
        var (sendKey, batchKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var send = new { invoiceIds = new[] { "INV-1" }, message = "Before the restart." };

        TenantClient tenant;
        TestCustomer single, batched;
        string firstSend, firstBatch;
        await using (var host = await ApiHost.StartAsync(settings))
        {
            var world = new ManualWorld(tenant = await host.NewTenantAsync(), smtp);
            (single, batched) = (await world.CustomerAsync(100m, 200m), await world.CustomerAsync(300m));
            firstSend = await TextAsync(await world.SendAsync(single.Id, send, sendKey), HttpStatusCode.Accepted);
            firstBatch = await TextAsync(await world.BatchAsync(Batch(batched), batchKey), HttpStatusCode.OK);
            await world.SentAsync(single.Id, 1);
            await world.SentAsync(batched.Id, 1);
        }

        await using var restarted = await ApiHost.StartAsync(settings);
        var again = new ManualWorld(tenant with { Http = restarted.CreateClient(tenant.Key) }, smtp);
        var repeatedSend = await again.SendAsync(single.Id, send, sendKey);
        var repeatedBatch = await again.BatchAsync(Batch(batched), batchKey);
        var otherSend = await again.SendAsync(single.Id, send with { message = "After the restart." }, sendKey);
        var otherBatch = await again.BatchAsync(Batch(batched, single), batchKey);

        Assert.Equal(firstSend, await TextAsync(repeatedSend, HttpStatusCode.Accepted));
        Assert.Equal(firstBatch, await TextAsync(repeatedBatch, HttpStatusCode.OK));
        await otherSend.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await otherBatch.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await again.DeliveredAsync(single.Id);
        await again.DeliveredAsync(batched.Id);
        Assert.Single(again.EmailsTo(single.Email));
        Assert.Single(again.EmailsTo(batched.Email));
        Assert.Single(await again.SentAsync(single.Id, 1));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await response.JsonAsync(status)).ToString();

    private static object Batch(params TestCustomer[] customers) =>
        new { items = customers.Select(c => new { customerId = c.Id, message = $"For {c.Id}" }) };
}
