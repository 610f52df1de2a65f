using System.Diagnostics;
using System.Globalization;

namespace AiDeals.Web;

/// <summary>
/// How long the start took, phase by phase, from the process's own start (the runtime's start-up included), written as
/// one log line once the server listens: what an operator reads when a start feels slow.
/// </summary>
internal sealed class StartupTimes
{
    private readonly DateTime _processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private readonly List<(string Phase, double Milliseconds)> _marks = [];

    /// <summary>Notes that a phase has just ended.</summary>
    public void Mark(string phase) => _marks.Add((phase, Elapsed()));

    /// <summary>Logs the phases when the server starts listening.</summary>
    public void LogWhenListening(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        Mark("listening");
        app.Logger.LogInformation(
            "Started in {Milliseconds:N0} ms from the process start ({CpuMilliseconds:N0} ms of CPU): {Phases}",
            _marks[^1].Milliseconds,
            CpuMilliseconds(),
            string.Join(", ", _marks.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Phase} at {m.Milliseconds:N0} ms"))));
    });

    // The process's CPU time beside the wall time: on a loaded machine the wall time is mostly waiting for a core.
    private static double CpuMilliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private double Elapsed() => (DateTime.UtcNow - _processStart).TotalMilliseconds;
}
