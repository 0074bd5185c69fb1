using TradeAccord.Tests.Shared;

namespace TradeAccord.Cli.Tests.Golden;

/// <summary>
/// The help of the root and of every command (as in <see cref="Commands.HelpTests"/>, but for <c>serve</c>, which is
/// moving to a program of its own), pinned word for word in Expectations/help/&lt;command words joined by dashes&gt;.txt.
/// </summary>
public class HelpGoldenTests
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
    public async Task Help_is_unchanged(params string[] command)
    {
        var run = await CliRun.Of([.. command, "--help"]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldBeEmpty();
        Expectations.Verify($"help/{(command.Length == 0 ? "accord" : string.Join('-', command))}.txt", run.Out);
    }
}
