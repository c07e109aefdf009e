using System.Net;
using System.Text;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Import;

[Collection(ApiCollection.Name)]
public sealed class ImportTests(ApiFixture api)
{
    [Fact]
    public async Task ExampleFile_ImportsSixLinesAndRejectsTheBadOne()
    {
        var tenant = await api.NewTenantAsync();
        var file = await File.ReadAllTextAsync(ExampleFile());

        var report = await (await ImportAsync(tenant, file)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(6, report.GetProperty("accepted").GetInt32());
        Assert.Equal(1, report.GetProperty("rejected").GetInt32());
        var error = report.GetProperty("errors")[0];
        Assert.Equal(7, error.GetProperty("line").GetInt32());
        Assert.Equal("The due date must not be before the issue date.", error.Text("title"));
        var paid = await (await tenant.Http.GetAsync("/v1/customers/c-2001/invoices/INV-7001")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("paid", paid.Text("status"));
        var umbrella = await (await tenant.Http.GetAsync("/v1/customers/c-2002")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("America/New_York", umbrella.Text("timeZone"));
        Assert.Equal(1, umbrella.GetProperty("openInvoices").GetArrayLength());
    }

    [Fact]
    public async Task ImportingTheSameFileTwice_ChangesNothingTheSecondTime()
    {
        var tenant = await api.NewTenantAsync();
        var file = await File.ReadAllTextAsync(ExampleFile());
        await ImportAsync(tenant, file);

        var second = await (await ImportAsync(tenant, file)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(6, second.GetProperty("accepted").GetInt32());
        var paid = await (await tenant.Http.GetAsync("/v1/customers/c-2001/invoices/INV-7001")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, paid.GetProperty("payments").GetArrayLength());
    }

    [Fact]
    public async Task BadLines_AreReportedOneByOne_AndNeverStopTheRest()
    {
        var tenant = await api.NewTenantAsync();
        var lines = new[]
        {
            """{"type":"customer","id":"c-1","name":"One"}""",
            """not json""",
            """{"type":"supplier","id":"s-1"}""",
            """[1,2,3]""",
            """{"type":"customer","id":"bad id","name":"Two"}""",
            """{"type":"invoice","customerId":"c-1","id":"i-1","issueDate":"2026-10-01","dueDate":"2026-10-31","currency":"EUR","amount":"ten"}""",
            """{"type":"invoice","customerId":"c-missing","id":"i-1","issueDate":"2026-10-01","dueDate":"2026-10-31","currency":"EUR","amount":10}""",
            "",
            """{"type":"invoice","customerId":"c-1","id":"i-2","issueDate":"2026-10-01","dueDate":"2026-10-31","currency":"EUR","amount":10}""",
            """{"type":"payment","customerId":"c-1","invoiceId":"i-2","amount":11,"paidOn":"2026-11-01"}""",
        };

        var report = await (await ImportAsync(tenant, string.Join("\n", lines))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, report.GetProperty("accepted").GetInt32());
        Assert.Equal(7, report.GetProperty("rejected").GetInt32());
        var rejected = report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32());
        Assert.Equal([2, 3, 4, 5, 6, 7, 10], rejected);
        var errors = report.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("line").GetInt32());
        Assert.Contains("a number", errors[6].Text("title"));
        Assert.Equal("There is no such customer.", errors[7].Text("title"));
        Assert.Contains("more than", errors[10].Text("title"));
    }

    [Fact]
    public async Task LinesOfOneCustomer_ApplyInFileOrder()
    {
        var tenant = await api.NewTenantAsync();
        var builder = new StringBuilder();
        for (var c = 0; c < 40; c++)
        {
            builder.AppendLine($$"""{"type":"customer","id":"c-{{c}}","name":"Customer {{c}}"}""");
            for (var i = 0; i < 5; i++)
            {
                builder.AppendLine($$"""{"type":"invoice","customerId":"c-{{c}}","id":"i-{{i}}","issueDate":"2026-10-01","dueDate":"2026-10-31","currency":"EUR","amount":100}""");
                builder.AppendLine($$"""{"type":"payment","customerId":"c-{{c}}","invoiceId":"i-{{i}}","amount":40,"paidOn":"2026-11-01","reference":"p-{{i}}"}""");
            }
        }

        var report = await (await ImportAsync(tenant, builder.ToString())).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(40 * 11, report.GetProperty("accepted").GetInt32());
        Assert.Equal(0, report.GetProperty("rejected").GetInt32());
        var customer = await (await tenant.Http.GetAsync("/v1/customers/c-39")).JsonAsync(HttpStatusCode.OK);
        var outstanding = customer.GetProperty("outstanding")[0];
        Assert.Equal(300m, outstanding.Number("amount"));
    }

    [Fact]
    public async Task AnImportLargerThanTheJsonLimit_IsStreamed()
    {
        var tenant = await api.NewTenantAsync();
        var padding = new string('x', 150);
        var builder = new StringBuilder();
        for (var c = 0; c < 8_000; c++)
        {
            builder.AppendLine($$"""{"type":"customer","id":"c-{{c}}","name":"Customer {{c}} {{padding}}"}""");
        }

        Assert.True(builder.Length > 1024 * 1024);

        var report = await (await ImportAsync(tenant, builder.ToString())).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(8_000, report.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task AnOverlongLine_IsRejectedAlone()
    {
        var tenant = await api.NewTenantAsync();
        var longLine = $$"""{"type":"customer","id":"c-long","name":"{{new string('x', 70_000)}}"}""";
        var body = string.Join("\r\n",
            """{"type":"customer","id":"c-1","name":"One"}""",
            longLine,
            """{"type":"customer","id":"c-2","name":"Two"}""");

        var report = await (await ImportAsync(tenant, body)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, report.GetProperty("accepted").GetInt32());
        Assert.Equal(2, report.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.Contains("longer than", report.GetProperty("errors")[0].Text("title"));
    }

    [Fact]
    public async Task ManyBadLines_ListTheFirstThousand_AndCountThemAll()
    {
        var tenant = await api.NewTenantAsync();
        var body = string.Join("\n", Enumerable.Range(0, 1_500).Select(_ => "{}"));

        var report = await (await ImportAsync(tenant, body)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1_500, report.GetProperty("rejected").GetInt32());
        Assert.Equal(1_000, report.GetProperty("errors").GetArrayLength());
        Assert.True(report.GetProperty("errorsTruncated").GetBoolean());
        Assert.Equal(1, report.GetProperty("errors")[0].GetProperty("line").GetInt32());
    }

    private static Task<HttpResponseMessage> ImportAsync(TenantClient tenant, string body) =>
        tenant.Http.SendRawAsync(HttpMethod.Post, "/v1/import", body, "application/x-ndjson");

    private static string ExampleFile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mimo.Orleans.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "docs", "examples", "import.ndjson");
    }
}
