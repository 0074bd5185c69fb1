using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Agreements;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.Cli.Commands.Agreements;

/// <summary>Options of <c>accord agreement diff</c>.</summary>
public sealed class AgreementDiffSettings : DataSettings
{
    /// <summary>The first agreement.</summary>
    [CommandArgument(0, "<A>")]
    [Description("First agreement (file or name)")]
    public string First { get; init; } = "";

    /// <summary>The second agreement.</summary>
    [CommandArgument(1, "<B>")]
    [Description("Second agreement (file or name)")]
    public string Second { get; init; } = "";

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <inheritdoc />
    public override ValidationResult Validate() => CheckOneOf("--format", Format, "table", "json");
}

/// <summary><c>accord agreement diff</c>: provisions added, removed and changed, with old and new values.</summary>
public sealed class AgreementDiffCommand(CliContext cli) : Command<AgreementDiffSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, AgreementDiffSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var first = AgreementInput.Load(cli, settings.First, settings.Data);
        var second = AgreementInput.Load(cli, settings.Second, settings.Data);
        var changes = AgreementDiff.Compare(first, second);
        var (a, b) = (Label(first, settings.First), Label(second, settings.Second));
        if (settings.Format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            cli.Out.WriteLine(Json.Serialize(AgreementJson.Diff(settings.First, first, settings.Second, second)));
            return 0;
        }

        cli.Console.MarkupLineInterpolated($"[bold]A[/] = {a}: {first.Title}");
        cli.Console.MarkupLineInterpolated($"[bold]B[/] = {b}: {second.Title}");
        if (first.Id != second.Id)
        {
            // Different agreements: provisions rarely share ids, so the comparison that says something is by kind.
            WriteByKind(changes.Where(c => c.Section == "agreement").SelectMany(c => c.Terms).ToList(), KindComparison.Compare(first, second), a, b);
            return 0;
        }

        if (changes.Count == 0)
        {
            cli.Console.WriteLine("no differences");
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Provision").AddColumn("Change").AddColumn("Term")
            .AddColumn(new TableColumn($"A ({a})")).AddColumn(new TableColumn($"B ({b})"));
        foreach (var change in changes)
        {
            var first1 = true;
            foreach (var term in change.Terms)
            {
                table.AddRow(
                    new Text(first1 ? $"{change.Id}\n{change.Title}" : ""),
                    new Text(first1 ? change.Kind.ToKebab() : ""),
                    new Text(term.Name), new Text(term.Old), new Text(term.New));
                first1 = false;
            }
        }

        cli.Console.Write(table);
        cli.Console.WriteLine($"{changes.Count(c => c.Kind == ChangeKind.Changed)} changed, {changes.Count(c => c.Kind == ChangeKind.Added)} only in B, {changes.Count(c => c.Kind == ChangeKind.Removed)} only in A");
        return 0;
    }

    private void WriteByKind(List<TermChange> header, IReadOnlyList<KindComparison> kinds, string a, string b)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Kind").AddColumn("Term")
            .AddColumn(new TableColumn($"A ({a})")).AddColumn(new TableColumn($"B ({b})"));
        foreach (var term in header)
        {
            table.AddRow(new Text(term == header[0] ? "agreement" : ""), new Text(term.Name), new Text(term.Old), new Text(term.New));
        }

        foreach (var kind in kinds)
        {
            table.AddRow(new Text(kind.Kind), new Text("provisions"), new Text(Count(kind.CountA, kind.OnlyA)), new Text(Count(kind.CountB, kind.OnlyB)));
            foreach (var term in kind.Terms)
            {
                table.AddRow(new Text(""), new Text(term.Name), new Text(term.Old), new Text(term.New));
            }
        }

        cli.Console.Write(table);
        cli.Console.WriteLine($"compared by kind: the two agreements share {kinds.Sum(k => k.CountA - k.OnlyA.Count)} provision ids");
    }

    private static string Count(int count, IReadOnlyList<string> only) =>
        only.Count == 0 ? $"{count}" : $"{count} ({string.Join(", ", only)})";

    private static string Label(Agreement agreement, string file) =>
        agreement.PositionOf is { } party ? $"{party} position" : Path.GetFileNameWithoutExtension(file);
}
