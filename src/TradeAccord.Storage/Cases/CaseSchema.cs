using TradeAccord.Storage.Sql;

namespace TradeAccord.Storage.Cases;

/// <summary>The case store's tables, the same on DuckDB and PostgreSQL.</summary>
internal static class CaseSchema
{
    // The keys are named so a clash on them is recognised by name; these are the names PostgreSQL gives primary keys
    // by default, so databases created before they were written out are recognised too.

    /// <summary>One case per id.</summary>
    public const string CaseKey = "cases_pkey";

    /// <summary>One event per (case, sequence): catches the writer that slips between version check and insert.</summary>
    public const string EventKey = "case_events_pkey";

    public static StoreSchema Definition { get; } = new("a case store",
    [
        $"""
        CREATE TABLE IF NOT EXISTS cases(id VARCHAR NOT NULL, agreement VARCHAR NOT NULL, agreement_file VARCHAR NOT NULL,
            complainant VARCHAR NOT NULL, respondent VARCHAR NOT NULL, article VARCHAR, summary VARCHAR NOT NULL,
            confidential BOOLEAN NOT NULL, opened DATE NOT NULL, CONSTRAINT {CaseKey} PRIMARY KEY (id))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS case_events(case_id VARCHAR NOT NULL, seq BIGINT NOT NULL, kind VARCHAR NOT NULL, event_date DATE NOT NULL,
            by_party VARCHAR, from_stage VARCHAR NOT NULL, to_stage VARCHAR NOT NULL, note VARCHAR, data VARCHAR,
            previous_hash VARCHAR NOT NULL, hash VARCHAR NOT NULL, CONSTRAINT {EventKey} PRIMARY KEY (case_id, seq))
        """,
    ],
    []);
}
