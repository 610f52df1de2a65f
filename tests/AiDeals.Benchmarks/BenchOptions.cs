using System.Globalization;

namespace AiDeals.Benchmarks;

/// <summary>The command line: <c>--database PATH [--only TEXT] [--iterations N] [--warmup N] [--budget SECONDS] [--port N] [--no-browser] [--markdown] [--circuits N [--settle SECONDS] [--screenshots FOLDER]]</c>.</summary>
internal sealed record BenchOptions(
    string Database,
    IReadOnlyList<string> Only,
    int Iterations,
    int Warmup,
    TimeSpan Budget,
    int Port,
    bool Browser,
    bool Markdown,
    int Circuits = 0,
    double Settle = 10,
    string? Screenshots = null)
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/AiDeals.Benchmarks -- --database PATH [options]
          --database PATH    a copy of the large database (it is migrated to the app's schema first; never the original)
          --only TEXT        only the cases whose name contains TEXT (repeatable: deals, list, dashboard, profile, detail, export)
          --iterations N     timed calls per way (default 100: a p95 of fewer is mostly the slowest call)
          --warmup N         calls per way before timing, not counted (default 3)
          --budget SECONDS   a way stops after this much timing once it has 3 calls (default 5)
          --port N           the loopback port for the app (default 5305)
          --no-browser       skip the app and Chromium (limit and service only)
          --markdown         also print the summary as a Markdown table
          --circuits N       instead of the cases: server memory per idle dashboard circuit, N dashboards open in Chromium
          --settle SECONDS   with --circuits: how long the dashboards stay open before the heap is read (default 10)
          --screenshots DIR  with --circuits: first save the live dashboard, 1280 and 390 pixels wide, light and dark, into DIR
        """;

    public static BenchOptions? Parse(string[] args)
    {
        string? database = null;
        var only = new List<string>();
        int iterations = 100, warmup = 3, port = 5305, circuits = 0;
        double budget = 5, settle = 10;
        bool browser = true, markdown = false;
        string? screenshots = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--database": database = Next(); break;
                case "--only": only.Add(Next()); break;
                case "--iterations": iterations = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--budget": budget = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--port": port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--no-browser": browser = false; break;
                case "--markdown": markdown = true; break;
                case "--circuits": circuits = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--settle": settle = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--screenshots": screenshots = Path.GetFullPath(Next()); break;
                default: return null;
            }
        }

        return database is null || iterations < 1 || warmup < 0 || circuits < 0 || settle < 0
            ? null
            : new BenchOptions(Path.GetFullPath(database), only, iterations, warmup, TimeSpan.FromSeconds(budget), port, browser, markdown, circuits, settle, screenshots);
    }

    /// <summary>"deals" selects the list cases too: the list is the deals page.</summary>
    public bool Selects(string caseName) =>
        Only.Count == 0 || Only.Any(o => caseName.Contains(o, StringComparison.OrdinalIgnoreCase)
            || (o.Equals("deals", StringComparison.OrdinalIgnoreCase) && caseName.StartsWith("list:", StringComparison.Ordinal)));
}
