using TradeAccord.Cli.Tests.Commands;
using TradeAccord.Tests.Shared;

namespace TradeAccord.Cli.Tests.Golden;

/// <summary>
/// The help of the root and of every command (the list of <see cref="HelpTests"/>), pinned word for word in Expectations/help/&lt;command words joined by dashes&gt;.txt.
/// </summary>
public class HelpGoldenTests
{
    [Theory]
    [MemberData(nameof(HelpTests.Commands), MemberType = typeof(HelpTests))]
    public async Task Help_is_unchanged(string[] command)
    {
        var run = await CliRun.Of([.. command, "--help"]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldBeEmpty();
        Expectations.Verify($"help/{(command.Length == 0 ? "accord" : string.Join('-', command))}.txt", run.Out);
    }
}
