using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Measures;

/// <summary>
/// Turns a YAML <c>coverage</c> block into product lines: by chapter 99 heading (the USITC China Tariffs table),
/// by the coverage of another measure, or by an explicit list of codes.
/// </summary>
public sealed class CoverageResolver
{
    private readonly IReadOnlyDictionary<string, ProductCoverage> _byHeading;
    private readonly Func<string, Measure?> _measureById;
    private readonly Dictionary<string, ProductCoverage> _unions = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver.</summary>
    /// <param name="byHeading">Coverage of each chapter 99 heading.</param>
    /// <param name="measureById">Finds a measure already known, for <c>coverage: {measure: id}</c>.</param>
    public CoverageResolver(IReadOnlyDictionary<string, ProductCoverage> byHeading, Func<string, Measure?> measureById)
    {
        _byHeading = byHeading;
        _measureById = measureById;
    }

    /// <summary>Resolves the coverage block of a measure.</summary>
    /// <exception cref="SourceException">The block names nothing known.</exception>
    public ProductCoverage Resolve(YamlMap coverage, string measureId)
    {
        coverage.OnlyKeys("headings", "measure", "codes");
        if (coverage.OptionalString("measure") is { } other)
        {
            // The lines of the other measure, not its per-line rates: the new measure states its own rate.
            return _measureById(other)?.Coverage.WithoutRates()
                ?? throw coverage.Error("measure", coverage.LineOf("measure"), $"unknown measure '{other}'");
        }

        var headings = coverage.List("headings");
        if (headings.Count > 0)
        {
            foreach (var heading in headings.Where(h => !_byHeading.ContainsKey(h)))
            {
                throw coverage.Error("headings", coverage.LineOf("headings"),
                    $"no coverage for heading '{heading}': expected one of {string.Join(", ", _byHeading.Keys.Order(StringComparer.Ordinal))}");
            }

            return headings.Count == 1 ? _byHeading[headings[0]] : Union(headings);
        }

        var codes = coverage.List("codes");
        if (codes.Count == 0)
        {
            throw coverage.Error("coverage", coverage.Line, "expected headings, measure or codes");
        }

        var lines = new Dictionary<ProductCode, DutyRate?>();
        foreach (var text in codes)
        {
            var parsed = ProductCode.Parse(text);
            lines[parsed.TryGetValue(out var code) ? code : throw coverage.Error("codes", coverage.LineOf("codes"), parsed.Error!)] = null;
        }

        return new ProductCoverage(measureId + "-codes", lines);
    }

    private ProductCoverage Union(IReadOnlyList<string> headings)
    {
        var key = string.Join("+", headings);
        if (!_unions.TryGetValue(key, out var union))
        {
            var lines = new Dictionary<ProductCode, DutyRate?>();
            foreach (var line in headings.SelectMany(h => _byHeading[h].Lines))
            {
                lines[line] = null;
            }

            _unions[key] = union = new ProductCoverage(key, lines);
        }

        return union;
    }
}
