using TradeAccord.Core.Agreements;
using TradeAccord.Sources.Agreements;

namespace TradeAccord.Sources.Tests.Agreements;

/// <summary>The shipped agreement files, read against the shipped data.</summary>
internal static class Agreements
{
    public const string PhaseOne = "us-china-phase-one";
    public const string UsPosition = "positions-2019-11/us";
    public const string ChinaPosition = "positions-2019-11/china";
    public const string Arrangement = "us-china-2025-11";
    public const string Additions = "us-china-2026-05";

    public static string PathOf(string name) => Path.Combine(BuiltIn.Loader.Paths.Agreements, name + ".yaml");

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static AgreementRead Read(string name) => AgreementReader.Read(PathOf(name), BuiltIn.Loader.AgreementContext, name + ".yaml");

    public static Agreement Load(string name) => Read(name).Agreement ?? throw new InvalidOperationException(string.Join("\n", Read(name).Problems));

    public static AgreementRead Parse(string text) => AgreementReader.Parse(text, "broken.yaml", BuiltIn.Loader.AgreementContext);
}
