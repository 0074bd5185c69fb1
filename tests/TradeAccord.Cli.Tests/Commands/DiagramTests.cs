namespace TradeAccord.Cli.Tests.Commands;

public class DiagramTests
{
    [Fact]
    public async Task The_process_diagram_in_docs_matches_the_template()
    {
        var run = await CliRun.Of("agreement", "diagram", "us-china-phase-one");
        run.ExitCode.ShouldBe(0, run.Error);
        var committed = await File.ReadAllTextAsync(RepositoryFile("docs/enforcement-us-china-phase-one.md"), TestContext.Current.CancellationToken);
        run.Out.ShouldBe(committed, "regenerate with: accord agreement diagram us-china-phase-one --output docs/enforcement-us-china-phase-one.md");
        run.Out.ShouldContain("consultation_high_level --> determination : determine (complaining-party)");
        run.Out.ShouldContain("withdrawal_noticed --> terminated : terminate (either-party, after-deadline)");
    }

    private static string RepositoryFile(string relative)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "TradeAccord.slnx")))
            {
                return Path.Combine(d.FullName, relative);
            }
        }

        throw new FileNotFoundException(relative);
    }
}
