using TradeAccord.Cli.Infrastructure;
using TradeAccord.Core.Agreements;
using TradeAccord.Sources;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands.Agreements;

/// <summary>Loads the agreement a command names, valid or not at all.</summary>
internal static class AgreementInput
{
    /// <summary>The agreement of <paramref name="settings"/>, with an assumed signing date applied.</summary>
    /// <exception cref="AgreementException">The file has problems.</exception>
    public static Agreement Load(CliContext cli, AgreementSettings settings) => Load(cli, settings.File, settings.Data, (settings as DatedAgreementSettings)?.AssumeSigned);

    /// <summary>The agreement <paramref name="file"/> names.</summary>
    public static Agreement Load(CliContext cli, string file, string? data, string? assumeSigned = null)
    {
        var loader = cli.Loader(data);
        var agreement = AgreementFiles.ReadValid(loader, cli.Reference(ReferenceKind.Agreement, "FILE", file, data)!);
        if (DataSettings.ParseDate(assumeSigned) is not { } signed)
        {
            return agreement;
        }

        if (agreement.Signed is { } actual && actual != signed)
        {
            throw new CliUsageException($"--assume-signed {signed:yyyy-MM-dd}: the agreement says it was signed on {actual:yyyy-MM-dd}");
        }

        return agreement with { Signed = signed, EntryIntoForce = agreement.EntryIntoForce ?? signed };
    }

    /// <summary>A path as shown to the user: relative to the working directory when inside it.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }
}
