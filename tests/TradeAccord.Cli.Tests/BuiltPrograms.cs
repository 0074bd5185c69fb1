namespace TradeAccord.Cli.Tests;

/// <summary>Programs built next to these tests, run as whole processes.</summary>
internal static class BuiltPrograms
{
    /// <summary>The path of <paramref name="name"/> from <paramref name="project"/>, built in the tests' configuration.</summary>
    public static string Executable(string project, string name)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, project, configuration, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{name} was not built next to the tests");
    }
}
