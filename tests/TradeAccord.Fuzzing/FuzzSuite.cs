using System.Text;
using TradeAccord.App.Tariffs.Batch;
using TradeAccord.Core.Common;
using TradeAccord.Sources;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.China;
using TradeAccord.Sources.Hts;
using TradeAccord.Sources.Measures;
using TradeAccord.Sources.Negotiation;
using TradeAccord.Sources.Scenarios;
using TradeAccord.Sources.Section301;
using TradeAccord.Sources.Trade;
using TradeAccord.Web;

namespace TradeAccord.Fuzzing;

/// <summary>
/// Every reader of outside input as a fuzz target, by name: the official tables, the trade files of <c>data import</c>,
/// the entries file, the YAML documents, GENIUS XML, the keys file, and the API's bodies (<see cref="ApiTargets"/>).
/// Each target feeds the reader as its command does: a file on disk where the command takes a path, text where it
/// takes text. The shipped data are read once, for the readers that check references against them.
/// </summary>
public sealed class FuzzSuite : IDisposable
{
    private static readonly CountryCode Us = CountryCode.Parse("US").GetValueOrThrow();

    private readonly Scratch _scratch = new("suite");
    private readonly Lazy<ScheduleLoader> _loader = new(() => new ScheduleLoader(DataPaths.Locate(Shipped.Data)));
    private readonly Lazy<ApiTargets> _api;
    private readonly Dictionary<string, Func<FuzzTarget>> _targets;

    public FuzzSuite()
    {
        _api = new(() => ApiTargets.Start(_scratch));
        _targets = new(StringComparer.Ordinal)
        {
            ["hts-csv"] = HtsCsv,
            ["hts-json"] = HtsJson,
            ["usitc-coverage"] = UsitcCoverage,
            ["china-lists"] = ChinaLists,
            ["china-128-items"] = ChinaMof,
            ["product-list"] = ProductList,
            ["entries-batch"] = EntriesBatch,
            ["entries-compare"] = EntriesCompare,
            ["trade-flows"] = TradeFlows,
            ["year-to-date"] = YearToDate,
            ["reported-figures"] = ReportedFigures,
            ["agreement-yaml"] = AgreementYaml,
            ["scenario-yaml"] = ScenarioYaml,
            ["measure-yaml"] = MeasureYamlFile,
            ["stacking-yaml"] = StackingYaml,
            ["negotiation-yaml"] = NegotiationYaml,
            ["genius-xml"] = Genius,
            ["keys-file"] = KeysFile,
        };
        foreach (var name in ApiTargets.Names)
        {
            _targets[name] = () => _api.Value.Target(name);
        }
    }

    /// <summary>Every target's name, in a stable order.</summary>
    public IReadOnlyList<string> Names => [.. _targets.Keys];

    /// <summary>The target named <paramref name="name"/>.</summary>
    public FuzzTarget Target(string name) =>
        _targets.TryGetValue(name, out var make) ? make() : throw new ArgumentException($"no fuzz target '{name}': expected one of {string.Join(", ", Names)}", nameof(name));

    private ScheduleLoader Loader => _loader.Value;

    private FuzzTarget HtsCsv() => new("hts-csv", InputFormat.Csv,
        [Shipped.Head("data/hts/hts_2024_revision_10.csv"), Shipped.Head("data/hts/hts_2018_revision_11.csv")],
        input => HtsRevisionReader.Read(_scratch.Write("hts.csv", input), "2024-10", "hts.csv"));

    private FuzzTarget HtsJson() => new("hts-json", InputFormat.Json,
        [Shipped.HtsJsonHead("data/hts/json/hts_2026_rev_10.json.gz"), Shipped.HtsJsonHead("data/hts/json/hts_2025_basic.json.gz")],
        input => HtsJsonReader.Read(new MemoryStream(input), "hts.json"));

    private FuzzTarget UsitcCoverage() => new("usitc-coverage", InputFormat.Csv,
        [Shipped.Head("data/section301/usitc_china_tariffs_2020-01-01.csv")],
        input => ChinaTariffsTableReader.Read(_scratch.Write("usitc.csv", input), "usitc.csv"));

    private FuzzTarget ChinaLists()
    {
        var mof = Path.Combine(Shipped.Data, "china_retaliation/china_mof_2018-04-02_s232_retaliation_128_items.csv");
        return new("china-lists", InputFormat.Csv, [Shipped.Head("data/china_retaliation/china_tariffs_on_us_hs10_bjz_2018-2019.csv")],
            input => ChinaTariffReader.Read(_scratch.Write("bjz.csv", input), "bjz.csv", mof, "mof.csv", new DateOnly(2018, 1, 1)));
    }

    private FuzzTarget ChinaMof()
    {
        var bjz = _scratch.Write("bjz-seed.csv", Shipped.Head("data/china_retaliation/china_tariffs_on_us_hs10_bjz_2018-2019.csv"));
        return new("china-128-items", InputFormat.Csv, [Shipped.File("data/china_retaliation/china_mof_2018-04-02_s232_retaliation_128_items.csv")],
            input => ChinaTariffReader.Read(bjz, "bjz.csv", _scratch.Write("mof.csv", input), "mof.csv", new DateOnly(2018, 1, 1)));
    }

    private FuzzTarget ProductList() => new("product-list", InputFormat.Csv,
        [Shipped.Head("data/us/lists/s301_product_lists.csv"), Shipped.Head("data/us/lists/s232_auto_parts_ch87.txt"),
            Shipped.Head("data/china_retaliation/2025/china_retaliation_2025-03-10_hs8.csv")],
        input => ProductListFile.Read(_scratch.Write("list.csv", input), "list.csv"));

    // The batch prices through the thread pool as `accord duty --input` and POST /api/duty/batch do.
    private FuzzTarget EntriesBatch()
    {
        var schedule = Loader.Load();
        return new("entries-batch", InputFormat.Csv, [Shipped.File("examples/entries-synthetic.csv")],
            input => DutyBatch.Run(schedule, Us, _scratch.Write("entries.csv", input), Path.Combine(_scratch.Folder, "duties.csv")));
    }

    // `accord scenario compare` reads the same file row by row through EntryFile.Read.
    private FuzzTarget EntriesCompare()
    {
        var schedule = Loader.Load();
        return new("entries-compare", InputFormat.Csv, [Shipped.File("examples/entries-synthetic.csv")],
            input => ScenarioComparison.Run([schedule], Us, _scratch.Write("entries.csv", input)));
    }

    // `data import` of a file: reported figures, yearly or monthly flows, told apart by the header as TradeData.Import does.
    private FuzzTarget TradeFlows() => new("trade-flows", InputFormat.Csv,
        [Shipped.Head("data/trade/us_exports_to_china_hs6_monthly_2013-01_2021-02.csv"), Shipped.Head("data/trade/comtrade_us_china_bilateral_totals_annual_2013-2024.csv"),
            Encoding.UTF8.GetBytes("year,category,value_usd\n2020,Services,1000.50\n2021,Services,2000\n")],
        input =>
        {
            var path = _scratch.Write("flows.csv", input);
            if (TradeFlowReader.IsAnnual(path))
            {
                TradeFlowReader.ReadAnnual(path, "flows.csv");
            }
            else
            {
                TradeFlowReader.ReadMonthly(path, "flows.csv");
            }
        });

    private FuzzTarget ReportedFigures() => new("reported-figures", InputFormat.Csv,
        [Shipped.File("data/trade/soybean_purchases_2025-2026_reported.csv")],
        input => ReportedFigureReader.Read(_scratch.Write("reported.csv", input), "reported.csv"));

    private FuzzTarget YearToDate()
    {
        var categories = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["agriculture_usd"] = "Agriculture", ["energy_usd"] = "Energy", ["manufactures_usd"] = "Manufactured Goods",
        };
        return new("year-to-date", InputFormat.Csv, [Shipped.File("data/phase_one/us_exports_to_china_phase_one_categories_2021_ytd_vintages.csv")],
            input => YearToDateReader.Read(_scratch.Write("ytd.csv", input), "ytd.csv", categories));
    }

    private FuzzTarget AgreementYaml()
    {
        var context = Loader.AgreementContext;
        return new("agreement-yaml", InputFormat.Yaml, Shipped.Files("agreements", "*.yaml"),
            input => AgreementReader.Parse(Decode(input), "agreement.yaml", context));
    }

    private FuzzTarget ScenarioYaml()
    {
        var baseline = Loader.Baseline;
        return new("scenario-yaml", InputFormat.Yaml, Shipped.Files("scenarios", "*.yaml"),
            input => ScenarioReader.Parse(Decode(input), "scenario.yaml", baseline));
    }

    private FuzzTarget MeasureYamlFile()
    {
        var baseline = Loader.Baseline;
        var byHeading = ChinaTariffsTableReader.Read(Path.Combine(Shipped.Data, "section301/usitc_china_tariffs_2020-01-01.csv"), "usitc.csv");
        var resolver = new CoverageResolver(byHeading, id => baseline.Measures.FirstOrDefault(m => m.Id == id), Path.Combine(Shipped.Data, "us", "lists"));
        return new("measure-yaml", InputFormat.Yaml,
            [.. Shipped.Files("data/us/measures", "*.yaml"), Shipped.File("data/section301/measures.yaml")],
            input => BuiltInData.ReadMeasureFile(_scratch.Write("measures.yaml", input), "measures.yaml", resolver));
    }

    private FuzzTarget StackingYaml() => new("stacking-yaml", InputFormat.Yaml, [Shipped.File("data/us/stacking.yaml")],
        input => StackingRuleReader.Read(_scratch.Write("stacking.yaml", input), "stacking.yaml"));

    private FuzzTarget NegotiationYaml()
    {
        var derive = new ImpactDeriver(Loader);
        return new("negotiation-yaml", InputFormat.Yaml, Shipped.Files("negotiations", "*.yaml"),
            input => NegotiationReader.Parse(Decode(input), "negotiation.yaml", derive.Derive));
    }

    // A GENIUS folder: the mutated file is the domain or a profile, as its seed was; the other files stay as exported.
    private FuzzTarget Genius()
    {
        var domain = NegotiationReader.Read(Path.Combine(Shipped.Root, "negotiations", "us-china-2025-10.yaml"), "n.yaml", new ImpactDeriver(Loader).Derive);
        var exported = Path.Combine(_scratch.Folder, "genius-seed");
        var files = GeniusXml.Export(domain, exported);
        var folder = Directory.CreateDirectory(Path.Combine(_scratch.Folder, "genius")).FullName;
        var seeds = files.Select(File.ReadAllBytes).ToList();
        return new("genius-xml", InputFormat.Xml, seeds, input =>
        {
            var domainFile = input.AsSpan().IndexOf("negotiation_template"u8) >= 0;
            for (var i = 0; i < files.Count; i++)
            {
                var isDomain = i == 0;
                File.WriteAllBytes(Path.Combine(folder, Path.GetFileName(files[i])), isDomain == domainFile && (isDomain || i == 1) ? input : seeds[i]);
            }

            GeniusXml.Import(folder);
        });
    }

    private FuzzTarget KeysFile() => new("keys-file", InputFormat.Json,
        [Encoding.UTF8.GetBytes("""{"us-office-key-for-tests-0001":"us-office","cn-office-key-for-tests-0001":"cn-office","observer-key-for-tests-0001":"observer","admin-key-for-tests-0000001":"admin"}""")],
        input => ApiKeys.Load(_scratch.Write("keys.json", input)));

    // How the commands read a document: File.ReadAllText's decoding (UTF-8, a byte order mark honoured).
    private static string Decode(byte[] input)
    {
        using var reader = new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_api.IsValueCreated)
        {
            _api.Value.Dispose();
        }

        _scratch.Dispose();
    }
}
