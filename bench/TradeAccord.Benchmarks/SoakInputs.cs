using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TradeAccord.Core.Common;
using TradeAccord.Sources;

namespace TradeAccord.Benchmarks;

/// <summary>
/// What the load runs send, written to a folder for load.lua: quotes drawn from real HTS lines, an entries file for
/// the batch endpoint, the keys of the two offices and the cases they append to.
/// </summary>
internal sealed class SoakInputs
{
    /// <summary>The US office's key.</summary>
    public const string UsKey = "us-office-key-for-the-soak-01";

    /// <summary>China's office's key.</summary>
    public const string CnKey = "cn-office-key-for-the-soak-01";

    /// <summary>The date of every appended consultation: on or after each case's last event, so none is refused.</summary>
    public const string AppendDate = "2021-02-01";

    private SoakInputs(string folder) => Folder = folder;

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <summary>One JSON quote request per line (2,000, seed 7).</summary>
    public string Quotes => Path.Combine(Folder, "quotes.jsonl");

    /// <summary>The entries CSV each batch upload sends.</summary>
    public string Entries => Path.Combine(Folder, "entries.csv");

    /// <summary>The API keys file the server is started with.</summary>
    public string Keys => Path.Combine(Folder, "keys.json");

    /// <summary>The ids of the cases appended to, one a line (written by <see cref="OpenCases"/>).</summary>
    public string CaseIds => Path.Combine(Folder, "cases.txt");

    /// <summary>Writes the quotes, the entries file (<paramref name="batchRows"/> rows, seed 2019) and the keys.</summary>
    public static SoakInputs Write(string folder, int batchRows)
    {
        var inputs = new SoakInputs(folder);
        var sample = new SampleEntries(new ScheduleLoader(DataPaths.Locate()).Load());
        File.WriteAllLines(inputs.Quotes, sample.Draw(2_000, seed: 7).Select(s => JsonSerializer.Serialize(new
        {
            hts = s.Code.ToString(), origin = s.Origin.ToString(), entryDate = s.EntryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            value = s.Value, quantity = s.Quantity, unit = s.Unit,
        })));
        DutyVsDuckDb.WriteEntries(inputs.Entries, sample.Draw(batchRows, seed: 2019));
        File.WriteAllText(inputs.Keys, $$"""{"{{UsKey}}":"us-office","{{CnKey}}":"cn-office"}""");
        return inputs;
    }

    /// <summary>
    /// Opens <paramref name="count"/> cases (the US's appeals, assessed by China) through <paramref name="server"/>, so
    /// that each is in the stage where consultations may be appended without end.
    /// </summary>
    public async Task OpenCases(string server, int count)
    {
        using var us = Client(server, UsKey);
        using var cn = Client(server, CnKey);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var opened = await us.PostAsJsonAsync("/api/cases", new { respondent = "CN", summary = $"soak case {i + 1}", at = "2021-01-15" });
            opened.EnsureSuccessStatusCode();
            var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            using var assessed = await cn.PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "assess", at = AppendDate });
            assessed.EnsureSuccessStatusCode();
            ids.Add(id);
        }

        await File.WriteAllLinesAsync(CaseIds, ids);
    }

    /// <summary>Sends the first <paramref name="count"/> quotes one by one, each answered before the next.</summary>
    public async Task QuoteEach(string server, int count)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server), Timeout = TimeSpan.FromMinutes(5) };
        foreach (var quote in File.ReadLines(Quotes).Take(count))
        {
            using var response = await http.PostAsync("/api/duty", new StringContent(quote, System.Text.Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
        }
    }

    private static HttpClient Client(string server, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(server) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
