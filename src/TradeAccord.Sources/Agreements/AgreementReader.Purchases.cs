using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.Sources.Agreements;

public sealed partial class AgreementReader
{
    /// <summary>
    /// The category of Article 6.2 with no product list: Annex 6.1 lists services by type of service, and that part
    /// is not in the shipped product mapping.
    /// </summary>
    public const string ServicesCategory = "Services";

    private PurchaseCommitment? ReadPurchase(Node item)
    {
        item.OnlyKeys([.. ProvisionKeys, "category", "subcategories", "products", "hsCodes", "productsOutsideData", "baseline", "unit", "form", "publicText", "measuredBy", "targets"]);
        var common = ReadCommon(item);
        var products = item.String("products");
        var category = item.String("category", required: true, "a category of the product mapping");
        var subcategories = item.Values("subcategories").Where(v => v.Text is not null).ToList();
        var hsCodes = ReadHsCodes(item);
        var outside = item.String("productsOutsideData");
        if (hsCodes.Count == 0 && outside is null)
        {
            CheckCategory(item, category, products, subcategories);
        }
        else if (products is not null || (hsCodes.Count > 0 && outside is not null))
        {
            item.Get(outside is not null ? "productsOutsideData" : "hsCodes")!.Report(Rules.InvalidValue,
                "is given with another product list: expected one of products, hsCodes and productsOutsideData");
        }

        var baseline = ReadBaseline(item);
        var unit = item.String("unit", required: true, "the unit of the targets, e.g. USD billion or million t");
        if (unit is not null && !PurchaseUnits.Contains(unit))
        {
            item.Get("unit")!.Report(Rules.InvalidValue, $"'{unit}' is not a unit: expected one of {string.Join(", ", PurchaseUnits)}");
        }

        var form = item.Enum<CommitmentForm>("form", required: true);
        var (publicText, publicTextBy) = ReadPublicText(item);
        var measuredBy = item.Values("measuredBy");
        foreach (var series in measuredBy)
        {
            _seriesRefs.Add((series, series.Text!));
        }

        var targets = ReadTargets(item, form, baseline);
        if (common is not { } c || category is null || unit is null || form is null || publicText is null)
        {
            return null;
        }

        return new PurchaseCommitment
        {
            Id = c.Id, Title = c.Title, Party = c.Party, Evidence = c.Evidence, Source = c.Source, Note = c.Note, At = item.At,
            Category = category, Subcategories = [.. subcategories.Select(s => s.Text!)], Products = products, Baseline = baseline,
            HsCodes = hsCodes, ProductsOutsideData = outside, Unit = unit, Form = form.Value, PublicText = publicText.Value, PublicTextBy = publicTextBy,
            MeasuredBy = [.. measuredBy.Select(v => v.Text).OfType<string>()], Targets = targets,
        };
    }

    private void CheckCategory(Node item, string? category, string? products, List<Node> subcategories)
    {
        if (category is null)
        {
            return;
        }

        if (products is null)
        {
            if (category != ServicesCategory)
            {
                item.Get("category")!.Report(Rules.UnknownCategory, $"'{category}' has no product list: expected products naming the product mapping under data/, or category {ServicesCategory}");
            }

            return;
        }

        ProductMapping? mapping;
        try
        {
            mapping = _context.Products(products);
        }
        catch (SourceException e)
        {
            item.Get("products")!.Report(Rules.UnknownProducts, $"'{products}' cannot be read: {e.Message}");
            return;
        }

        if (mapping is null)
        {
            item.Get("products")!.Report(Rules.UnknownProducts, $"'{products}' is not a file under data/: expected the product mapping, e.g. phase_one/annex_6_1_products.csv");
            return;
        }

        if (!mapping.HasCategory(category))
        {
            item.Get("category")!.Report(Rules.UnknownCategory, $"'{category}' is not a category of {products}: expected one of {string.Join(", ", mapping.Categories)}");
            return;
        }

        var known = mapping.SubcategoriesOf(category);
        foreach (var sub in subcategories.Where(s => !known.Contains(s.Text!, StringComparer.Ordinal)))
        {
            sub.Report(Rules.UnknownSubcategory, $"'{sub.Text}' is not a subcategory of {category}: expected one of {string.Join(", ", known)}");
        }
    }

    private Baseline? ReadBaseline(Node item)
    {
        if (item.Mapping("baseline", required: false, "year and series") is not { } node)
        {
            return null;
        }

        node.OnlyKeys("year", "series");
        var year = node.Int("year", required: true, 1990, 2100);
        var series = node.String("series", required: true, "the id of a series declared under series");
        if (series is not null)
        {
            _seriesRefs.Add((node.Get("series")!, series));
        }

        return year is null || series is null ? null : new Baseline(year.Value, series);
    }

    private List<PurchaseTarget> ReadTargets(Node item, CommitmentForm? form, Baseline? baseline)
    {
        var targets = new List<PurchaseTarget>();
        var items = item.Items("targets");
        if (form == CommitmentForm.BestEfforts && items.Count > 0)
        {
            item.Get("targets")!.Report(Rules.FormMismatch, "a best-efforts commitment has no figures: expected no targets, or form binding-number or range");
            return targets;
        }

        if (form is CommitmentForm.BindingNumber or CommitmentForm.Range && items.Count == 0)
        {
            item.Report(Rules.FormMismatch, $"targets: a {form.Value.ToKebab()} commitment needs its figures: expected targets, one per year");
        }

        foreach (var target in items)
        {
            target.OnlyKeys("year", "period", "prorateFrom", "increase", "level");
            var (year, span, prorated) = ReadPeriod(target);
            var (measure, key) = target.Get("increase") is not null ? (TargetMeasure.Increase, "increase") : (TargetMeasure.Level, "level");
            var amount = target.Get(key);
            if (amount is null)
            {
                target.Report(Rules.MissingField, "increase: is required: expected increase (over the baseline) or level, as a number or min and max");
                continue;
            }

            if (target.Get("increase") is not null && target.Get("level") is not null)
            {
                target.Get("level")!.Report(Rules.InvalidValue, "is given with increase: expected one of increase and level");
            }

            var (min, max) = ReadAmount(amount);
            if (year is null || min is null || max is null)
            {
                continue;
            }

            if (measure == TargetMeasure.Increase && baseline is null)
            {
                amount.Report(Rules.MissingField, "an increase needs a baseline: expected baseline with year and series");
            }

            if (baseline is { } b && year <= b.Year && target.Get("year") is not null)
            {
                target.Get("year")!.Report(Rules.DateOrder, $"{year} is not after the baseline year {b.Year}: expected a later year");
            }

            if (targets.Any(t => t.Year == year && t.Span is null && span is null))
            {
                target.Get("year")!.Report(Rules.DuplicateId, $"{year} has a target already: expected one target per year");
            }

            var isRange = max != min;
            if (form == CommitmentForm.BindingNumber && isRange)
            {
                amount.Report(Rules.FormMismatch, "a binding-number commitment has one figure per year: expected a number, or form range");
            }
            else if (form == CommitmentForm.Range && !isRange)
            {
                amount.Report(Rules.FormMismatch, "a range commitment has a low and a high figure: expected min and max, or form binding-number");
            }

            targets.Add(new PurchaseTarget(year.Value, measure, min.Value, max.Value, target.At) { Span = span, ProratedFrom = prorated });
        }

        return targets;
    }

    private static (decimal? Min, decimal? Max) ReadAmount(Node amount)
    {
        if (amount.IsScalar)
        {
            var single = amount.Number();
            return (single, single);
        }

        if (!amount.IsMapping)
        {
            amount.Report(Rules.WrongType, "expected a number, or min and max");
            return (null, null);
        }

        amount.OnlyKeys("min", "max");
        var min = amount.Get("min", required: true, "the low end of the range")?.Number();
        var max = amount.Get("max", required: true, "the high end of the range")?.Number();
        if (min is { } lo && max is { } hi && hi < lo)
        {
            amount.Get("max")!.Report(Rules.InvalidValue, $"{hi} is below min {lo}: expected max at least min");
            return (null, null);
        }

        return (min, max);
    }
}
