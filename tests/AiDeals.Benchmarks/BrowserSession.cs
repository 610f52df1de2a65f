using Microsoft.Playwright;

namespace AiDeals.Benchmarks;

/// <summary>
/// Headless Chromium on the app. Times are taken in the page (performance.now), to the moment the DOM holds what the
/// reader came for (a MutationObserver sees it, before the next paint): the Playwright round trips are not in them.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>A view with no rows that SQL answers at once: the list goes there between two timed views.</summary>
    private const string EmptyView = "deals?investor=no-such-investor-for-the-bench";

    // The grid's deal rows: a row of one cell is its "loading" or "no deal matches" placeholder.
    private const string Helpers = """
        const rows = () => Array.from(document.querySelectorAll('table tbody tr')).filter(r => r.cells.length > 1);
        const firstTitle = () => { const r = rows(); const a = r.length ? r[0].cells[0].querySelector('a') : null; return a ? a.textContent.trim() : null; };
        const text = selector => { const e = document.querySelector(selector); return e ? e.textContent.trim() : null; };
        const ready = () => {
            switch (want.kind) {
                case 'rows': return rows().length === want.count && (want.count === 0 || firstTitle() === want.title);
                case 'counted': return rows().length === want.count && (want.count === 0 || firstTitle() === want.title)
                    && /^\d/.test(text('[data-testid=deal-count]') || '');
                case 'none': return rows().length === 0 && (text('table tbody') || '').includes('No deal matches');
                case 'dashboard': { const t = text('[data-testid=deal-count-tile]'); return t !== null && t.replace(/\D/g, '') === String(want.count); }
                case 'profile': return text('[data-testid=organization-name]') === want.title && document.querySelector('[data-testid=commitments] tbody tr') !== null;
                case 'heading': return text('h1') === want.title;
            }
            return false;
        };
        const counted = () => {
            switch (want.kind) {
                case 'dashboard': return want.count;
                case 'profile': return document.querySelectorAll('[data-testid=commitments] tbody tr').length;
                case 'heading': return -1;
                default: return rows().length;
            }
        };
        const until = (start, go) => new Promise((resolve, reject) => {
            let timer;
            const observer = new MutationObserver(() => check());
            const check = () => {
                if (!ready()) return false;
                observer.disconnect(); clearTimeout(timer);
                resolve([performance.now() - start, counted()]);
                return true;
            };
            timer = setTimeout(() => { observer.disconnect(); reject(new Error('not shown within ' + want.timeout + ' ms; rows: ' + rows().length)); }, want.timeout);
            observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
            if (go) go();
            check();
        });
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _list;
    private readonly IPage _pages;
    private readonly Uri _baseAddress;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage list, IPage pages, Uri baseAddress)
    {
        _playwright = playwright;
        _browser = browser;
        _list = list;
        _pages = pages;
        _baseAddress = baseAddress;
    }

    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    public static async Task<BrowserSession> StartAsync(Uri baseAddress)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        var list = await context.NewPageAsync();
        var pages = await context.NewPageAsync();

        // The list page stays open: each view is a navigation inside its circuit, as a click on a filter or a header is.
        await list.GotoAsync(EmptyView);
        await Wait(list, new { kind = "none", count = 0, title = (string?)null, timeout = Timeout.TotalMilliseconds });
        return new BrowserSession(playwright, browser, list, pages, baseAddress);
    }

    /// <summary>Headless Chromium: the system's when there is one, else Playwright's own.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = File.Exists(Chromium) ? Chromium : null,
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    /// <summary>
    /// From a filter change (a navigation inside the circuit) to the view's rows in the grid, or, when
    /// <paramref name="counted"/>, to its count shown after them.
    /// </summary>
    public async Task<Sample> ListViewAsync(string relativeUrl, Expected expected, bool counted = false)
    {
        await NavigateInCircuit(EmptyView, new { kind = "counted", count = 0L, title = (string?)null, timeout = Timeout.TotalMilliseconds });
        return await NavigateInCircuit(relativeUrl, new { kind = counted ? "counted" : "rows", count = expected.Rows, title = expected.FirstTitle?.Trim(), timeout = Timeout.TotalMilliseconds });
    }

    /// <summary>From the start of a page load to the content shown (kind: rows, dashboard, profile or heading).</summary>
    public async Task<Sample> PageLoadAsync(string relativeUrl, string kind, Expected expected)
    {
        await _pages.GotoAsync(relativeUrl, new() { WaitUntil = WaitUntilState.Commit });
        return await Wait(_pages, new { kind, count = expected.Rows, title = expected.FirstTitle?.Trim(), timeout = Timeout.TotalMilliseconds });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    private async Task<Sample> NavigateInCircuit(string relativeUrl, object want)
    {
        var url = new Uri(_baseAddress, relativeUrl).ToString();
        var result = await _list.EvaluateAsync<double[]>(
            "([want, url]) => { " + Helpers + " return until(performance.now(), () => Blazor.navigateTo(url)); }",
            new object[] { want, url });
        return new Sample(result[0], (long)result[1]);
    }

    // A page just committed: its time origin is the navigation's start, so the time is the page's own.
    private static async Task<Sample> Wait(IPage page, object want)
    {
        var result = await page.EvaluateAsync<double[]>(
            "want => { " + Helpers + " return until(0, null); }", want);
        return new Sample(result[0], (long)result[1]);
    }
}
