using System.Security.Cryptography;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Tests.Infrastructure;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Tenants;

[Collection(GrainClusterCollection.Name)]
public sealed class TenantGrainTests(GrainClusterFixture fixture)
{
    private static readonly byte[] Secret = TenantCatalogue.Secret;

    private Task<ITenantGrain> NewTenantAsync() => TenantCatalogue.NewTenantAsync(fixture.Client);

    [Fact]
    public async Task Create_StartsWithTheDefaults()
    {
        var tenant = await NewTenantAsync();

        var settings = await tenant.GetSettingsAsync();

        Assert.Equal("Acme Billing", settings!.Name);
        Assert.Equal("Europe/Paris", settings.TimeZone);
        Assert.Equal(new TimeOnly(9, 0), settings.SendTime);
        Assert.Equal(5, settings.BusinessDays.Count);
        Assert.Equal(2, settings.MinDaysBetweenReminders);
        Assert.Equal(ReminderMode.None, settings.DefaultReminderMode);
    }

    [Fact]
    public async Task Create_Twice_IsAConflict()
    {
        var tenant = await NewTenantAsync();

        var again = await tenant.CreateAsync(TenantCatalogue.Acme, new ApiKeyHash("k2", Secret, DateTimeOffset.UnixEpoch));

        Assert.Equal(ResultStatus.Conflict, again.Status);
        Assert.False(await tenant.IsKeyValidAsync("k2", Secret));
    }

    [Fact]
    public async Task IsKeyValid_NeedsTheRightIdAndSecret()
    {
        var tenant = await NewTenantAsync();

        Assert.True(await tenant.IsKeyValidAsync("k1", Secret));
        Assert.False(await tenant.IsKeyValidAsync("k1", SHA256.HashData("other"u8)));
        Assert.False(await tenant.IsKeyValidAsync("k9", Secret));
    }

    [Fact]
    public async Task UnknownTenant_HasNoSettingsAndNoValidKey()
    {
        var tenant = fixture.Client.GetGrain<ITenantGrain>(NewId("tn"));

        Assert.Null(await tenant.GetSettingsAsync());
        Assert.False(await tenant.IsKeyValidAsync("k1", Secret));
        Assert.Equal(ResultStatus.NotFound, (await tenant.UpdateSettingsAsync(new TenantSettingsPatch())).Status);
    }

    [Fact]
    public async Task UpdateSettings_ASmartTemplateThatDoesNotExist_IsInvalidAndChangesNothing()
    {
        var tenant = await NewTenantAsync();

        var result = await tenant.UpdateSettingsAsync(new TenantSettingsPatch(
            SendTime: new TimeOnly(8, 30),
            SmartTemplates: new Dictionary<PayerBand, string> { [PayerBand.Timely] = "missing" }));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("smartTemplates.timely", result.Field);
        Assert.Equal(new TimeOnly(9, 0), (await tenant.GetSettingsAsync())!.SendTime);
    }

    [Fact]
    public async Task DeleteTemplate_UsedAsASmartMessage_IsAConflict()
    {
        var tenant = await NewTenantAsync();
        await tenant.SaveTemplateAsync("firm", new TemplateContent("Firm", "Please pay", "<p>Please pay.</p>", null), mustBeNew: true);
        await tenant.UpdateSettingsAsync(new TenantSettingsPatch(SmartTemplates: new Dictionary<PayerBand, string> { [PayerBand.Late] = "firm" }));

        var deleted = await tenant.DeleteTemplateAsync("firm");

        Assert.Equal(ResultStatus.Conflict, deleted.Status);
        Assert.Contains("smartTemplates", deleted.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateSettings_ChangesOnlyWhatThePatchNames()
    {
        var tenant = await NewTenantAsync();
        await tenant.SaveTemplateAsync("firm", new TemplateContent("Firm", "Please pay", "<p>Please pay.</p>", null), mustBeNew: true);

        var updated = await tenant.UpdateSettingsAsync(new TenantSettingsPatch(
            SendTime: new TimeOnly(8, 30),
            BusinessDays: [DayOfWeek.Friday, DayOfWeek.Monday],
            ReplyTo: "ar@acme.test",
            SmartTemplates: new Dictionary<PayerBand, string> { [PayerBand.Late] = "firm" }));
        var cleared = await tenant.UpdateSettingsAsync(new TenantSettingsPatch(ClearReplyTo: true));

        Assert.Equal(new TimeOnly(8, 30), updated.Value!.SendTime);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], updated.Value.BusinessDays);
        Assert.Equal("ar@acme.test", updated.Value.ReplyTo);
        Assert.Equal("firm", updated.Value.SmartTemplates[PayerBand.Late]);
        Assert.Equal("Acme Billing", updated.Value.Name);
        Assert.Null(cleared.Value!.ReplyTo);
        Assert.Equal(new TimeOnly(8, 30), cleared.Value.SendTime);
    }
}
