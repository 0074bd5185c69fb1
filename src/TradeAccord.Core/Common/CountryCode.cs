namespace TradeAccord.Core.Common;

/// <summary>An ISO 3166-1 alpha-2 country code, upper case (CN, US, DE).</summary>
public readonly record struct CountryCode
{
    private CountryCode(string value)
    {
        Value = value;
        Index = Iso3166.IndexOf(value);
    }

    /// <summary>The two upper-case letters.</summary>
    public string Value { get; }

    /// <summary>Position in the sorted list of assigned codes (0 to 248), so sets of origins can be bitsets.</summary>
    internal int Index { get; }

    /// <summary>Equality is by code.</summary>
    public bool Equals(CountryCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => Index;

    /// <summary>The United States.</summary>
    public static CountryCode US { get; } = new("US");

    /// <summary>The People's Republic of China.</summary>
    public static CountryCode CN { get; } = new("CN");

    /// <summary>Parses a code, accepting any case; rejects anything that is not an assigned ISO 3166-1 alpha-2 code.</summary>
    public static Result<CountryCode> Parse(string? text)
    {
        var trimmed = text?.Trim().ToUpperInvariant() ?? "";
        if (trimmed.Length != 2 || !char.IsAsciiLetterUpper(trimmed[0]) || !char.IsAsciiLetterUpper(trimmed[1]))
        {
            return Result<CountryCode>.Fail($"'{text}' is not a country code: expected two letters of ISO 3166-1 (e.g. CN, US, DE)");
        }

        return Iso3166.IsAssigned(trimmed)
            ? Result<CountryCode>.Ok(new CountryCode(trimmed))
            : Result<CountryCode>.Fail($"'{text}' is not an assigned ISO 3166-1 alpha-2 country code");
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";

    private static class Iso3166
    {
        // The 249 officially assigned alpha-2 codes (ISO 3166-1, as published by the ISO 3166 Maintenance Agency).
        private const string Assigned =
            "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
            "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
            "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
            "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
            "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
            "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
            "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

        private static readonly string[] Sorted = Assigned.Split(' ');

        public static bool IsAssigned(string code) => IndexOf(code) >= 0;

        public static int IndexOf(string code) => Array.BinarySearch(Sorted, code, StringComparer.Ordinal);

        public static int Count => Sorted.Length;
    }

    internal static int AssignedCount => Iso3166.Count;
}
