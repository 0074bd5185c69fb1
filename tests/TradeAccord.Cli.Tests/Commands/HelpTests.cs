namespace TradeAccord.Cli.Tests.Commands;

/// <summary>Every command prints its help: option descriptions are markup, and a stray bracket in one breaks it.</summary>
public class HelpTests
{
    [Theory]
    [InlineData]
    [InlineData("duty")]
    [InlineData("scenario", "list")]
    [InlineData("scenario", "compare")]
    [InlineData("agreement", "validate")]
    [InlineData("agreement", "show")]
    [InlineData("agreement", "timeline")]
    [InlineData("agreement", "diff")]
    [InlineData("agreement", "check")]
    [InlineData("agreement", "apply")]
    [InlineData("agreement", "diagram")]
    [InlineData("agreement", "schema")]
    [InlineData("impact")]
    [InlineData("negotiate", "analyze")]
    [InlineData("negotiate", "evaluate")]
    [InlineData("negotiate", "simulate")]
    [InlineData("negotiate", "export")]
    [InlineData("negotiate", "import")]
    [InlineData("data", "import")]
    [InlineData("data", "list")]
    [InlineData("track")]
    [InlineData("case", "open")]
    [InlineData("case", "advance")]
    [InlineData("case", "respond")]
    [InlineData("case", "show")]
    [InlineData("case", "list")]
    [InlineData("case", "verify")]
    [InlineData("schedule", "stats")]
    [InlineData("schedule", "export")]
    public async Task Help_is_printed(params string[] command)
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
