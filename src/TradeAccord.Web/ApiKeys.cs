using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using TradeAccord.Core.Common;
using TradeAccord.Sources;

namespace TradeAccord.Web;

/// <summary>The roles a caller can have.</summary>
public enum Role
{
    /// <summary>No key: public data only (tariffs, agreements, the tracker).</summary>
    Public,

    /// <summary>Reads what is not private to a party.</summary>
    Observer,

    /// <summary>The US office: acts for the US, reads what is the US's.</summary>
    UsOffice,

    /// <summary>China's office.</summary>
    CnOffice,

    /// <summary>Runs the store (imports, verification) but reads nothing private to a party.</summary>
    Admin,
}

/// <summary>
/// API keys and their roles, read from a JSON file outside the code (<c>{"key": "us-office", ...}</c>), where a key
/// may be given by its SHA-256 instead (<c>{"sha256:&lt;64 hex digits&gt;": "us-office"}</c>) so the file holds no key
/// at all. Keys are compared by their SHA-256 in constant time and never logged or echoed.
/// </summary>
public sealed class ApiKeys
{
    /// <summary>The request header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The environment variable naming the keys file.</summary>
    public const string Variable = "ACCORD_API_KEYS";

    /// <summary>The prefix of a key given by its SHA-256 (64 hex digits) rather than as itself.</summary>
    public const string HashPrefix = "sha256:";

    private readonly List<(byte[] Hash, Role Role)> _keys;

    private ApiKeys(List<(byte[] Hash, Role Role)> keys) => _keys = keys;

    /// <summary>Reads the keys file at <paramref name="path"/> (or $ACCORD_API_KEYS); no file means no keys.</summary>
    /// <exception cref="SourceException">The file is missing, not JSON, or holds a short key or an unknown role; the
    /// message never repeats a key.</exception>
    public static ApiKeys Load(string? path)
    {
        var file = path ?? Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(file))
        {
            return new ApiKeys([]);
        }

        Dictionary<string, string>? map;
        try
        {
            map = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            var line = e is JsonException { LineNumber: { } n } ? (int)n + 1 : 0;
            throw new SourceException(file, line, null, "cannot be read as API keys: expected a JSON object of key → role, e.g. {\"<key of 16 or more characters>\": \"us-office\"}");
        }

        if (map is null)
        {
            throw new SourceException(file, 0, null, "expected a JSON object of key → role");
        }

        var keys = new List<(byte[], Role)>();
        var entry = 0;
        foreach (var (key, role) in map)
        {
            entry++;
            if (!KebabCase.TryParse<Role>(role, out var parsed) || parsed == Role.Public)
            {
                // The key itself is a secret: the entry is named by its position, never by its text.
                throw new SourceException(file, 0, $"entry {entry}", "the role must be one of observer, us-office, cn-office, admin");
            }

            var hash = Hash(file, entry, key);
            if (keys.FindIndex(k => k.Item1.AsSpan().SequenceEqual(hash)) is var same and >= 0)
            {
                // A key given once as itself and once by its hash would have two roles.
                throw new SourceException(file, 0, $"entry {entry}", $"is the same key as entry {same + 1}: expected each key once");
            }

            keys.Add((hash, parsed));
        }

        return new ApiKeys(keys);
    }

    /// <summary>The number of keys.</summary>
    public int Count => _keys.Count;

    /// <summary>The file entry of <paramref name="key"/> by its hash: <c>sha256:</c> and 64 lower-case hex digits.</summary>
    public static string HashEntry(string key) => HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    // A key given as itself is hashed here; one given by its hash is taken as it is.
    private static byte[] Hash(string file, int entry, string key)
    {
        if (!key.StartsWith(HashPrefix, StringComparison.Ordinal))
        {
            return key.Length >= 16 ? SHA256.HashData(Encoding.UTF8.GetBytes(key))
                : throw new SourceException(file, 0, $"entry {entry}", "a key must be at least 16 characters (or sha256: and its hash in 64 hex digits)");
        }

        var hex = key.AsSpan(HashPrefix.Length);
        return hex.Length == 64 && IsHex(hex) ? Convert.FromHexString(hex)
            : throw new SourceException(file, 0, $"entry {entry}", "a key given by its hash must be sha256: and 64 hex digits");
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The role of <paramref name="key"/>; null for a key that matches none (a 401).</summary>
    public Role? RoleOf(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Role.Public;
        }

        // Every entry is compared, matched or not: the time taken tells neither the key nor where it stands in the file.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        Role? found = null;
        foreach (var (known, role) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(known, hash))
            {
                found = role;
            }
        }

        return found;
    }

    /// <summary>The party an office acts for, or null.</summary>
    public static CountryCode? PartyOf(Role role) => role switch
    {
        Role.UsOffice => CountryCode.US,
        Role.CnOffice => CountryCode.CN,
        _ => null,
    };
}
