namespace TradeAccord.Sources.Hts;

/// <summary>One row of <c>hts/revisions.csv</c>: a shipped HTS revision and the date it answers from.</summary>
/// <param name="Name">"HTS 2025 revision 7", "HTS 2026 basic".</param>
/// <param name="Slug">Short form used in ids and in the compiled file: "2025r7", "2026b".</param>
/// <param name="File">The source file, relative to the hts folder ("json/hts_2025_rev_7.json.gz").</param>
/// <param name="InForceFrom">The first day this revision answers for.</param>
/// <param name="Published">Publication date printed on its change record, when there is one.</param>
/// <param name="Basis">Why <paramref name="InForceFrom"/> is that date.</param>
public sealed record HtsRevisionEntry(string Name, string Slug, string File, DateOnly InForceFrom, DateOnly? Published, string Basis)
{
    /// <summary>The name without the leading "HTS ", for titles that name a span ("HTS 2025 basic to 2025 revision 6").</summary>
    public string ShortName => Name.StartsWith("HTS ", StringComparison.Ordinal) ? Name[4..] : Name;
}
