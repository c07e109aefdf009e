using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Tests.Infrastructure;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Templates;

[Collection(GrainClusterCollection.Name)]
public sealed class TemplateGrainTests(GrainClusterFixture fixture)
{
    private static readonly TemplateContent Friendly = new("Friendly", "Hello", "<p>Hello</p>", "Hello");

    private ITemplateGrain NewTemplate(string templateId = "friendly") =>
        fixture.Client.GetGrain<ITemplateGrain>(TemplateKey.Format(NewId("tn"), templateId));

    [Fact]
    public async Task Save_CreatesThenReplaces_CountingVersions()
    {
        var template = NewTemplate();

        var created = await template.SaveAsync(Friendly);
        var replaced = await template.SaveAsync(Friendly with { Name = "Friendlier" });

        Assert.Equal(ResultStatus.Created, created.Status);
        Assert.Equal(ResultStatus.Ok, replaced.Status);
        Assert.Equal("friendly", replaced.Value!.Id);
        Assert.Equal([1, 2], new[] { created.Value!.Version, replaced.Value.Version });
        Assert.Equal(created.Value.CreatedAt, replaced.Value.CreatedAt);
        Assert.Equal("Friendlier", (await template.GetAsync())!.Content.Name);
    }

    [Fact]
    public async Task Delete_ForgetsTheContentButNotTheVersion()
    {
        var template = NewTemplate();
        await template.SaveAsync(Friendly);

        var deleted = await template.DeleteAsync();
        var missing = await template.GetAsync();
        var recreated = await template.SaveAsync(Friendly);

        Assert.True(deleted);
        Assert.Null(missing);
        Assert.Equal(ResultStatus.Created, recreated.Status);
        Assert.Equal(2, recreated.Value!.Version);
    }

    [Fact]
    public async Task Delete_WhenThereIsNone_IsFalse()
    {
        var template = NewTemplate();

        Assert.False(await template.DeleteAsync());
        Assert.Null(await template.GetAsync());
    }

    [Fact]
    public void TemplateKey_RoundTrips()
    {
        var key = TemplateKey.Format("tn1", "tpl.friendly");

        Assert.Equal(("tn1", "tpl.friendly"), TemplateKey.Parse(key));
        Assert.Throws<ArgumentException>(() => TemplateKey.Parse("no-slash"));
    }
}
