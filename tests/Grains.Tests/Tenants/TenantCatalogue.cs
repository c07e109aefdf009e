using System.Security.Cryptography;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Interfaces.Workflows;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Tenants;

/// <summary>New tenants and ordinary templates and workflows for tenant grain tests.</summary>
public static class TenantCatalogue
{
    /// <summary>The hash of the secret of the key <c>k1</c> every new tenant gets.</summary>
    public static readonly byte[] Secret = SHA256.HashData("secret"u8);

    public static readonly NewTenant Acme = new("Acme Billing", "Europe/Paris", new Sender("Acme", "billing@acme.test"));

    public static async Task<ITenantGrain> NewTenantAsync(IClusterClient client)
    {
        var tenant = client.GetGrain<ITenantGrain>(NewId("tn"));
        var key = new ApiKeyHash("k1", Secret, DateTimeOffset.UnixEpoch);
        Assert.Equal(ResultStatus.Created, (await tenant.CreateAsync(Acme, key)).Status);
        return tenant;
    }

    public static TemplateContent AContent(string name = "Friendly", string subject = "Hello {{ customer.name }}") =>
        new(name, subject, "<p>Dear {{ customer.name }},</p>", null);

    public static WorkflowDefinition AWorkflow(string templateId = "default", int priority = 0, string name = "Standard") =>
        new(
            name,
            priority,
            new WorkflowAudience(),
            [new WorkflowStep("due", 1, templateId), new WorkflowStep("week", 7, templateId)],
            null);

    public static async Task<long> RevisionAsync(ITenantGrain tenant) =>
        (await tenant.GetReminderContextAsync())!.Revision;
}
