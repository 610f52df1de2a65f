using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace AiDeals.Benchmarks;

/// <summary>
/// Server memory per idle dashboard circuit: the app in its own process, N dashboards opened in headless Chromium (a
/// browser context each, five at a time), and the managed heap after a full GC (dotnet-gcdump) minus the heap before
/// them, divided by the circuits the heap holds then (its <c>CircuitHost</c> objects, counted, not assumed). One
/// dashboard is opened and closed first, so that what the first visit builds once (JIT, caches, the dashboard's
/// snapshot) is in both heaps. Also: RSS from /proc, components per circuit, and the types that grew the most.
/// </summary>
internal static class CircuitMemory
{
    private const int AtATime = 5;
    private const string CircuitHost = "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost";
    private static readonly string[] ComponentStates =
        ["Microsoft.AspNetCore.Components.Rendering.ComponentState", "Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState"];

    // The layout turns its theme from "pending" to light or dark on its first interactive render: the circuit is up.
    private const string Interactive = ".mud-layout[data-theme]:not([data-theme=pending])";

    public static async Task RunAsync(AppServer app, int pages, TimeSpan settle, string workFolder)
    {
        using var playwright = await Playwright.CreateAsync();
        var browser = await BrowserSession.LaunchAsync(playwright);
        try
        {
            // The first visit, closed again: its one-time costs belong to the process, not to a circuit.
            var clock = Stopwatch.StartNew();
            var first = await OpenAsync(browser, app.BaseAddress);
            await first.CloseAsync();
            Progress(clock, "the first dashboard opened and closed");
            var before = await WithoutCircuitsAsync(app.ProcessId, Path.Combine(workFolder, "circuits-before.gcdump"));
            var rssBefore = Rss(app.ProcessId);
            Progress(clock, "the heap without circuits read");

            var contexts = new List<IBrowserContext>();
            for (var i = 0; i < pages; i += AtATime)
            {
                contexts.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(AtATime, pages - i)).Select(_ => OpenAsync(browser, app.BaseAddress))));
            }

            Progress(clock, string.Create(CultureInfo.InvariantCulture, $"{pages} dashboards open; waiting {settle.TotalSeconds:0} s, then the heap"));
            await Task.Delay(settle);
            var after = await HeapDump.CollectAsync(app.ProcessId, Path.Combine(workFolder, "circuits-after.gcdump"));
            var rssAfter = Rss(app.ProcessId);
            Progress(clock, "the heap with them read");
            Console.WriteLine(Report(before, after, rssBefore, rssAfter, pages));
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
        finally
        {
            await browser.CloseAsync();
        }
    }

    /// <summary>The dashboard once its circuit is up (the charts drawn at their box's size), 1280 and 390 pixels wide, light and dark, whole.</summary>
    public static async Task ScreenshotsAsync(Uri baseAddress, string folder)
    {
        using var playwright = await Playwright.CreateAsync();
        var browser = await BrowserSession.LaunchAsync(playwright);
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (width, scheme) in new[] { 1280, 390 }.SelectMany(w => new[] { (w, ColorScheme.Light), (w, ColorScheme.Dark) }))
            {
                var context = await OpenAsync(browser, baseAddress, width, scheme);
                var page = context.Pages[0];
                await page.WaitForTimeoutAsync(3000);
                var suffix = scheme == ColorScheme.Dark ? "-dark" : string.Empty;
                var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"dashboard-{width}{suffix}.png"));
                await page.ScreenshotAsync(new() { Path = path, FullPage = true });
                Console.WriteLine("screenshot: " + path);
                await context.CloseAsync();
            }
        }
        finally
        {
            await browser.CloseAsync();
        }
    }

    private static void Progress(Stopwatch clock, string what) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,6:0.0} s  {what} (load average {File.ReadAllText("/proc/loadavg")[..14].Trim()})"));

    // The theme follows the system's preference (app.js reads prefers-color-scheme): the browser context says which.
    private static async Task<IBrowserContext> OpenAsync(IBrowser browser, Uri baseAddress, int width = 1280, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = width, Height = 900 }, ColorScheme = scheme });
        context.SetDefaultTimeout((float)BrowserSession.Timeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        await page.GotoAsync(string.Empty);
        await page.WaitForSelectorAsync("[data-testid=deal-count-tile]");
        await page.WaitForSelectorAsync(Interactive, new() { State = WaitForSelectorState.Attached });
        return context;
    }

    // A closed page ends its circuit once the browser's "disconnect" beacon arrives: wait for the heap to hold none.
    private static async Task<HeapDump> WithoutCircuitsAsync(int processId, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var dump = await HeapDump.CollectAsync(processId, path);
            if (dump.CountOf(CircuitHost) == 0 || attempt == 10)
            {
                return dump;
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
        }
    }

    private static string Report(HeapDump before, HeapDump after, long rssBefore, long rssAfter, int pages)
    {
        var circuits = after.CountOf(CircuitHost) - before.CountOf(CircuitHost);
        var per = Math.Max(circuits, 1);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            | | before | after | a circuit |
            |---|--:|--:|--:|
            | circuits in the heap | {before.CountOf(CircuitHost)} | {after.CountOf(CircuitHost)} | ({pages} pages opened) |
            | managed heap (dotnet-gcdump) | {before.Bytes / 1024:N0} KB | {after.Bytes / 1024:N0} KB | **{(after.Bytes - before.Bytes) / 1024.0 / per:N0} KB** |
            | RSS (/proc) | {rssBefore / 1024:N0} KB | {rssAfter / 1024:N0} KB | {(rssAfter - rssBefore) / 1024.0 / per:N0} KB |
            | components | {before.CountOf(ComponentStates):N0} | {after.CountOf(ComponentStates):N0} | {(after.CountOf(ComponentStates) - before.CountOf(ComponentStates)) / (double)per:N0} |
            """);
        if (circuits != pages)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"NOTE: {pages} pages opened but {circuits} circuits in the heap (a page that lost its circuit holds none); the figures are per circuit counted.");
        }

        text.AppendLine().AppendLine("What grew, a circuit (the 25 types that grew the most; bytes of arrays and strings estimated, see HeapDump):").AppendLine("| bytes | objects | type |").AppendLine("|--:|--:|---|");
        foreach (var (type, bytes, count) in after.GrowthSince(before).Take(25))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {bytes / (double)per:N0} | {count / (double)per:N1} | {type} |");
        }

        return text.ToString();
    }

    private static long Rss(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
