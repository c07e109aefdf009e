using Mimo.Benchmarks;
using Mimo.Benchmarks.Hosting;

if (args.Length > 0 && args[0] == BenchSiloHost.Verb)
{
    await BenchSiloHost.RunAsync(args[1..]);
    return 0;
}

if (!BenchOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

return await BenchmarkRun.RunAsync(options);
