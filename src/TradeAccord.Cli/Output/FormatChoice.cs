using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;

namespace TradeAccord.Cli.Output;

/// <summary>Writes a result in the format a series command was asked for: the shared JSON shape, CSV, or a table for people.</summary>
internal static class FormatChoice
{
    /// <summary>Writes <paramref name="json"/> (to standard output, as the API answers), or runs the CSV or table writer.</summary>
    public static void Write<T>(CliContext cli, string format, T json, Action csv, Action table)
    {
        switch (format)
        {
            case "json":
                cli.Out.WriteLine(Json.Serialize(json));
                break;
            case "csv":
                csv();
                break;
            default:
                table();
                break;
        }
    }
}
