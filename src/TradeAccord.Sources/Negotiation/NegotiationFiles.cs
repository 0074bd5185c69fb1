using System.Collections.Concurrent;
using TradeAccord.Core.Negotiation;

namespace TradeAccord.Sources.Negotiation;

/// <summary>Finding and reading negotiation domains, with their derived values.</summary>
public static class NegotiationFiles
{
    // Deriving values runs the impact model over every US import line: read a domain once per version of its file.
    private static readonly ConcurrentDictionary<(string Path, DateTime Written, string Data), Lazy<NegotiationDomain>> Cache = new();

    /// <summary>The domains under the negotiations folder, by name.</summary>
    public static IReadOnlyList<string> Names(DataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Directory.Exists(paths.Negotiations)
            ? [.. Directory.EnumerateFiles(paths.Negotiations, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>
    /// The domain a file names, or a name under the negotiations folder (<c>us-china-2019-11</c>,
    /// <c>negotiations/us-china-2019-11.yaml</c>); <paramref name="namesOnly"/> refuses paths (for callers on the web).
    /// </summary>
    /// <exception cref="SourceException">No such domain, or a malformed one.</exception>
    public static NegotiationDomain Load(ScheduleLoader loader, string nameOrPath, bool namesOnly = false)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(nameOrPath);
        var name = nameOrPath.StartsWith("negotiations/", StringComparison.Ordinal) ? nameOrPath["negotiations/".Length..] : nameOrPath;
        name = name.EndsWith(".yaml", StringComparison.Ordinal) ? name[..^".yaml".Length] : name;
        var path = !namesOnly && File.Exists(nameOrPath) ? nameOrPath
            : Names(loader.Paths).Contains(name, StringComparer.Ordinal) ? Path.Combine(loader.Paths.Negotiations, name + ".yaml")
            : throw new SourceException(nameOrPath, 0, null, $"no such negotiation domain: expected {(namesOnly ? "" : "a file or ")}one of {string.Join(", ", Names(loader.Paths))}");
        var key = (Path.GetFullPath(path), File.GetLastWriteTimeUtc(path), loader.Paths.Data);
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<NegotiationDomain>(() => NegotiationReader.Read(path, nameOrPath, new ImpactDeriver(loader).Derive)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Cache.TryRemove(new KeyValuePair<(string, DateTime, string), Lazy<NegotiationDomain>>(key, lazy));
            throw;
        }
    }
}
