namespace TradeAccord.Benchmarks.Serving;

/// <summary>Files of the source tree (the HAProxy configuration, the wrk script, the install scripts), found from the build output.</summary>
internal static class RepoFiles
{
    /// <summary>The checkout's root: the first folder above the running program that holds TradeAccord.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The path of <paramref name="relative"/> under the root; throws naming it when it is missing.</summary>
    public static string Path(string relative)
    {
        var path = System.IO.Path.Combine(Root, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{relative} is missing from the checkout at {Root}", path);
    }

    /// <summary>
    /// Runs <c>apt_install PACKAGE WHAT</c> of scripts/debian.sh, as the test scripts do for a Debian package a run needs.
    /// </summary>
    public static void AptInstall(string package, string what)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash") { UseShellExecute = false, WorkingDirectory = Root };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"source scripts/debian.sh && apt_install {package} '{what}'");
        using var install = System.Diagnostics.Process.Start(start)!;
        install.WaitForExit();
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} is missing and Debian's {package} package could not be installed (apt-get install {package})");
        }
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => System.IO.Path.Combine(folder, program)).FirstOrDefault(File.Exists);

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(d.FullName, "TradeAccord.slnx")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no TradeAccord.slnx above {AppContext.BaseDirectory}: run from a build of the checkout");
    }
}
