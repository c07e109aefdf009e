using System.Net;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Telemetry;

/// <summary>The <c>Mimo</c> meter as an OpenTelemetry exporter reads it, after reminders went over HTTP and SMTP.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests(TelemetryFixture fixture)
{
    private ExportedTelemetry Telemetry => fixture.Telemetry;

    [Fact]
    public async Task ManualSend_CountsOnePlannedAndOneSent_ForItsTenantAndSource()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);
        var tenant = ("tenant", world.Tenant.Id);

        await (await world.SendAsync(customer.Id, new { })).JsonAsync(HttpStatusCode.Accepted);
        await world.SentAsync(customer.Id, 1);

        Assert.Equal(1, Telemetry.Sum("mimo.reminders.planned", tenant, ("source", "manual")));
        Assert.Equal(1, Telemetry.Sum("mimo.reminders.sent", tenant, ("source", "manual")));
        Assert.Equal(0, Telemetry.Sum("mimo.reminders.sent", tenant, ("source", "smart")));
        Assert.Equal(0, Telemetry.Sum("mimo.reminders.failed", tenant));
        Assert.Equal(0, Telemetry.Sum("mimo.outbox.pending", tenant));
    }

    [Fact]
    public async Task ManualSend_RecordsTheSmtpAttemptAsSent()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);
        var before = Telemetry.Count("mimo.smtp.duration", ("outcome", "sent"));

        await (await world.SendAsync(customer.Id, new { })).JsonAsync(HttpStatusCode.Accepted);
        await world.SentAsync(customer.Id, 1);

        Assert.Equal(before + 1, Telemetry.Count("mimo.smtp.duration", ("outcome", "sent")));
    }

    [Fact]
    public async Task TemporarySmtpFailure_CountsARetry_AndTheEmailWaitsInTheOutbox()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);
        var tenant = ("tenant", world.Tenant.Id);
        var failedAttempts = Telemetry.Count("mimo.smtp.duration", ("outcome", "transient_failure"));
        fixture.Smtp.StartTemporaryFailures();
        try
        {
            await (await world.SendAsync(customer.Id, new { })).JsonAsync(HttpStatusCode.Accepted);
            await RetryingAsync(world, customer.Id);
        }
        finally
        {
            fixture.Smtp.StopTemporaryFailures();
        }

        Assert.Equal(1, Telemetry.Sum("mimo.reminders.retried", tenant, ("source", "manual")));
        Assert.Equal(0, Telemetry.Sum("mimo.reminders.sent", tenant));
        Assert.Equal(1, Telemetry.Sum("mimo.outbox.pending", tenant));
        Assert.Equal(failedAttempts + 1, Telemetry.Count("mimo.smtp.duration", ("outcome", "transient_failure")));
    }

    [Fact]
    public void OrleansMeter_IsExported()
    {
        var metrics = Telemetry.CollectMetrics();

        Assert.Contains(metrics, m => m.MeterName == "Microsoft.Orleans");
        Assert.Contains(metrics, m => m.Name == "mimo.delivery.queue_depth");
    }

    private static async Task RetryingAsync(Reminders.ManualWorld world, string customerId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await world.ActivityAsync(customerId)).Any(e => e.Text("kind") == "retrying"))
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the retry to be recorded.");
            await Task.Delay(50);
        }
    }
}
