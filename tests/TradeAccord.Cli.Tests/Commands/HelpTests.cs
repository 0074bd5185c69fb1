namespace TradeAccord.Cli.Tests.Commands;

/// <summary>Every command prints its help: option descriptions are markup, and a stray bracket in one breaks it.</summary>
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

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_is_printed(string[] command)
    {
        var run = await CliRun.Of([.. command, "--help"]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("USAGE:");
        run.Out.ShouldContain("OPTIONS:");
    }

    [Fact]
    public async Task The_data_import_help_documents_both_file_headers() =>
        (await CliRun.Of("data", "import", "--help")).Out.ShouldContain("month,code,value_usd[,quantity,quantity_unit]");
}
