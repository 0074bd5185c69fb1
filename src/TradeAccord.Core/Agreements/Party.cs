using TradeAccord.Core.Common;

namespace TradeAccord.Core.Agreements;

/// <summary>A party to an agreement.</summary>
/// <param name="Code">ISO country code, also the party's id in the file.</param>
/// <param name="Name">Full name.</param>
public sealed record Party(CountryCode Code, string Name);

/// <summary>A phase of the negotiation: what this agreement covers and what it leaves to a later one.</summary>
/// <param name="Id">Short id.</param>
/// <param name="Title">Name of the phase.</param>
/// <param name="Covered">Whether this agreement covers it (false: deferred).</param>
/// <param name="Scope">What it covers or defers.</param>
/// <param name="Source">Where that is said.</param>
public sealed record Phase(string Id, string Title, bool Covered, string Scope, SourceRef? Source);

/// <summary>A chapter of the agreement.</summary>
/// <param name="Number">Chapter number.</param>
/// <param name="Title">Chapter title.</param>
/// <param name="Articles">Article numbers and titles, where recorded.</param>
public sealed record Chapter(int Number, string Title, IReadOnlyList<Article> Articles);

/// <summary>An article of a chapter.</summary>
/// <param name="Number">Article number, e.g. "7.4".</param>
/// <param name="Title">Article title.</param>
public sealed record Article(string Number, string Title);

/// <summary>A data series that measures a commitment: whose statistics, from whom, and where in data/ if shipped.</summary>
/// <param name="Id">Short id used by commitments.</param>
/// <param name="Party">Whose official statistics.</param>
/// <param name="Publisher">Agency that publishes it.</param>
/// <param name="Description">What it counts and on which basis.</param>
/// <param name="Data">Path under data/ of the shipped file, or null when not shipped.</param>
public sealed record DataSeries(string Id, CountryCode Party, string Publisher, string Description, string? Data);
