using System.Diagnostics;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// The work a run does after its rows, one named phase after another, each reported as it starts and as it ends with its
/// time: a minute-long command says what it is doing, and a slow phase shows itself.
/// </summary>
internal sealed class SyntheticPhases(IProgress<SyntheticDataProgress>? progress)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The rows the run wrote, which every report repeats; none until they are known.</summary>
    public SyntheticDataCounts? Counts { get; set; }

    public void Run(string phase, Action work)
    {
        var started = _clock.Elapsed;
        Report(phase, null);
        work();
        Report(phase, _clock.Elapsed - started);
    }

    public async Task RunAsync(string phase, Func<Task> work)
    {
        var started = _clock.Elapsed;
        Report(phase, null);
        await work();
        Report(phase, _clock.Elapsed - started);
    }

    private void Report(string phase, TimeSpan? time) =>
        progress?.Report(new SyntheticDataProgress(Counts?.Deals ?? 0, Counts?.Rows ?? 0, _clock.Elapsed) { Phase = phase, PhaseTime = time });
}
