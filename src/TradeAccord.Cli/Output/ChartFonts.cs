using ScottPlot;

namespace TradeAccord.Cli.Output;

/// <summary>
/// The fonts that travel with the program, for every chart: ScottPlot draws through Skia, which silently drops all
/// text on a machine without fonts.
/// </summary>
internal static class ChartFonts
{
    private const string FontName = "TradeAccord Sans";
    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers the bundled fonts as the default, once; ScottPlot copies the default into each plot it creates, so before any plot.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            var folder = Path.Combine(AppContext.BaseDirectory, "fonts");
            Fonts.AddFontFile(FontName, Path.Combine(folder, "DejaVuSans.ttf"), bold: false, italic: false);
            Fonts.AddFontFile(FontName, Path.Combine(folder, "DejaVuSans-Bold.ttf"), bold: true, italic: false);
            Fonts.Default = FontName;
            _registered = true;
        }
    }

    /// <summary>Saves <paramref name="plot"/> as SVG or PNG by the extension of <paramref name="path"/>.</summary>
    public static void SaveAs(Plot plot, string path, int width = 1000, int height = 600)
    {
        _ = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".svg" => plot.SaveSvg(path, width, height),
            ".png" => plot.SavePng(path, width, height),
            _ => throw new Infrastructure.CliUsageException($"--chart {path}: expected a file ending in .svg or .png"),
        };
    }
}
