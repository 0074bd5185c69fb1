using TradeAccord.Tests.Shared;

namespace TradeAccord.Cli.Tests.Commands;

/// <summary>
/// Every command's help is pinned by a golden file (Expectations/help/, compared by <see cref="Golden.HelpGoldenTests"/>):
/// these tests keep the list of commands whole and check what the help must say.
/// </summary>
public class HelpTests
{
    /// <summary>The root and every command: these tests and the golden help files (HelpGoldenTests) share the list.</summary>
    public static TheoryData<string[]> Commands => new(CommandList);

    private static readonly string[][] CommandList =
    [
        [],
        ["duty"],
        ["duty", "history"],
        ["scenario", "list"],
        ["scenario", "compare"],
        ["agreement", "validate"],
        ["agreement", "show"],
        ["agreement", "timeline"],
        ["agreement", "diff"],
        ["agreement", "check"],
        ["agreement", "apply"],
        ["agreement", "diagram"],
        ["agreement", "schema"],
        ["impact"],
        ["negotiate", "analyze"],
        ["negotiate", "evaluate"],
        ["negotiate", "simulate"],
        ["negotiate", "export"],
        ["negotiate", "import"],
        ["data", "import"],
        ["data", "list"],
        ["track"],
        ["case", "open"],
        ["case", "advance"],
        ["case", "respond"],
        ["case", "show"],
        ["case", "list"],
        ["case", "verify"],
        ["schedule", "stats"],
        ["schedule", "export"],
        ["schedule", "effective"],
    ];

    // Each help is compared word for word with its golden file by HelpGoldenTests.Help_is_unchanged, which takes this
    // list; what is checked here is that the list is the whole command tree, so a new command cannot go unpinned.
    [Fact]
    public async Task The_list_is_every_command_the_root_and_its_branches_offer()
    {
        var leaves = new List<string>();
        await Walk([], leaves);

        leaves.Order(StringComparer.Ordinal).ShouldBe(CommandList.Where(c => c.Length > 0).Select(c => string.Join(' ', c)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_golden_help_file_belongs_to_a_listed_command()
    {
        var folder = Path.GetDirectoryName(Expectations.SourceFile("tests/TradeAccord.Cli.Tests/Expectations/help/accord.txt"))!;
        var files = Directory.GetFiles(folder, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal);

        files.ShouldBe(CommandList.Select(c => c.Length == 0 ? "accord" : string.Join('-', c)).Order(StringComparer.Ordinal));
    }

    // A help with a COMMANDS section is a branch, whose subcommands are walked; it runs by itself too when its usage
    // makes the subcommand optional ("[COMMAND]", as duty does). Any other help is a command's.
    private static async Task Walk(string[] path, List<string> leaves)
    {
        var help = await CliRun.Of([.. path, "--help"]);
        help.ExitCode.ShouldBe(0, help.Error);
        var at = help.Out.IndexOf("COMMANDS:", StringComparison.Ordinal);
        if (at < 0 || help.Out.Contains("[COMMAND]", StringComparison.Ordinal))
        {
            leaves.Add(string.Join(' ', path));
        }

        if (at < 0)
        {
            return;
        }

        foreach (var line in help.Out[(at + "COMMANDS:".Length)..].Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Trim().Length > 0))
        {
            await Walk([.. path, line.Trim().Split(' ')[0]], leaves);
        }
    }

    [Fact]
    public async Task The_data_import_help_documents_both_file_headers() =>
        (await CliRun.Of("data", "import", "--help")).Out.ShouldContain("month,code,value_usd[,quantity,quantity_unit]");
}
