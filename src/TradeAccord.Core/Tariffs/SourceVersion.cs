namespace TradeAccord.Core.Tariffs;

/// <summary>One source a schedule was compiled from: a file and the version (revision, release date) it holds.</summary>
/// <param name="Name">What the source is ("HTS 2019 revision 15").</param>
/// <param name="File">The data file, relative to the data folder.</param>
/// <param name="Version">The version label the source carries.</param>
public sealed record SourceVersion(string Name, string File, string Version);
