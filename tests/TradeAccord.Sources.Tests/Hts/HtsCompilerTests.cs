using System.Runtime.CompilerServices;
using System.Text;
using TradeAccord.Sources.Hts;

namespace TradeAccord.Sources.Tests.Hts;

/// <summary>
/// The shipped compiled HTS file must be exactly what the compiler makes of the shipped sources (CSV exports and JSON).
/// To regenerate it after changing a source or hts/revisions.csv, run this test with ACCORD_UPDATE_EXPECTATIONS=1 and
/// review the diff.
/// </summary>
public class HtsCompilerTests
{
    [Fact]
    public void ShippedCompiledFile_IsWhatTheSourcesCompileTo()
    {
        // The sources are read from the checkout, not from the copy beside the test program: the regenerated file
        // belongs in the source tree.
        var hts = SourceHtsFolder();
        var compiled = HtsCompiler.Compile(hts);
        var path = Path.Combine(hts, HtsCompiler.CompiledFile);
        if (Environment.GetEnvironmentVariable("ACCORD_UPDATE_EXPECTATIONS") == "1")
        {
            File.WriteAllText(path, compiled, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        var shipped = File.ReadAllBytes(path);
        var expected = Encoding.UTF8.GetBytes(compiled);
        shipped.SequenceEqual(expected).ShouldBeTrue(
            $"{path} differs from a fresh compilation ({shipped.Length:N0} bytes shipped, {expected.Length:N0} compiled); " +
            "run this test with ACCORD_UPDATE_EXPECTATIONS=1 and review the diff");
    }

    private static string SourceHtsFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "data", "hts"));
}
