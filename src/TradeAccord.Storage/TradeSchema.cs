using TradeAccord.Storage.Sql;

namespace TradeAccord.Storage;

/// <summary>The trade store's tables, the same on DuckDB and PostgreSQL.</summary>
internal static class TradeSchema
{
    /// <summary>
    /// The vintages' primary key, named so a clash on it is recognised by name. It is the name PostgreSQL gives a
    /// table's primary key by default, so databases created before it was written out are recognised too.
    /// </summary>
    public const string VintageKey = "vintages_pkey";

    public static StoreSchema Definition { get; } = new("a trade store",
    [
        $"""
        CREATE TABLE IF NOT EXISTS vintages(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, kind VARCHAR NOT NULL, source VARCHAR NOT NULL,
            row_count BIGINT NOT NULL, first_month DATE NOT NULL, last_month DATE NOT NULL, sequence BIGINT NOT NULL,
            CONSTRAINT {VintageKey} PRIMARY KEY (series, vintage))
        """,
        """
        CREATE TABLE IF NOT EXISTS monthly_flows(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, month DATE NOT NULL, code VARCHAR NOT NULL,
            value_usd DECIMAL(18,2) NOT NULL, quantity DOUBLE PRECISION, unit VARCHAR)
        """,
        "CREATE TABLE IF NOT EXISTS vintage_codes(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, code VARCHAR NOT NULL)",
        // Reported figures keep their text (a figure such as 0.332 must come back as written) and the row they came from.
        """
        CREATE TABLE IF NOT EXISTS reported_figures(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, line INTEGER NOT NULL, statistic VARCHAR NOT NULL,
            cumulation VARCHAR NOT NULL, figure VARCHAR NOT NULL, unit VARCHAR NOT NULL, period VARCHAR NOT NULL, span_start VARCHAR NOT NULL,
            span_end VARCHAR NOT NULL, as_of VARCHAR NOT NULL, as_of_text VARCHAR NOT NULL, measures VARCHAR NOT NULL, source VARCHAR NOT NULL,
            confidence VARCHAR NOT NULL, url VARCHAR NOT NULL, note VARCHAR)
        """,
        """
        CREATE TABLE IF NOT EXISTS annual_flows(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, year INTEGER NOT NULL, category VARCHAR NOT NULL,
            value_usd DECIMAL(18,2) NOT NULL)
        """,
    ],
    ["CREATE INDEX IF NOT EXISTS monthly_flows_vintage ON monthly_flows(series, vintage)"]);
}
