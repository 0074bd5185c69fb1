using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using TradeAccord.Benchmarks;

if (args.Length > 0 && args[0] == "duty-vs-duckdb")
{
    return DutyVsDuckDb.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "serve-load")
{
    return await ServeLoad.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "soak")
{
    return await Soak.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "replicas")
{
    return await Replicas.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "pareto-growth")
{
    return ParetoGrowth.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "crash")
{
    return await Crash.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "fuzz")
{
    return FuzzCommand.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "startup")
{
    return TradeAccord.Benchmarks.Startup.QuoteStartup.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "track-vs-groupby")
{
    return TrackVsGroupBy.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(LookupBenchmarks).Assembly)
    .Run(args, DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default));
return 0;
