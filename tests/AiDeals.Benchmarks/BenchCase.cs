namespace AiDeals.Benchmarks;

/// <summary>One thing a reader does, timed three ways: the limit (raw SQL), the Core service, and end to end.</summary>
internal sealed record BenchCase(string Name, Way Limit, Way Service, Way EndToEnd, string EndToEndLabel = "e2e (Chromium)")
{
    /// <summary>Extra figures for the note column (rows a second, megabytes), from the way's last sample.</summary>
    public bool ReportsThroughput { get; init; }
}

/// <summary>What the cases are built from.</summary>
internal sealed record BenchContext(
    Microsoft.Data.Sqlite.SqliteConnection Raw,
    IServiceProvider Services,
    Schema Schema,
    DataFacts Facts,
    BrowserSession? Browser,
    Uri? AppAddress)
{
    /// <summary>The end-to-end way, or why there is none in this run.</summary>
    public Way InBrowser(Func<BrowserSession, Expected, Task<Sample>> run) =>
        Browser is { } browser ? Way.Of(expected => run(browser, expected)) : Way.NotAvailable("not run (--no-browser)");
}
