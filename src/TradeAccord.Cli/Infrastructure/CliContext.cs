using Spectre.Console;
using TradeAccord.Sources;

namespace TradeAccord.Cli.Infrastructure;

/// <summary>What every command shares: where output goes and how data are found.</summary>
/// <param name="Console">Rich output (tables, progress) for people.</param>
/// <param name="Out">Plain output (JSON, CSV) for programs; never wrapped or coloured.</param>
/// <param name="Error">Error messages.</param>
public sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error)
{
    private readonly Dictionary<string, ScheduleLoader> _loaders = new(StringComparer.Ordinal);

    /// <summary>The schedule loader for the data folder <paramref name="dataDirectory"/> (or the default one).</summary>
    public ScheduleLoader Loader(string? dataDirectory)
    {
        var paths = DataPaths.Locate(dataDirectory);
        if (!_loaders.TryGetValue(paths.Data, out var loader))
        {
            _loaders[paths.Data] = loader = new ScheduleLoader(paths);
        }

        return loader;
    }
}
