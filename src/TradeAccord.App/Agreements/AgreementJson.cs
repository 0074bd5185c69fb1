using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.App.Agreements;

/// <summary>The JSON shape of an agreement: the file's vocabulary (kebab-case values, ISO dates), fixed field names.</summary>
public static class AgreementJson
{
    /// <summary>The JSON shape of an agreement.</summary>
    public static object Of(Agreement a) => new
    {
        agreement = a.Id,
        title = a.Title,
        status = a.Status.ToKebab(),
        positionOf = a.PositionOf?.ToString(),
        description = a.Description,
        parties = a.Parties.Select(p => new { code = p.Code.ToString(), name = p.Name }),
        signed = a.Signed,
        entryIntoForce = a.EntryIntoForce,
        amends = a.Amends,
        events = a.Events.Select(e => new { id = e.Id, title = e.Title, date = e.Date, source = Source(e.Source) }),
        documents = a.Documents.Select(d => new { id = d.Id, title = d.Title, publisher = d.Publisher, published = d.Published, url = d.Url, kind = d.Kind.ToKebab() }),
        series = a.Series.Select(s => new { id = s.Id, party = s.Party.ToString(), publisher = s.Publisher, description = s.Description, data = s.Data }),
        phases = a.Phases.Select(p => new { id = p.Id, title = p.Title, covered = p.Covered, scope = p.Scope, source = Source(p.Source) }),
        chapters = a.Chapters.Select(c => new { number = c.Number, title = c.Title, articles = c.Articles.Select(x => new { number = x.Number, title = x.Title }) }),
        tariffs = a.Tariffs.Select(t => Common(t, new
        {
            measure = t.Measure,
            outsideData = t.OutsideData,
            requires = t.Requires.ToString(),
            from = t.DescribeFrom(),
            startsOn = t.StartsOn(a),
            until = t.Until,
            afterExpiry = t.Until is null ? null : t.AfterExpiry.ToKebab(),
            mootBy = t.MootBy,
        })),
        purchases = a.Purchases.Select(p => Common(p, new
        {
            category = p.Category,
            subcategories = p.Subcategories,
            products = p.Products,
            hsCodes = p.HsCodes,
            productsOutsideData = p.ProductsOutsideData,
            baseline = p.Baseline is { } b ? new { year = b.Year, series = b.Series } : null,
            unit = p.Unit,
            form = p.Form.ToKebab(),
            publicText = p.PublicText,
            publicTextBy = p.PublicTextBy.Count == 0 ? null : p.PublicTextBy.OrderBy(x => x.Key.ToString(), StringComparer.Ordinal).ToDictionary(x => x.Key.ToString(), x => x.Value),
            measuredBy = p.MeasuredBy,
            targets = p.Targets.Select(t => new
            {
                year = t.Year, period = t.Label, from = t.Period.Start, to = t.Period.End, measure = t.Measure.ToKebab(), min = t.Minimum, max = t.Maximum, due = t.Due,
            }),
        })),
        structural = a.Structural.Select(s => Common(s, new
        {
            area = s.Area.ToKebab(),
            summary = s.Summary,
            milestones = s.Milestones.Select(m => new
            {
                action = m.Action, due = m.Due.Describe(), dueOn = m.Due.Resolve(a), approximate = m.Due.IsApproximate, status = m.Status.ToKebab(),
            }),
        })),
        conditions = a.Conditions.Select(c => Common(c, new
        {
            link = c.Link.ToKebab(),
            governs = c.Governs,
            trigger = new
            {
                provision = c.Trigger.Provision,
                forms = c.Trigger.Forms.Select(f => f.ToKebab()),
                party = c.Trigger.Actor?.ToString(),
                action = c.Trigger.Action?.ToKebab(),
            },
        })),
        enforcement = a.Enforcement is { } e ? Common(e, new
        {
            office = e.Office,
            confidentiality = e.Confidentiality,
            stages = e.Stages.Select(s => new
            {
                id = s.Id, title = s.Title, actor = s.Actor.ToKebab(), level = s.Level, next = s.Next,
                actions = s.Actions.Select(a => new { id = a.Id, title = a.Title, by = a.By.ToKebab(), to = a.To, when = a.When.ToKebab(), response = a.Response, counterMeasure = a.CounterMeasure }),
                timeLimit = s.TimeLimit is { } t ? new { days = t.Days, basis = t.Basis.ToKebab(), after = t.After, confirmed = t.Confirmed, note = t.Note } : null,
            }),
            responses = e.Responses.Select(r => new { id = r.Id, title = r.Title, by = r.By.ToKebab(), kind = r.Kind.ToKebab(), proportionate = r.Proportionate, after = r.AfterStage }),
            counterMeasures = e.CounterMeasuresAllowed ? "allowed" : "not-allowed",
            withdrawal = e.Withdrawal is { } w ? new { by = w.By, noticeDays = w.NoticeDays, confirmed = w.Confirmed, when = w.When, note = w.Note } : null,
        }) : null,
    };

    /// <summary>The JSON shape of an agreement's timeline.</summary>
    public static object Timeline(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var timeline = AgreementTimeline.Of(agreement);
        return new
        {
            agreement = agreement.Id,
            dated = timeline.Dated.Select(e => new { date = e.Date, what = e.What, provision = e.Provision, approximate = e.Approximate }),
            relative = timeline.Relative.Select(e => new { what = e.What, provision = e.Provision, confirmed = e.Confirmed }),
            undated = timeline.Undated,
        };
    }

    /// <summary>The JSON shape of a comparison of two agreements named <paramref name="nameA"/> and <paramref name="nameB"/>.</summary>
    public static object Diff(string nameA, Agreement first, string nameB, Agreement second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var changes = AgreementDiff.Compare(first, second).Select(c => new
        {
            id = c.Id, change = c.Kind.ToKebab(), section = c.Section, title = c.Title,
            terms = c.Terms.Select(t => new { term = t.Name, a = t.Old, b = t.New }),
        });
        var a = new { file = nameA, title = first.Title };
        var b = new { file = nameB, title = second.Title };
        if (first.Id == second.Id)
        {
            return new { a, b, changes };
        }

        // Two different agreements share few provision ids, so they are also compared kind by kind.
        var byKind = KindComparison.Compare(first, second).Select(k => new
        {
            kind = k.Kind, countA = k.CountA, countB = k.CountB, onlyA = k.OnlyA, onlyB = k.OnlyB,
            terms = k.Terms.Select(t => new { term = t.Name, a = t.Old, b = t.New }),
        });
        return new { a, b, changes, byKind };
    }

    /// <summary>The JSON shape of a provision's source.</summary>
    public static object? Source(SourceRef? s) => s is null ? null : new { document = s.Document, article = s.Article, quote = s.Quote };

    // The keys every provision has, then its own.
    private static Dictionary<string, object?> Common(Provision p, object own)
    {
        var map = new Dictionary<string, object?>
        {
            ["id"] = p.Id,
            ["title"] = p.Title,
            ["party"] = p.Party?.ToString() ?? "both",
            ["evidence"] = p.Evidence.ToKebab(),
            ["source"] = Source(p.Source),
            ["note"] = p.Note,
        };
        foreach (var property in own.GetType().GetProperties())
        {
            map[property.Name] = property.GetValue(own);
        }

        return map;
    }
}
