namespace Mimo.Api.Tests.Security;

/// <summary>The ids a route's placeholders stand for.</summary>
public sealed record RouteIds(string CustomerId, string InvoiceId, string TemplateId, string WorkflowId, string KeyId);

/// <summary>A route of the API with a body that is valid for it.</summary>
public sealed record RouteCase(string Name, HttpMethod Method, string Path, string? Body, string ContentType = "application/json")
{
    public HttpRequestMessage Request(
        string customerId,
        string invoiceId,
        string templateId = "t-1",
        string workflowId = "w-1",
        string keyId = "k-1")
    {
        var (path, body) = Fill(new RouteIds(customerId, invoiceId, templateId, workflowId, keyId));
        var request = new HttpRequestMessage(Method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, ContentType);
        }

        return request;
    }

    /// <summary>The path and body with these ids in place of their placeholders.</summary>
    public (string Path, string? Body) Fill(RouteIds ids)
    {
        string Filled(string text) => text
            .Replace("{customerId}", ids.CustomerId)
            .Replace("{invoiceId}", ids.InvoiceId)
            .Replace("{templateId}", ids.TemplateId)
            .Replace("{workflowId}", ids.WorkflowId)
            .Replace("{keyId}", ids.KeyId);

        return (Filled(Path), Body is null ? null : Filled(Body));
    }

    public override string ToString() => Name;
}

/// <summary>Every route of the API, so that security tests cover each one.</summary>
public static class RouteCatalogue
{
    public const string CustomerBody =
        """{"name":"Intruder Ltd","contacts":[{"email":"x@intruder.example"}],"paymentMethod":"card"}""";

    public const string InvoiceBody =
        """{"issueDate":"2026-10-01","dueDate":"2026-10-31","currency":"EUR","amount":1.00}""";

    public const string TemplateBody =
        """{"name":"Intruder","subject":"Hello {{ customer.name }}","html":"<p>Pay up</p>"}""";

    public const string WorkflowBody =
        """{"name":"Intruder","priority":1,"audience":{},"steps":"""
        + """[{"name":"s","offsetDays":1,"templateId":"default"}]}""";

    public const string TenantPatchBody =
        """{"name":"Renamed","timeZone":"Europe/Paris","sendTime":"08:30","businessDays":["Mon","Tue"]"""
        + ""","minDaysBetweenReminders":3,"defaultReminderMode":"smart","replyTo":"help@renamed.example"}""";

    public static readonly RouteCase CreateTenant = new(
        "create tenant",
        HttpMethod.Post,
        "/v1/tenants",
        """{"name":"T","sender":{"name":"T","email":"t@t.example"}}""");

    public static readonly RouteCase StartDashboardSession = new(
        "start dashboard session",
        HttpMethod.Post,
        "/v1/operator/dashboard-session",
        null);

    public static readonly RouteCase DashboardCounters = new(
        "dashboard counters",
        HttpMethod.Get,
        "/dashboard/DashboardCounters",
        null);

    /// <summary>The routes of the operator key: creating tenants and the Orleans dashboard.</summary>
    public static readonly IReadOnlyList<RouteCase> OperatorRoutes =
        [CreateTenant, StartDashboardSession, DashboardCounters];

    public static readonly IReadOnlyList<RouteCase> TenantRoutes =
    [
        new("get tenant", HttpMethod.Get, "/v1/tenant", null),
        new("patch tenant", HttpMethod.Patch, "/v1/tenant", TenantPatchBody),
        new("create api key", HttpMethod.Post, "/v1/tenant/api-keys", null),
        new("list api keys", HttpMethod.Get, "/v1/tenant/api-keys", null),
        new("revoke api key", HttpMethod.Delete, "/v1/tenant/api-keys/{keyId}", null),
        new("put customer", HttpMethod.Put, "/v1/customers/{customerId}", CustomerBody),
        new("get customer", HttpMethod.Get, "/v1/customers/{customerId}", null),
        new("list customers", HttpMethod.Get, "/v1/customers", null),
        new("delete customer", HttpMethod.Delete, "/v1/customers/{customerId}", null),
        new("put invoice", HttpMethod.Put, "/v1/customers/{customerId}/invoices/{invoiceId}", InvoiceBody),
        new("get invoice", HttpMethod.Get, "/v1/customers/{customerId}/invoices/{invoiceId}", null),
        new("pay invoice", HttpMethod.Post, "/v1/customers/{customerId}/invoices/{invoiceId}/payments",
            """{"amount":1.00,"paidOn":"2026-11-01"}"""),
        new("void invoice", HttpMethod.Post, "/v1/customers/{customerId}/invoices/{invoiceId}/void", null),
        new("hold invoice", HttpMethod.Put, "/v1/customers/{customerId}/invoices/{invoiceId}/hold",
            """{"reason":"dispute"}"""),
        new("lift hold", HttpMethod.Delete, "/v1/customers/{customerId}/invoices/{invoiceId}/hold", null),
        new("set reminders", HttpMethod.Put, "/v1/customers/{customerId}/reminders",
            """{"mode":"custom","workflowId":"{workflowId}","pausedUntil":"2030-01-01T00:00:00Z"}"""),
        new("get schedule", HttpMethod.Get, "/v1/customers/{customerId}/schedule", null),
        new("get activity", HttpMethod.Get, "/v1/customers/{customerId}/activity", null),
        new("get pay score", HttpMethod.Get, "/v1/customers/{customerId}/pay-score", null),
        new("import", HttpMethod.Post, "/v1/import",
            """{"type":"payment","customerId":"{customerId}","invoiceId":"{invoiceId}","amount":1,"paidOn":"2026-11-01"}""",
            "application/x-ndjson"),
        new("send manual reminder", HttpMethod.Post, "/v1/customers/{customerId}/reminders/send",
            """{"invoiceIds":["{invoiceId}"]}"""),
        new("send manual reminder batch", HttpMethod.Post, "/v1/reminders/batch",
            """{"items":[{"customerId":"{customerId}","invoiceIds":["{invoiceId}"]}]}"""),
        new("preview manual reminder", HttpMethod.Post, "/v1/reminders/preview",
            """{"customerId":"{customerId}","invoiceIds":["{invoiceId}"]}"""),
        new("create template", HttpMethod.Post, "/v1/templates", """{"id":"{templateId}",""" + TemplateBody[1..]),
        new("list templates", HttpMethod.Get, "/v1/templates", null),
        new("get template", HttpMethod.Get, "/v1/templates/{templateId}", null),
        new("put template", HttpMethod.Put, "/v1/templates/{templateId}", TemplateBody),
        new("delete template", HttpMethod.Delete, "/v1/templates/{templateId}", null),
        new("create workflow", HttpMethod.Post, "/v1/workflows", """{"id":"{workflowId}",""" + WorkflowBody[1..]),
        new("list workflows", HttpMethod.Get, "/v1/workflows", null),
        new("get workflow", HttpMethod.Get, "/v1/workflows/{workflowId}", null),
        new("put workflow", HttpMethod.Put, "/v1/workflows/{workflowId}", WorkflowBody),
        new("delete workflow", HttpMethod.Delete, "/v1/workflows/{workflowId}", null),
    ];

    public static IEnumerable<object[]> AllRoutes() =>
        TenantRoutes.Concat(OperatorRoutes).Select(r => new object[] { r.Name });

    public static IEnumerable<object[]> TenantRouteNames() => TenantRoutes.Select(r => new object[] { r.Name });

    public static IEnumerable<object[]> OperatorRouteNames() => OperatorRoutes.Select(r => new object[] { r.Name });

    public static RouteCase Find(string name) => TenantRoutes.Concat(OperatorRoutes).Single(r => r.Name == name);

    /// <summary>The route of this method and path template, or null when the catalogue lacks it.</summary>
    public static RouteCase? Find(HttpMethod method, string path) =>
        TenantRoutes.Concat(OperatorRoutes).SingleOrDefault(r => r.Method == method && r.Path == path);
}
