using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Hts;

/// <summary>
/// Reads a USITC HTS export (one row per printed line: "HTS Number", "Indent", "Description", "General Rate of Duty",
/// "Column 2 Rate of Duty", ...). Keeps the 8- and 10-digit lines of chapters 01–98; chapter 99 (temporary and
/// additional duties) is read as measures elsewhere, never as goods lines.
/// </summary>
public static class HtsRevisionReader
{
    /// <summary>The column with the dotted HTS number.</summary>
    public const string NumberColumn = "HTS Number";

    /// <summary>The general (column 1) rate column.</summary>
    public const string GeneralColumn = "General Rate of Duty";

    /// <summary>The column 2 rate column.</summary>
    public const string Column2Column = "Column 2 Rate of Duty";

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="SourceException">The file is unreadable or a row is malformed.</exception>
    public static HtsRevision Read(string path, string name, string displayName)
    {
        var general = new Dictionary<ProductCode, DutyRate?>();
        var column2 = new Dictionary<ProductCode, DutyRate?>();
        foreach (var row in CsvTable.Read(path, displayName, NumberColumn, GeneralColumn, Column2Column))
        {
            var number = row[NumberColumn];
            if (number.Length == 0 || number.StartsWith("99", StringComparison.Ordinal))
            {
                continue;
            }

            var code = row.Code(NumberColumn);
            if (code.DigitCount < 8)
            {
                continue;
            }

            if (code.HasSuffix)
            {
                throw row.Error(NumberColumn, $"'{number}' has a letter suffix: HTS numbers are digits only");
            }

            if (!general.TryAdd(code, RateText.Parse(row[GeneralColumn])))
            {
                throw row.Error(NumberColumn, $"'{number}' appears twice");
            }

            column2[code] = RateText.Parse(row[Column2Column]);
        }

        if (general.Count == 0)
        {
            throw new SourceException(displayName, 0, NumberColumn, "holds no tariff lines: expected an HTS export with 8- and 10-digit lines");
        }

        return new HtsRevision(name, displayName, general, column2);
    }
}
