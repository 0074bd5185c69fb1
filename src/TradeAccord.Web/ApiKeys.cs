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
/// API keys and their roles, read from a JSON file outside the code (<c>{"key": "us-office", ...}</c>). Keys are
/// compared by their SHA-256 in constant time and never logged or echoed.
/// </summary>
public sealed class ApiKeys
{
    /// <summary>The request header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The environment variable naming the keys file.</summary>
    public const string Variable = "ACCORD_API_KEYS";

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
            if (!KebabCase.TryParse<Role>(role, out var parsed) || parsed == Role.Public || key.Length < 16)
            {
                // The key itself is a secret: the entry is named by its position, never by its text.
                throw new SourceException(file, 0, $"entry {entry}",
                    "a key must be at least 16 characters and its role one of observer, us-office, cn-office, admin");
            }

            keys.Add((SHA256.HashData(Encoding.UTF8.GetBytes(key)), parsed));
        }

        return new ApiKeys(keys);
    }

    /// <summary>The role of <paramref name="key"/>; null for a key that matches none (a 401).</summary>
    public Role? RoleOf(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Role.Public;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        foreach (var (known, role) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(known, hash))
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>The party an office acts for, or null.</summary>
    public static CountryCode? PartyOf(Role role) => role switch
    {
        Role.UsOffice => CountryCode.US,
        Role.CnOffice => CountryCode.CN,
        _ => null,
    };
}
