using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mimo.Silo.Hosting;

namespace Mimo.Benchmarks.Hosting;

/// <summary>
/// The silo the benchmarks measure, run as a child process (<c>dotnet Mimo.Benchmarks.dll silo-host</c>).
/// It is composed exactly like <c>src/Silo/Program.cs</c> (<c>AddMimo</c> on the same configuration
/// keys), plus two things only a benchmark needs: a heap probe on a loopback port and markers on
/// standard output for the moment the silo started and the moment its reminder service finished
/// loading its reminders.
/// </summary>
internal static class BenchSiloHost
{
    public const string Verb = "silo-host";

    public static async Task RunAsync(string[] args)
    {
        using var reminderWatch = ReminderServiceWatch.Start();

        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddLoggingDefaults();
        builder.UseOrleans(silo => silo.AddMimo(builder.Configuration));
        builder.Services.AddHostedService<HeapProbe>();
        builder.Services.AddHostedService<StartedMarker>();
        await builder.Build().RunAsync();
    }
}
