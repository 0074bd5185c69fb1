using Microsoft.Playwright;

namespace TradeAccord.Web.Tests;

/// <summary>
/// The dashboard in a real browser: Playwright driving Debian's Chromium (./scripts/test.sh installs it and sets
/// ACCORD_TEST_CHROMIUM). Each test leaves a screenshot in artifacts/screenshots.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private Server _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await Server.Start(loopback: true);
        var chromium = Environment.GetEnvironmentVariable("ACCORD_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"no Chromium at {chromium}: run ./scripts/test.sh, which installs Debian's chromium package");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<IPage> Open(string page, string? key = null)
    {
        var context = await _browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(_server.BaseAddress + "/");
        if (key is not null)
        {
            await tab.EvaluateAsync("k => localStorage.setItem('accord-key', k)", key);
        }

        await tab.GotoAsync($"{_server.BaseAddress}/#{page}");
        await tab.ReloadAsync();
        return tab;
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots(), name + ".png"), FullPage = true });

    [Fact]
    public async Task Compute_a_duty_and_read_its_layers()
    {
        var page = await Open("duty");
        await page.ClickAsync("#duty-form button[type=submit]");
        await page.WaitForSelectorAsync("#duty-layers tbody tr");
        var layers = await page.InnerTextAsync("#duty-layers tbody");
        layers.ShouldContain("9903.88.03");
        layers.ShouldContain("USTR");
        (await page.InnerTextAsync("#duty-total")).ShouldContain("2790.00 USD");
        await Shot(page, "duty");
    }

    [Fact]
    public async Task The_history_of_a_line_is_drawn_with_its_change_dates()
    {
        var page = await Open("duty");
        await page.ClickAsync("#history-form button[type=submit]");
        await page.WaitForSelectorAsync("body[data-history-drawn=yes]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        var changes = await page.InnerTextAsync("#history-changes tbody");
        // List 3 on 7326.90.8688: 10% from 2018-09-24, 25% from 2019-05-10 (on top of the 2.9% general rate).
        changes.ShouldContain("2018-09-24");
        changes.ShouldContain("2019-05-10");
        changes.ShouldContain("27.9%");
        (await page.EvaluateAsync<int>("() => Chart.getChart('history-chart').data.datasets.length")).ShouldBe(2);
        await Shot(page, "duty-history");
    }

    [Fact]
    public async Task Upload_a_csv_and_download_the_result()
    {
        var page = await Open("duty");
        var entries = Path.Combine(Path.GetTempPath(), $"entries-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(entries, "id,hts,origin,entry_date,value_usd\n1,7326.90.8688,CN,2019-06-20,10000\n2,0101.21.0010,CN,2020-03-01,10000\n", TestContext.Current.CancellationToken);
        try
        {
            await page.SetInputFilesAsync("#batch-form input[type=file]", entries);
            await page.ClickAsync("#batch-form button[type=submit]");
            await page.WaitForSelectorAsync("#batch-download");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#batch-download"));
            var saved = Path.Combine(Path.GetTempPath(), $"duties-{Guid.NewGuid():N}.csv");
            await download.SaveAsAsync(saved);
            var lines = (await File.ReadAllTextAsync(saved, TestContext.Current.CancellationToken)).Trim().Split('\n');
            lines.Length.ShouldBe(3);
            lines[1].ShouldContain("2790.00");
            lines[2].ShouldContain("750.00");
            await Shot(page, "batch");

            // The scenario chosen on the page prices the batch too: with no Section 301 duties only the 2.9% MFN is left.
            await page.WaitForSelectorAsync("#duty-scenario option[value=no-301]", new() { State = WaitForSelectorState.Attached });
            await page.SelectOptionAsync("#duty-scenario", "no-301");
            await page.EvaluateAsync("() => document.getElementById('batch-download').remove()");
            await page.ClickAsync("#batch-form button[type=submit]");
            await page.WaitForSelectorAsync("#batch-download");
            var scenario = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#batch-download"));
            await scenario.SaveAsAsync(saved);
            var priced = (await File.ReadAllTextAsync(saved, TestContext.Current.CancellationToken)).Trim().Split('\n');
            File.Delete(saved);
            priced[1].ShouldContain("290.00");
            priced[1].ShouldNotContain("2790.00");
        }
        finally
        {
            File.Delete(entries);
        }
    }

    [Fact]
    public async Task The_tracker_chart_is_drawn()
    {
        var page = await Open("tracker");
        // The first request loads the trade store (a few seconds on a busy machine).
        await page.WaitForSelectorAsync("body[data-tracker-drawn=yes], body[data-error]", new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        var error = await page.GetAttributeAsync("body", "data-error");
        error.ShouldBeNull($"the page reported: {error}");
        (await page.InnerTextAsync("#track-vintage")).ShouldContain("census-2021-03-25");
        // Agriculture 2020: 27.33534 USD bn against its target, 81.67% in the published tracker's figures
        // (mwaugh0328/tradewar-tracker, phase-one-trade-Cdata.ipynb @ 752eb48a; TrackerTests checks them all).
        (await page.InnerTextAsync("#track-table tbody")).ShouldContain("81.67%");
        // The canvas holds drawn pixels: not a blank page.
        var inked = await page.EvaluateAsync<int>("() => { const c = document.getElementById('track-chart'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }");
        inked.ShouldBeGreaterThan(5_000);
        await Shot(page, "tracker");

        // 2021: the HS6 series ends in February; the year-to-date releases continue it, and the page says so.
        await page.EvaluateAsync("() => delete document.body.dataset.trackerDrawn");
        await page.SelectOptionAsync("#track-form select[name=year]", "2021");
        await page.ClickAsync("#track-form button");
        await page.WaitForSelectorAsync("body[data-tracker-drawn=yes], body[data-error]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        (await page.InnerTextAsync("#track-vintage")).ShouldContain("from 2021-03: us-exports-by-category, vintage census-ytd-2021-11, category totals only");
        await Shot(page, "tracker-2021");

        // The whole commitment: 2020 and 2021 in one window.
        await page.EvaluateAsync("() => delete document.body.dataset.trackerDrawn");
        await page.SelectOptionAsync("#track-form select[name=year]", "2020");
        await page.SelectOptionAsync("#track-form select[name=years]", "2");
        await page.ClickAsync("#track-form button");
        await page.WaitForSelectorAsync("body[data-tracker-drawn=yes], body[data-error]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        (await page.InnerTextAsync("#track-vintage")).ShouldContain("2020-01 to 2021-11: 63.06% of target");
        await Shot(page, "tracker-2020-2021");
    }

    [Fact]
    public async Task A_layer_a_stacking_rule_kept_off_is_shown_with_its_rule()
    {
        var page = await Open("duty");
        await page.FillAsync("#duty-form input[name=hts]", "7208.10.1500");
        await page.FillAsync("#duty-form input[name=origin]", "JP");
        await page.FillAsync("#duty-form input[name=entryDate]", "2025-06-10");
        await page.ClickAsync("#duty-form button[type=submit]");
        await page.WaitForSelectorAsync("#duty-layers tr.not-applied");
        (await page.InnerTextAsync("#duty-layers tr.not-applied")).ShouldContain("rule pp10947-reciprocal-on-non-metal-content");
        (await page.InnerTextAsync("#duty-total")).ShouldContain("(50.00% ad valorem)");
        await Shot(page, "duty-steel-jp-2025");
    }

    [Fact]
    public async Task The_2025_soybean_commitment_is_shown_against_each_reported_statistic()
    {
        var page = await Open("tracker");
        await page.WaitForSelectorAsync("body[data-reported-drawn=yes]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        var table = await page.InnerTextAsync("#reported-table tbody");
        table.ShouldContain("12 Mt reported purchased");
        table.ShouldContain("0 t arrived");
        table.ShouldContain("line 30");
        await Shot(page, "tracker-reported-2025");
    }

    [Fact]
    public async Task Open_a_case_and_advance_it()
    {
        var page = await Open("cases", Server.UsKey);
        await page.ClickAsync("#case-open-form button[type=submit]");
        await page.WaitForSelectorAsync("#case-state");
        (await page.InnerTextAsync("#case-state")).ShouldEndWith("assessment");
        (await page.InnerTextAsync("#case-chain")).ShouldBe("Chain intact (1 events)");

        var cn = await Open("cases", Server.CnKey);
        await cn.ClickAsync(".card");
        await cn.WaitForSelectorAsync("#advance-form");
        await cn.ClickAsync("#advance-form button[type=submit]");
        await cn.WaitForFunctionAsync("() => document.getElementById('case-state')?.textContent.endsWith('consultation-officials')");
        (await cn.InnerTextAsync("#case-chain")).ShouldBe("Chain intact (2 events)");
        await Shot(cn, "cases");
    }

    [Fact]
    public async Task The_agreements_page_shows_the_timeline_and_the_two_positions_side_by_side()
    {
        var page = await Open("agreements");
        await page.WaitForSelectorAsync("#diff tbody tr");
        // The agreement entered into force on 2020-02-14 (agreements/us-china-phase-one.yaml, entryIntoForce; USTR, 2020-02-14).
        (await page.InnerTextAsync("#timeline tbody")).ShouldContain("2020-02-14");
        var diff = await page.InnerTextAsync("#diff tbody");
        diff.ShouldContain("purchases-agriculture");
        diff.ShouldContain("best-efforts");
        diff.ShouldContain("cond-purchases-exit");
        await Shot(page, "agreements");
    }

    [Fact]
    public async Task Without_a_key_the_negotiation_page_says_one_is_needed()
    {
        var page = await Open("negotiation");
        await page.WaitForSelectorAsync("body[data-error]", new() { State = WaitForSelectorState.Attached });
        (await page.InnerTextAsync("#page-error")).ShouldContain("an API key is required here");
        (await page.InnerTextAsync("#profile")).ShouldBe("Private: shown only to a party's own office.");
        await Shot(page, "negotiation-no-key");
    }

    [Fact]
    public async Task The_case_board_is_shown_as_of_the_date_in_the_page()
    {
        var page = await Open("cases", Server.UsKey);
        await page.ClickAsync("#case-open-form button[type=submit]");
        await page.WaitForSelectorAsync(".card");
        // Opened 2021-01-15 and never assessed: on 2021-06-01 its 90 days are long gone.
        (await page.InnerTextAsync(".card")).ShouldContain("(overdue)");
        await page.FillAsync("#case-as-of", "2021-02-01");
        await page.DispatchEventAsync("#case-as-of", "change");
        await page.WaitForFunctionAsync("() => !document.querySelector('.card').textContent.includes('(overdue)')");
        await page.FillAsync("#case-as-of", "2021-01-01");
        await page.DispatchEventAsync("#case-as-of", "change");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.card').length === 0");
        await Shot(page, "cases-as-of");
    }

    [Fact]
    public async Task An_observer_cannot_see_a_partys_preferences()
    {
        var observer = await Open("negotiation", Server.ObserverKey);
        await observer.WaitForFunctionAsync("() => document.getElementById('negotiation-summary').textContent.length > 0");
        (await observer.InnerTextAsync("#profile")).ShouldBe("Private: shown only to a party's own office.");
        (await observer.InnerTextAsync("#negotiation-summary")).ShouldContain("61,236 outcomes allowed");
        await Shot(observer, "negotiation-observer");

        // Picking a frontier point on the chart evaluates that outcome as the offer.
        var at = await observer.EvaluateAsync<double[]>("() => { const c = Chart.getChart('negotiation-chart'); const p = c.getDatasetMeta(1).data[10]; return [p.x, p.y]; }");
        var canvas = (await observer.QuerySelectorAsync("#negotiation-chart"))!;
        var box = (await canvas.BoundingBoxAsync())!;
        await observer.Mouse.ClickAsync((float)(box.X + at[0]), (float)(box.Y + at[1]));
        await observer.WaitForSelectorAsync("#offer-result p");
        (await observer.InputValueAsync("#offer-form input[name=offer]")).ShouldContain("farm-purchases=");
        (await observer.InnerTextAsync("#offer-result")).ShouldStartWith("US 0.");
        await Shot(observer, "negotiation-picked");

        var us = await Open("negotiation", Server.UsKey);
        await us.WaitForFunctionAsync("() => document.getElementById('profile').textContent.includes('reservation')");
        (await us.InnerTextAsync("#profile")).ShouldContain("\"party\": \"US\"");
        await Shot(us, "negotiation-us");
    }

    private static string Screenshots()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "TradeAccord.slnx")))
            {
                return Directory.CreateDirectory(Path.Combine(d.FullName, "artifacts", "screenshots")).FullName;
            }
        }

        return Directory.CreateTempSubdirectory("accord-screenshots-").FullName;
    }
}
