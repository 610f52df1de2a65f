using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using AiDeals.Benchmarks;
using AiDeals.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

// The bench command: each case three ways (the limit in raw SQL, the Core service, end to end), a table per case as it
// runs, then a summary. Figures only: nothing here passes or fails on a time. See docs/performance.md.
BenchOptions? options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    options = null;
}

if (options is null)
{
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

if (!File.Exists(options.Database))
{
    await Console.Error.WriteLineAsync($"No database at {options.Database}: generate one with `dotnet run --project src/AiDeals.Cli -- generate --deals 1000000 --database PATH`.");
    return 2;
}

var total = Stopwatch.StartNew();
var connectionString = new SqliteConnectionStringBuilder { DataSource = options.Database }.ToString();
await using var services = new ServiceCollection().AddLogging().AddAiDealsCore(connectionString).BuildServiceProvider();

// The app's schema first, as the app would bring it at start; then the bench only reads.
await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(dealBookPath: null);

await using var raw = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.Database, Mode = SqliteOpenMode.ReadOnly }.ToString());
await raw.OpenAsync();
// Read through a memory mapping, as the app's connections read (SqlitePragmaInterceptor): without it the limit paid a
// system call per page the app reads in place (a busy investor's profile: 215 ms against the app's 113).
await using (var mmap = raw.CreateCommand())
{
    mmap.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA mmap_size = {AiDeals.Core.Data.SqlitePragmaInterceptor.MemoryMappedBytes}");
    await mmap.ExecuteNonQueryAsync();
}

var schema = await Schema.ReadAsync(raw);
var facts = await DataFacts.ReadAsync(raw, schema);
var sqliteVersion = await Sql.ScalarAsync<string>(raw, "SELECT sqlite_version()");

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    AiDeals bench · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {options.Database} ({new FileInfo(options.Database).Length / 1_000_000.0:N0} MB, {facts.Deals:N0} deals)
    machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GB, {RuntimeInformation.FrameworkDescription}, SQLite {sqliteVersion}, load average {LoadAverage()}
    calls: {options.Warmup} warm-up + up to {options.Iterations} timed per way, each way stopping after {options.Budget.TotalSeconds:0} s once it has 3
    """));

if (options.Circuits > 0)
{
    await using var server = await AppServer.StartAsync(options.Database, options.Port, Path.Combine(Path.GetDirectoryName(options.Database)!, "bench-logs"));
    Console.WriteLine($"app: {server.BaseAddress} (process {server.ProcessId})");
    if (options.Screenshots is not null)
    {
        await CircuitMemory.ScreenshotsAsync(server.BaseAddress, options.Screenshots);
    }

    await CircuitMemory.RunAsync(server, options.Circuits, TimeSpan.FromSeconds(options.Settle), Path.GetDirectoryName(options.Database)!);
    Console.WriteLine($"load average now {LoadAverage()}");
    return 0;
}

AppServer? app = null;
BrowserSession? browser = null;
try
{
    if (options.Browser)
    {
        app = await AppServer.StartAsync(options.Database, options.Port, Path.Combine(Path.GetDirectoryName(options.Database)!, "bench-logs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"app: {app.BaseAddress} · cold start to a healthy /health {app.ColdStart.TotalSeconds:0.0} s"));
        browser = await BrowserSession.StartAsync(app.BaseAddress);
    }

    Console.WriteLine();
    var context = new BenchContext(raw, services, schema, facts, browser, app?.BaseAddress);
    var iterations = new Iterations(options.Warmup, options.Iterations, options.Budget);
    var results = new List<CaseResult>();
    var deepCursor = options.Selects("list: deep page") ? await ListCases.DeepCursorAsync(services.GetRequiredService<AiDeals.Core.Features.Deals.DealQueries>(), facts) : null;
    foreach (var benchCase in ListCases.All(context, deepCursor).Concat(PageCases.All(context)).Concat(ExportCases.All(context)))
    {
        if (!options.Selects(benchCase.Name))
        {
            continue;
        }

        var limit = await iterations.MeasureAsync("limit (raw SQL)", benchCase.Limit, Expected.None);
        var service = await iterations.MeasureAsync("service (Core)", benchCase.Service, Expected.None);
        var endToEnd = await iterations.MeasureAsync(benchCase.EndToEndLabel, benchCase.EndToEnd, service.Expected);
        var result = new CaseResult(benchCase, limit, service, endToEnd);
        results.Add(result);
        Console.WriteLine(Report.CaseTable(result));
    }

    if (options.Markdown)
    {
        Console.WriteLine(Report.Markdown(results));
    }

    var mismatches = results.Count(r => r.Mismatch is not null);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{results.Count} cases in {total.Elapsed.TotalMinutes:0.0} min; load average now {LoadAverage()}{(mismatches > 0 ? $"; {mismatches} ROW COUNT MISMATCH(ES), see above" : string.Empty)}"));
    return 0;
}
finally
{
    if (browser is not null)
    {
        await browser.DisposeAsync();
    }

    if (app is not null)
    {
        await app.DisposeAsync();
    }

    SqliteConnection.ClearAllPools();
}

// The machine is shared: the load average says how busy it was while the figures were taken.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
