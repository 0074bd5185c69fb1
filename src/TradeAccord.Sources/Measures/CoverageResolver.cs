using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Measures;

/// <summary>
/// Turns a YAML <c>coverage</c> block into product lines: by chapter 99 heading (the USITC China Tariffs table),
/// by the coverage of another measure, by an explicit list of codes, by a product list file of <c>data/us/lists/</c>,
/// by chapters, or every product.
/// </summary>
public sealed class CoverageResolver
{
    private readonly IReadOnlyDictionary<string, ProductCoverage> _byHeading;
    private readonly Func<string, Measure?> _measureById;
    private readonly Dictionary<string, ProductCoverage> _unions = new(StringComparer.Ordinal);
    private readonly ProductListCoverage? _lists;

    /// <summary>Creates a resolver.</summary>
    /// <param name="byHeading">Coverage of each chapter 99 heading.</param>
    /// <param name="measureById">Finds a measure already known, for <c>coverage: {measure: id}</c>.</param>
    /// <param name="listsDirectory">
    /// The folder of product lists (<c>data/us/lists</c>) for <c>coverage: {list: …}</c>; null where no list may be
    /// read (a user's scenario names the measures of the built-in data, never a file).
    /// </param>
    /// <param name="listsName">The lists folder as named in messages (<c>us/lists/</c>, or China's <c>china_retaliation/2025/</c>).</param>
    public CoverageResolver(
        IReadOnlyDictionary<string, ProductCoverage> byHeading, Func<string, Measure?> measureById, string? listsDirectory = null, string listsName = "us/lists/")
    {
        _byHeading = byHeading;
        _measureById = measureById;
        _lists = listsDirectory is null ? null : new ProductListCoverage(listsDirectory, listsName);
    }

    /// <summary>The chapters that hold goods (01–98); chapter 99 holds the additional-duty headings themselves.</summary>
    private static readonly ProductCoverage AllProducts = new("all-products",
        Enumerable.Range(1, 98).ToDictionary(c => ProductCode.FromDigits(c.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), _ => (DutyRate?)null));

    /// <summary>Resolves the coverage block of a measure.</summary>
    /// <exception cref="SourceException">The block names nothing known.</exception>
    public ProductCoverage Resolve(YamlMap coverage, string measureId)
    {
        coverage.OnlyKeys("headings", "measure", "codes", "list", "column", "where", "chapters", "allProducts");
        if (coverage.Has("list"))
        {
            return _lists?.Resolve(coverage)
                ?? throw coverage.Error("list", coverage.LineOf("list"), "product lists are read only in the built-in data: name a measure or codes instead");
        }

        if (coverage.OptionalString("allProducts") is { } all)
        {
            return all == "true" ? AllProducts : throw coverage.Error("allProducts", coverage.LineOf("allProducts"), $"'{all}' is not true: leave the key out instead");
        }

        if (coverage.Has("chapters"))
        {
            return Chapters(coverage, measureId);
        }

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
            throw coverage.Error("coverage", coverage.Line, "expected headings, measure, codes, list, chapters or allProducts");
        }

        var lines = new Dictionary<ProductCode, DutyRate?>();
        foreach (var text in codes)
        {
            var parsed = ProductCode.Parse(text);
            lines[parsed.TryGetValue(out var code) ? code : throw coverage.Error("codes", coverage.LineOf("codes"), parsed.Error!)] = null;
        }

        return new ProductCoverage(measureId + "-codes", lines);
    }

    private static ProductCoverage Chapters(YamlMap coverage, string measureId)
    {
        var lines = new Dictionary<ProductCode, DutyRate?>();
        var problems = new List<SourceProblem>();
        foreach (var text in coverage.List("chapters"))
        {
            // Written as numbers in YAML (72), so one digit is padded: chapter 1 is 01.
            var parsed = ProductCode.Parse(text.Length == 1 ? "0" + text : text);
            if (parsed.TryGetValue(out var code) && code.DigitCount == 2)
            {
                lines[code] = null;
            }
            else
            {
                problems.Add(new SourceProblem(coverage.File, coverage.LineOf("chapters"), "chapters", $"'{text}' is not a chapter: expected 1 to 98"));
            }
        }

        if (lines.Count == 0 && problems.Count == 0)
        {
            problems.Add(new SourceProblem(coverage.File, coverage.LineOf("chapters"), "chapters", "expected a list of chapters, e.g. [72, 73]"));
        }

        return problems.Count > 0 ? throw new SourceException(problems) : new ProductCoverage(measureId + "-chapters", lines);
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
