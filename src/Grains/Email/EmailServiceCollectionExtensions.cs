using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mimo.Grains.Telemetry;

namespace Mimo.Grains.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the email subsystem: <see cref="SmtpOptions"/> from the <c>Smtp</c> section,
    /// validated at start-up; <see cref="TemplateRenderer"/>; <see cref="MimoMetrics"/>; the
    /// <see cref="IEmailTransport"/> (SMTP when <c>Smtp:Host</c> is set, else the pickup
    /// directory); and <see cref="DeliveryQueue"/>, as a singleton that is also the hosted service.
    /// The host must register an <see cref="IDeliveryHandler"/>.
    /// </summary>
    public static IServiceCollection AddMimoEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>());

        services.AddMetrics();
        services.TryAddSingleton<MimoMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TemplateRenderer>();
        services.TryAddSingleton(Transport);

        services.TryAddSingleton<DeliveryQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<DeliveryQueue>());
        return services;
    }

    private static IEmailTransport Transport(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<SmtpOptions>>();
        return options.Value.UsesServer
            ? new SmtpTransport(
                options,
                provider.GetRequiredService<MimoMetrics>(),
                provider.GetRequiredService<ILogger<SmtpTransport>>())
            : new PickupDirectoryTransport(
                options,
                provider.GetRequiredService<ILogger<PickupDirectoryTransport>>());
    }
}
