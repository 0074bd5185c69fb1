using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace TradeAccord.Web;

/// <summary>
/// The key a server on this machine's loopback uses when it is given no keys file: one admin key, made on the first
/// run and kept in <c>keys.json</c> in the user's data folder (readable by the user only), so that whoever started the
/// server opens the dashboard with every page, as a notebook server hands out its token.
/// </summary>
public static class LocalAdminKey
{
    /// <summary>The file's name in the data folder.</summary>
    public const string FileName = "keys.json";

    /// <summary>The user's data folder: <c>$XDG_DATA_HOME/tradeaccord</c> (<c>~/.local/share/tradeaccord</c> when unset), beside the default store.</summary>
    public static string DefaultFolder() =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "tradeaccord");

    /// <summary>
    /// The keys file in <paramref name="folder"/> and the admin key it holds as itself (null when its keys are all
    /// given by hash, then no address can carry one); the file is made with a new key when absent.
    /// </summary>
    /// <exception cref="Sources.SourceException">The file exists but is not a keys file.</exception>
    public static (string File, string? Key) Ensure(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(folder);
            var made = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            try
            {
                // Created 0600: the key is never readable by another user, not even for a moment.
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(file, create);
                JsonSerializer.Serialize(stream, new Dictionary<string, string> { [made] = "admin" });
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another server made it first: use that one's key.
            }
        }

        var keys = ApiKeys.Load(file);
        var admin = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!
            .FirstOrDefault(e => e.Value == "admin" && !e.Key.StartsWith(ApiKeys.HashPrefix, StringComparison.Ordinal)).Key;
        return (file, keys.Count > 0 ? admin : null);
    }

    /// <summary>Whether every address in <paramref name="urls"/> (separated by ';') is on this machine's loopback.</summary>
    public static bool IsLoopbackOnly(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "*", "+" and 0.0.0.0 listen on every interface; Uri cannot parse the first two.
            if (!Uri.TryCreate(url.Replace("://*", "://any-host", StringComparison.Ordinal).Replace("://+", "://any-host", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                return false;
            }

            var host = uri.Host.Trim('[', ']');
            if (!host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !(IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)))
            {
                return false;
            }
        }

        return true;
    }
}
