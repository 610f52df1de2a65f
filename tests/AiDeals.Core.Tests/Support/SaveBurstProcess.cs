using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using AiDeals.SaveBurst;

namespace AiDeals.Core.Tests.Support;

/// <summary>
/// What one round saw: the saves the burst reported before it died; when it began to open the database, was ready and
/// was dead; how it ended and what it wrote to stderr.
/// </summary>
internal sealed record BurstRound(
    IReadOnlyList<BurstLine> Saves, TimeSpan? OpeningAfter, TimeSpan? ReadyAfter, TimeSpan KilledAfter, int ExitCode, string Errors);

/// <summary>
/// Runs AiDeals.SaveBurst (built beside the tests: the app's write path in a process of its own) with <c>dotnet</c>, and
/// kills it with <see cref="Process.Kill(bool)"/> — on Linux and macOS a SIGKILL, which nothing in the process can catch
/// or finish after.
/// </summary>
internal static class SaveBurstProcess
{
    /// <summary>The exit code of a process ended by SIGKILL (128 + signal 9), as .NET reports it on Unix.</summary>
    public const int KilledBySigkill = 128 + 9;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static string WorkerPath { get; } = Path.Combine(AppContext.BaseDirectory, "AiDeals.SaveBurst.dll");

    /// <summary>The <c>dotnet</c> host of the runtime the tests run on: …/dotnet/shared/Microsoft.NETCore.App/10.x/ is its root's grandchild.</summary>
    private static string DotnetHost { get; } = Path.GetFullPath(Path.Combine(
        RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));

    /// <summary>
    /// Starts the burst on <paramref name="databasePath"/> as round <paramref name="round"/>, kills it once it has reported
    /// <paramref name="savesBeforeKill"/> saves (or, for 0, <paramref name="delayBeforeKill"/> after it began to open the
    /// database), waits for it to die and returns every save it reported, those written between the count and the kill
    /// included.
    /// </summary>
    public static async Task<BurstRound> RunAndKillAsync(
        string databasePath, string dealBookPath, int round, int savesBeforeKill, TimeSpan delayBeforeKill, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { WorkerPath, databasePath, dealBookPath, round.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {DotnetHost}.");
        var clock = Stopwatch.StartNew();
        var errors = process.StandardError.ReadToEndAsync(patience.Token);
        var output = new BurstOutput(process.StandardOutput, clock);
        try
        {
            while (savesBeforeKill == 0 ? output.OpeningAfter is null : output.Saves.Count < savesBeforeKill)
            {
                if (!await output.ReadLineAsync(patience.Token))
                {
                    throw new InvalidOperationException(
                        $"The burst ended by itself (exit code {process.ExitCode}) after {output.Saves.Count} saves: {await errors}");
                }
            }

            if (savesBeforeKill == 0)
            {
                await Task.Delay(delayBeforeKill, patience.Token);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(patience.Token);
        var killedAfter = clock.Elapsed;

        // What it wrote before it died is still in the pipe: saves reported after the count was reached count too.
        while (await output.ReadLineAsync(patience.Token))
        {
        }

        Assert.False(output.Terminated, $"The burst shut down gracefully instead of being killed: {await errors}");
        return new BurstRound(output.Saves, output.OpeningAfter, output.ReadyAfter, killedAfter, process.ExitCode, await errors);
    }

    /// <summary>The burst's stdout, line by line: an opening line, a ready line, then one line per save.</summary>
    private sealed class BurstOutput(StreamReader reader, Stopwatch clock)
    {
        private readonly List<BurstLine> _saves = [];

        public IReadOnlyList<BurstLine> Saves => _saves;

        public TimeSpan? OpeningAfter { get; private set; }

        public TimeSpan? ReadyAfter { get; private set; }

        public bool Terminated { get; private set; }

        /// <summary>Reads one line; false at the end of the output.</summary>
        public async Task<bool> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = await reader.ReadLineAsync(cancellationToken);
            switch (line)
            {
                case null:
                    return false;
                case BurstLine.Opening:
                    OpeningAfter = clock.Elapsed;
                    break;
                case BurstLine.Ready:
                    ReadyAfter = clock.Elapsed;
                    break;
                case BurstLine.Terminated:
                    Terminated = true;
                    break;
                default:
                    _saves.Add(BurstLine.Parse(line) ?? throw new InvalidOperationException($"Not a line of the burst: '{line}'"));
                    break;
            }

            return true;
        }
    }
}
