using TradeAccord.Sources;

namespace TradeAccord.Web.Tests;

/// <summary>The API keys file: what it accepts, what it refuses and how, and where it is looked for.</summary>
public sealed class KeysFileTests : IDisposable
{
    private const string LongKey = "a-key-of-twenty-six-chars!";

    private readonly string _folder = Directory.CreateTempSubdirectory("accord-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_well_formed_file_gives_each_key_its_role()
    {
        var keys = ApiKeys.Load(Write($$"""{"{{LongKey}}": "us-office", "observer-key-0000001": "observer"}"""));

        keys.RoleOf(LongKey).ShouldBe(Role.UsOffice);
        keys.RoleOf("observer-key-0000001").ShouldBe(Role.Observer);
        keys.RoleOf("observer-key-0000002").ShouldBeNull("an unknown key is refused, not taken as public");
        keys.RoleOf(null).ShouldBe(Role.Public);
    }

    [Theory]
    [InlineData("short-key-15chr", "us-office", "a key must be at least 16 characters (or sha256: and its hash in 64 hex digits)")]   // one short of the minimum
    [InlineData(LongKey, "superuser", "the role must be one of observer, us-office, cn-office, admin")]
    [InlineData(LongKey, "public", "the role must be one of observer, us-office, cn-office, admin")]   // what no key gives; no key may ask for it
    public void A_short_key_or_an_unknown_role_is_refused_naming_the_entry_but_never_the_key(string key, string role, string expected)
    {
        var file = Write($$"""{"observer-key-0000001": "observer", "{{key}}": "{{role}}"}""");

        var error = Should.Throw<SourceException>(() => ApiKeys.Load(file));

        error.Message.ShouldStartWith(file);
        error.Problems[0].Field.ShouldBe("entry 2");
        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain(key);
    }

    [Theory]
    [InlineData("{\"observer-key-0000001\": \"observer\",\n \"unterminated", 2)]
    [InlineData("[\"observer-key-0000001\"]", 1)]
    [InlineData("{\"observer-key-0000001\": 7}", 1)]
    public void A_file_that_is_not_a_json_object_of_strings_is_refused_with_its_line(string text, int line)
    {
        var file = Write(text);

        var error = Should.Throw<SourceException>(() => ApiKeys.Load(file));

        error.Line.ShouldBe(line);
        error.Message.ShouldContain("cannot be read as API keys: expected a JSON object of key → role");
        error.Message.ShouldNotContain("observer-key-0000001");
    }

    [Fact]
    public void A_named_file_that_does_not_exist_is_refused()
    {
        var missing = Path.Combine(_folder, "absent.json");

        Should.Throw<SourceException>(() => ApiKeys.Load(missing)).Message.ShouldStartWith(missing);
    }

    // The environment is the process's: these two run in one test so no other test sees the variable change.
    [Fact]
    public void Without_a_path_the_environment_variable_names_the_file_and_without_either_there_are_no_keys()
    {
        var before = Environment.GetEnvironmentVariable(ApiKeys.Variable);
        try
        {
            Environment.SetEnvironmentVariable(ApiKeys.Variable, Write($$"""{"{{LongKey}}": "cn-office"}"""));
            ApiKeys.Load(null).RoleOf(LongKey).ShouldBe(Role.CnOffice);

            Environment.SetEnvironmentVariable(ApiKeys.Variable, null);
            var none = ApiKeys.Load(null);
            none.RoleOf(LongKey).ShouldBeNull("no file: no key is known");
            none.RoleOf(null).ShouldBe(Role.Public);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ApiKeys.Variable, before);
        }
    }

    private string Write(string text)
    {
        var path = Path.Combine(_folder, $"keys-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }
}
