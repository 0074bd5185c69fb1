using TradeAccord.Core.Common;
using TradeAccord.Sources;
using TradeAccord.Sources.Csv;

namespace TradeAccord.App.Tariffs.Effective;

/// <summary>A partner of the 2024 imports file: its Census code and name, and the origin its goods are priced as.</summary>
/// <param name="CensusCode">The Census Schedule C code (5700 China).</param>
/// <param name="Name">The Census name.</param>
/// <param name="Iso">Its ISO 3166 alpha-2 code, or null for an aggregate (the European Union).</param>
/// <param name="Note">Why the partner is treated specially, or null.</param>
public sealed record CensusPartner(string CensusCode, string Name, CountryCode? Iso, string? Note)
{
    /// <summary>The code a request names the EU aggregate by.</summary>
    public const string EuWord = "EU";

    /// <summary>The Census code of the EU aggregate.</summary>
    public const string EuCensusCode = "0003";

    /// <summary>The Census code of Slovakia, an EU member the file also lists on its own (inside the aggregate too).</summary>
    public const string SlovakiaCensusCode = "4359";

    /// <summary>
    /// The origin the EU aggregate is priced as. The US levies the same duties on every EU member (the general rate
    /// and, from 2025, one EU reciprocal rate), so one member stands for all; a warning says so.
    /// </summary>
    public static CountryCode EuStandIn { get; } = CountryCode.Parse("DE").GetValueOrThrow();

    /// <summary>The word a request names the partner by: its ISO code, or <c>EU</c> for the aggregate.</summary>
    public string Word => Iso?.Value ?? EuWord;

    /// <summary>The origin its goods are priced as.</summary>
    public CountryCode Origin => Iso ?? EuStandIn;

    /// <summary>The file that maps Census codes to ISO codes, relative to the data folder.</summary>
    public const string File = "trade/us_imports_2024/census_country_codes.csv";

    /// <summary>Reads the mapping: every row names a 4-digit Census code and an ISO code, or none for the EU aggregate only.</summary>
    /// <exception cref="SourceException">The file is missing or a row is malformed (file, line and field named).</exception>
    public static IReadOnlyDictionary<string, CensusPartner> Read(string path, string displayName = File)
    {
        var partners = new Dictionary<string, CensusPartner>(StringComparer.Ordinal);
        foreach (var row in CsvTable.Read(path, displayName, ["census_code", "census_name", "iso_alpha2"], ["note"]))
        {
            var code = row["census_code"];
            if (code.Length != 4 || !code.All(char.IsAsciiDigit))
            {
                throw row.Error("census_code", $"'{code}' is not a Census country code: expected 4 digits");
            }

            CountryCode? iso = null;
            var text = row["iso_alpha2"];
            if (text.Length > 0)
            {
                var parsed = CountryCode.Parse(text);
                iso = parsed.TryGetValue(out var country) ? country : throw row.Error("iso_alpha2", parsed.Error!);
            }
            else if (code != EuCensusCode)
            {
                throw row.Error("iso_alpha2", "is empty: expected an ISO 3166 alpha-2 code (only the EU aggregate, 0003, has none)");
            }

            if (!partners.TryAdd(code, new CensusPartner(code, row["census_name"], iso, row["note"] is { Length: > 0 } note ? note : null)))
            {
                throw row.Error("census_code", $"{code} is listed twice: expected one row per code");
            }
        }

        return partners;
    }
}
