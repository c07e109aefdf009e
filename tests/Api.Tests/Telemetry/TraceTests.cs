using System.Diagnostics;
using System.Net;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Grains.Telemetry;
using Mimo.Silo.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Mimo.Api.Tests.Telemetry;

/// <summary>The spans a manual send leaves, as an OpenTelemetry exporter receives them.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TraceTests(TelemetryFixture fixture)
{
    private ExportedTelemetry Telemetry => fixture.Telemetry;

    [Fact]
    public async Task ManualSend_OneTraceRunsFromTheHttpRequestThroughTheGrainsToTheSmtpServer()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);

        var accepted = await (await world.SendAsync(customer.Id, new { })).JsonAsync(HttpStatusCode.Accepted);
        await world.SentAsync(customer.Id, 1);
        Telemetry.FlushSpans();

        var send = Assert.Single(Telemetry.Spans, s =>
            s.OperationName == MimoActivities.SendEmail && Tag(s, MimoActivities.MessageIdTag) == accepted.Text("messageId"));
        var trace = Telemetry.Spans.Where(s => s.TraceId == send.TraceId).ToList();
        var request = Assert.Single(trace, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal("/v1/customers/{customerId}/reminders/send", Tag(request, "http.route"));
        var grainCall = Assert.Single(trace, s => s.DisplayName == "ICustomerGrain/SendManualAsync" && s.Kind == ActivityKind.Server);
        var queued = Assert.Single(trace, s => s.DisplayName == "IEmailDeliveryGrain/EnqueueAsync" && s.Kind == ActivityKind.Server);
        Assert.Equal(grainCall.SpanId, Parent(trace, queued).ParentSpanId);
        var delivery = Assert.Single(trace, s => s.OperationName == MimoActivities.DeliverEmail);
        Assert.Equal(queued.SpanId, delivery.ParentSpanId);
        Assert.Equal(delivery.SpanId, send.ParentSpanId);
        Assert.Equal("smtp", Tag(send, MimoActivities.TransportTag));
        Assert.Equal("sent", Tag(send, MimoActivities.OutcomeTag));
        Assert.Equal(fixture.Smtp.Port, send.GetTagItem("server.port"));
        Assert.Equal(world.Tenant.Id, Tag(delivery, MimoActivities.TenantTag));
        Assert.Equal("sent", Tag(delivery, MimoActivities.OutcomeTag));
        Assert.Contains(trace, s => s.ParentSpanId == delivery.SpanId && s.DisplayName == "ICustomerGrain/PrepareDeliveryAsync");
    }

    [Fact]
    public async Task HealthProbes_AreNotTraced()
    {
        using var anonymous = fixture.Host.CreateClient();

        await anonymous.GetAsync("/health/live");
        await anonymous.GetAsync("/openapi/v1.json");
        Telemetry.FlushSpans();

        Assert.DoesNotContain(Telemetry.Spans, s => Tag(s, "url.path") == "/health/live");
        Assert.Contains(Telemetry.Spans, s => Tag(s, "url.path") == "/openapi/v1.json");
    }

    [Fact]
    public async Task DashboardPolling_IsNotTraced()
    {
        using var operatorClient = fixture.Host.CreateClient(ApiHost.OperatorKey);

        var counters = await operatorClient.GetAsync("/dashboard/DashboardCounters");
        Telemetry.FlushSpans();

        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.DoesNotContain(
            Telemetry.Spans,
            s => Tag(s, "url.path")?.StartsWith("/dashboard", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Resource_NamesTheServiceMimoApi()
    {
        var resource = ((TracerProvider)fixture.Host.Services.GetService(typeof(TracerProvider))!).GetResource();

        var attributes = resource.Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal(MimoTelemetry.ApiServiceName, attributes["service.name"]);
        Assert.True(attributes.ContainsKey("service.instance.id"));
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private static Activity Parent(IEnumerable<Activity> trace, Activity span) =>
        Assert.Single(trace, s => s.SpanId == span.ParentSpanId);
}
