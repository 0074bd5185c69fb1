using Microsoft.Playwright;

namespace TradeAccord.Web.Tests;

/// <summary>
/// The dashboard in Debian's Chromium under its content security policy: every page works with nothing refused, and the
/// key in the address the server prints on its first run is kept in the browser and taken out of the address.
/// </summary>
public sealed class DashboardPolicyTests : IAsyncLifetime
{
    // Collects what the policy refuses; injected by the browser's debugging protocol, which the policy does not govern.
    private const string Watch = "window.refused = []; document.addEventListener('securitypolicyviolation', e => window.refused.push(`${e.violatedDirective} ${e.blockedURI}`));";

    private Server _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await Server.Start(loopback: true);
        (_playwright, _browser) = await TestBrowser.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_key_in_the_address_opens_every_page_and_leaves_the_address_with_nothing_refused()
    {
        var context = await _browser.NewContextAsync();
        await context.AddInitScriptAsync(Watch);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync($"{_server.BaseAddress}/#key={Uri.EscapeDataString(Server.AdminKey)}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.Url.ShouldNotContain("key=");
        (await page.EvaluateAsync<string>("() => localStorage.getItem('accord-key')")).ShouldBe(Server.AdminKey);
        (await page.InputValueAsync("#api-key")).ShouldBe(Server.AdminKey);

        // With the admin key every page loads: the case board and the negotiation need a key.
        foreach (var name in new[] { "duty", "tracker", "agreements", "cases", "negotiation" })
        {
            await page.EvaluateAsync("name => { location.hash = name; }", name);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await page.InnerTextAsync("#page-error")).ShouldBeEmpty(name);
        }

        (await page.EvaluateAsync<string[]>("() => window.refused")).ShouldBeEmpty();
        errors.Where(e => e.Contains("Content Security Policy", StringComparison.Ordinal)).ShouldBeEmpty();

        // The watch sees what the policy refuses: an inline script added to the page is refused.
        await page.AddScriptTagAsync(new() { Content = "window.ran = true;" }).ContinueWith(_ => { }, TaskScheduler.Default);
        (await page.EvaluateAsync<string[]>("() => window.refused")).ShouldContain(v => v.StartsWith("script-src", StringComparison.Ordinal));
        (await page.EvaluateAsync<bool>("() => window.ran === true")).ShouldBeFalse();
    }
}
