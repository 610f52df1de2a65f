using System.Diagnostics;

namespace AiDeals.Benchmarks;

/// <summary>One timed call: how long it took, how many rows it returned and how many bytes it wrote (0 when none).</summary>
internal sealed record Sample(double Milliseconds, long Rows, long Bytes = 0)
{
    /// <summary>The first row's title (or the page's heading), for the browser to recognise the same rows.</summary>
    public string? FirstTitle { get; init; }
}

/// <summary>
/// One of the three ways to get a case's rows: a call to time, or the reason it cannot be timed on this database
/// (e.g. "n/a (needs index …)"). <see cref="Expected"/> is what the end-to-end way waits for: the rows the service returned.
/// </summary>
internal sealed class Way
{
    private Way(Func<Expected, Task<Sample>>? run, string? missing)
    {
        Run = run;
        Missing = missing;
    }

    public Func<Expected, Task<Sample>>? Run { get; }

    public string? Missing { get; }

    public static Way Of(Func<Expected, Task<Sample>> run) => new(run, null);

    /// <summary>A call timed here with a stopwatch; it returns the rows it read (and the bytes it wrote, if any).</summary>
    public static Way Timed(Func<Task<(long Rows, long Bytes)>> call) => new(async _ =>
    {
        var clock = Stopwatch.StartNew();
        var (rows, bytes) = await call();
        return new Sample(clock.Elapsed.TotalMilliseconds, rows, bytes);
    }, null);

    public static Way Timed(Func<Task<long>> call) => Timed(async () => (await call(), 0L));

    public static Way NotAvailable(string reason) => new(null, reason);
}

/// <summary>What the service returned, for the browser to recognise the same rows: their count and the first row's title.</summary>
internal sealed record Expected(long Rows, string? FirstTitle)
{
    public static Expected None { get; } = new(0, null);
}

/// <summary>The figures of one way of one case.</summary>
internal sealed record WayResult(string Way, IReadOnlyList<Sample> Samples, string? Missing, string? Error)
{
    public bool HasFigures => Samples.Count > 0;

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public long Rows => Samples.Count == 0 ? 0 : Samples[^1].Rows;

    public long Bytes => Samples.Count == 0 ? 0 : Samples[^1].Bytes;

    /// <summary>What this way returned last, for the end-to-end way to wait for.</summary>
    public Expected Expected => Samples.Count == 0 ? Expected.None : new Expected(Samples[^1].Rows, Samples[^1].FirstTitle);

    // Nearest rank: with few samples the p95 is the slowest, never a value between two calls.
    private double Percentile(double p)
    {
        if (Samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = Samples.Select(s => s.Milliseconds).Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>How many calls a way gets: warm-up calls first (not counted), then timed calls until either limit.</summary>
internal sealed record Iterations(int Warmup, int Count, TimeSpan Budget, int Minimum = 3)
{
    public async Task<WayResult> MeasureAsync(string name, Way way, Expected expected)
    {
        if (way.Run is null)
        {
            return new WayResult(name, [], way.Missing, null);
        }

        var samples = new List<Sample>();
        try
        {
            var warm = Stopwatch.StartNew();
            for (var i = 0; i < Warmup; i++)
            {
                await way.Run(expected);
            }

            // A call of seconds gets the minimum count only, and a warm-up longer than the budget one timed call, so
            // that the whole run stays within minutes.
            var minimum = Warmup > 0 && warm.Elapsed > Budget ? 1 : Minimum;
            var clock = Stopwatch.StartNew();
            while (samples.Count < Count && (samples.Count < minimum || clock.Elapsed < Budget))
            {
                samples.Add(await way.Run(expected));
            }

            return new WayResult(name, samples, null, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new WayResult(name, samples, null, ex.GetType().Name + ": " + FirstLine(ex.Message));
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
