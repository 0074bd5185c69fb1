using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Hts;

/// <summary>Reads the printed lines of a USITC HTS CSV export for the compiler (the export carries no footnotes).</summary>
public static class HtsCsvLines
{
    /// <summary>Reads every numbered line of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="SourceException">The file is unreadable or a row is malformed.</exception>
    public static IReadOnlyList<HtsSourceLine> Read(string path, string displayName)
    {
        var lines = new List<HtsSourceLine>(40_000);
        foreach (var row in CsvTable.Read(path, displayName,
                     [HtsRevisionReader.NumberColumn, HtsRevisionReader.GeneralColumn, HtsRevisionReader.Column2Column], ["Description"]))
        {
            var number = row[HtsRevisionReader.NumberColumn];
            if (number.Length > 0)
            {
                lines.Add(new HtsSourceLine(number, row["Description"], row[HtsRevisionReader.GeneralColumn], row[HtsRevisionReader.Column2Column], [], row.Line, 0));
            }
        }

        return lines;
    }
}
