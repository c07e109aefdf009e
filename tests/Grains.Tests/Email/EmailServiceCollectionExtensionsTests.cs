using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Mimo.Grains.Email;
using Mimo.Grains.Telemetry;

namespace Mimo.Grains.Tests.Email;

public sealed class EmailServiceCollectionExtensionsTests
{
    [Fact]
    public void AddMimoEmail_WithoutHost_WritesToThePickupDirectory()
    {
        using var provider = Provider(new() { ["Smtp:PickupDirectory"] = "outbox" });

        Assert.IsType<PickupDirectoryTransport>(provider.GetRequiredService<IEmailTransport>());
    }

    [Fact]
    public void AddMimoEmail_WithHost_SendsOverSmtp()
    {
        using var provider = Provider(new() { ["Smtp:Host"] = "smtp.example", ["Smtp:Port"] = "2525" });

        Assert.IsType<SmtpTransport>(provider.GetRequiredService<IEmailTransport>());
        Assert.Equal(2525, provider.GetRequiredService<IOptions<SmtpOptions>>().Value.Port);
    }

    [Fact]
    public void AddMimoEmail_DeliveryQueue_IsOneInstanceThatIsAlsoTheHostedService()
    {
        using var provider = Provider([]);

        var queue = provider.GetRequiredService<DeliveryQueue>();

        Assert.Same(queue, Assert.Single(provider.GetServices<IHostedService>().OfType<DeliveryQueue>()));
        Assert.NotNull(provider.GetRequiredService<TemplateRenderer>());
        Assert.Same(provider.GetRequiredService<MimoMetrics>(), provider.GetRequiredService<MimoMetrics>());
    }

    [Fact]
    public async Task AddMimoEmail_InvalidOptions_StopTheHostFromStarting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Smtp:MaxConnections"] = "0" });
        builder.Services.AddMimoEmail(builder.Configuration);
        builder.Services.AddSingleton<IDeliveryHandler>(new RecordingDeliveryHandler());
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Smtp:MaxConnections", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMimoEmail(configuration);
        services.AddSingleton<IDeliveryHandler>(new RecordingDeliveryHandler());
        return services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
