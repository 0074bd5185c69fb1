using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Negotiation;
using TradeAccord.App.Requests;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.Negotiation;
using TradeAccord.Sources;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands.Negotiation;

/// <summary>Options of the negotiation commands that read a domain.</summary>
public class NegotiationSettings : DataSettings
{
    /// <summary>The domain file.</summary>
    [CommandArgument(0, "<FILE>")]
    [Description("Negotiation domain file, e.g. negotiations/us-china-2019-11.yaml")]
    public string File { get; init; } = "";

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <inheritdoc />
    public override ValidationResult Validate() => CheckOneOf("--format", Format, "table", "json");
}

/// <summary>Loads domains with their derived values.</summary>
internal static class Domains
{
    public static NegotiationDomain Load(CliContext cli, string file, string? data) => NegotiationFiles.Load(cli.Loader(data), cli.Reference(ReferenceKind.Negotiation, "FILE", file, data)!);
}

/// <summary><c>accord negotiate analyze</c>: outcome space, frontier, bargaining solutions, zone of agreement.</summary>
public sealed class NegotiateAnalyzeCommand(CliContext cli) : Command<NegotiationSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, NegotiationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var domain = Domains.Load(cli, settings.File, settings.Data);
        var space = OutcomeSpace.Of(domain);
        var analysis = Bargaining.Analyze(space);
        var reservation = domain.Parties.ToDictionary(p => p.Party, p => p.Reservation);
        var derived = domain.Parties.SelectMany(p => p.Derived.Select(d => new { party = p.Party, issue = d.Key, how = d.Value }));
        if (settings.Format == "json")
        {
            cli.Out.WriteLine(Json.Serialize(NegotiationJson.Analysis(domain, analysis)));
            return 0;
        }

        var (a, b) = (domain.Parties[0].Party, domain.Parties[1].Party);
        cli.Console.MarkupLineInterpolated($"[bold]{domain.Title}[/]: {analysis.Outcomes:N0} outcomes allowed of {domain.Size:N0}; Pareto frontier {analysis.Pareto.Count:N0} outcomes");
        cli.Console.WriteLine($"reservation values: {a} {reservation[a]:0.###}, {b} {reservation[b]:0.###}; zone of agreement: {(analysis.Zopa ? $"yes ({analysis.AcceptableToBoth:N0} outcomes acceptable to both)" : "none")}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Solution").AddColumn(a).AddColumn(b).AddColumn("Outcome");
        foreach (var (name, point) in new[] { ("Nash", analysis.Nash), ("Kalai-Smorodinsky", analysis.KalaiSmorodinsky), ("max welfare", analysis.MaxWelfare) })
        {
            table.AddRow(name, point is { } p ? p.First.ToString("0.###", CultureInfo.InvariantCulture) : "-", point is { } q ? q.Second.ToString("0.###", CultureInfo.InvariantCulture) : "-",
                Markup.Escape(point is { } r ? domain.Describe(domain.Decode(r.Index)).Replace(",", "\n", StringComparison.Ordinal) : "no zone of agreement"));
        }

        cli.Console.Write(table);
        foreach (var d in derived)
        {
            cli.Console.WriteLine($"derived: {d.party} values for {d.issue}: {d.how}");
        }

        return 0;
    }
}

/// <summary>Options of <c>accord negotiate evaluate</c>.</summary>
public sealed class NegotiateEvaluateSettings : NegotiationSettings
{
    /// <summary>The offer.</summary>
    [CommandOption("--offer <OFFER>")]
    [Description("issue=option pairs, comma-separated; issues left out take their first option")]
    public string? Offer { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() => All(base.Validate(), Offer is null ? ValidationResult.Error("--offer is required") : ValidationResult.Success());
}

/// <summary><c>accord negotiate evaluate</c>: an offer's utilities, whether it is dominated, and the nearest offers better for both.</summary>
public sealed class NegotiateEvaluateCommand(CliContext cli) : Command<NegotiateEvaluateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, NegotiateEvaluateSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var domain = Domains.Load(cli, settings.File, settings.Data);
        var parsed = domain.ParseOffer(settings.Offer);
        var offer = parsed.TryGetValue(out var o) ? o : throw new CliUsageException($"--offer {parsed.Error}");
        var space = OutcomeSpace.Of(domain);
        var better = Bargaining.Improvements(space, offer);
        var utilities = domain.Parties.Select((p, i) => (p.Party, Utility: domain.Utility(i, offer), p.Reservation)).ToList();
        var allowed = domain.Allows(offer);
        if (settings.Format == "json")
        {
            cli.Out.WriteLine(Json.Serialize(NegotiationJson.Evaluation(domain, offer, better)));
            return 0;
        }

        cli.Console.WriteLine($"offer: {domain.Describe(offer)}{(allowed ? "" : "  (breaks a linkage constraint)")}");
        foreach (var u in utilities)
        {
            cli.Console.WriteLine($"{u.Party}: utility {u.Utility:0.###} (reservation {u.Reservation:0.###}: {(u.Utility >= u.Reservation ? "acceptable" : "below walk-away")})");
        }

        cli.Console.WriteLine(better.Count == 0 ? "Pareto-optimal: no allowed offer is better for both" : "Pareto-dominated; nearest offers better for both:");
        foreach (var p in better)
        {
            var changed = domain.Decode(p.Index).Select((o, i) => (o, i)).Where(x => x.o != offer[x.i]).Select(x => $"{domain.Issues[x.i].Id}={domain.Issues[x.i].Options[x.o]}");
            cli.Console.WriteLine($"  change {string.Join(", ", changed)}: {domain.Parties[0].Party} {p.First:0.###}, {domain.Parties[1].Party} {p.Second:0.###}");
        }

        return 0;
    }
}

/// <summary>Options of <c>accord negotiate simulate</c>.</summary>
public sealed class NegotiateSimulateSettings : NegotiationSettings
{
    /// <summary>Strategies.</summary>
    [CommandOption("--strategy <PARTY=NAME>")]
    [Description("A party's strategy: boulware, conceder, linear, hardliner or tit-for-tat (default boulware); repeat per party")]
    public string[] Strategy { get; init; } = [];

    /// <summary>Seed.</summary>
    [CommandOption("--seed <SEED>")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    /// <summary>Deadline.</summary>
    [CommandOption("--rounds <N>")]
    [Description("Deadline in rounds (offers)")]
    [DefaultValue(60)]
    public int Rounds { get; init; } = 60;

    /// <inheritdoc />
    public override ValidationResult Validate() => All(
        base.Validate(),
        // The command line's own syntax; parties, names and rounds are checked by SimulationRequest, as on the server.
        Strategy.FirstOrDefault(s => s.Split('=') is not [_, _]) is { } bad
            ? ValidationResult.Error($"--strategy '{bad}': expected PARTY=NAME with NAME one of {string.Join(", ", Strategies.Names)}")
            : ValidationResult.Success());
}

/// <summary><c>accord negotiate simulate</c>: the stacked alternating offers protocol, seeded.</summary>
public sealed class NegotiateSimulateCommand(CliContext cli) : Command<NegotiateSimulateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, NegotiateSimulateSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var domain = Domains.Load(cli, settings.File, settings.Data);
        var named = settings.Strategy.Select(s => s.Split('=')).GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        var (result, strategies, seed) = new SimulationRequest(named, settings.Seed, settings.Rounds).Run(domain, FieldStyle.Option);
        if (settings.Format == "json")
        {
            cli.Out.WriteLine(Json.Serialize(NegotiationJson.Simulation(domain, result, [.. strategies], seed)));
            return 0;
        }

        foreach (var o in result.Transcript)
        {
            cli.Console.WriteLine($"{o.Round,3} {o.Party}: {domain.Parties[0].Party} {o.First:0.###} / {domain.Parties[1].Party} {o.Second:0.###}{(o.Accepted ? "  accepted" : "")}");
        }

        cli.Console.WriteLine(result.Agreement is { } agreed
            ? $"agreement after {result.Rounds} rounds: {domain.Describe(domain.Decode(agreed))}"
            : $"no agreement by the deadline ({result.Rounds} rounds): both walk away");
        return 0;
    }
}

/// <summary>Options of <c>accord negotiate export|import</c>.</summary>
public sealed class NegotiateGeniusSettings : DataSettings
{
    /// <summary>The domain file (export reads it, import writes it).</summary>
    [CommandArgument(0, "<FILE>")]
    public string File { get; init; } = "";

    /// <summary>The GENIUS folder.</summary>
    [CommandOption("--genius <DIR>")]
    [Description("Folder with domain.xml and one profile per party")]
    public string? Genius { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() => Genius is null ? ValidationResult.Error("--genius DIR is required") : ValidationResult.Success();
}

/// <summary><c>accord negotiate export</c>: the domain as GENIUS XML.</summary>
public sealed class NegotiateExportCommand(CliContext cli) : Command<NegotiateGeniusSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, NegotiateGeniusSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var domain = Domains.Load(cli, settings.File, settings.Data);
        foreach (var file in GeniusXml.Export(domain, settings.Genius!))
        {
            cli.Console.WriteLine($"wrote {file}");
        }

        if (domain.Constraints.Count > 0)
        {
            cli.Error.WriteLine($"warning: GENIUS has no linkage constraints: {string.Join(", ", domain.Constraints.Select(c => c.Id))} left out");
        }

        return 0;
    }
}

/// <summary><c>accord negotiate import</c>: a GENIUS domain and its profiles as a domain file.</summary>
public sealed class NegotiateImportCommand(CliContext cli) : Command<NegotiateGeniusSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, NegotiateGeniusSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var domain = GeniusXml.Import(settings.Genius!, Path.GetFileNameWithoutExtension(settings.File));
        System.IO.File.WriteAllText(settings.File, NegotiationWriter.Write(domain, $"Imported from the GENIUS domain in {settings.Genius}."));
        cli.Console.WriteLine($"wrote {settings.File}: {domain.Issues.Count} issues, {domain.Size:N0} outcomes, parties {string.Join(" and ", domain.Parties.Select(p => p.Party))}");
        return 0;
    }
}
