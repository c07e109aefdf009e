using Microsoft.Extensions.Hosting;
using Mimo.Silo.Hosting;
using Mimo.Silo.Postgres;

if (args.Contains("migrate"))
{
    return await MigrateCommand.RunAsync(args.Where(a => a != "migrate").ToArray());
}

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddLoggingDefaults();
builder.AddMimoTelemetry(MimoTelemetry.SiloServiceName);
builder.UseOrleans(silo => silo.AddMimo(builder.Configuration));
await builder.Build().RunAsync();
return 0;
