using Spectre.Console;

namespace AiDeals.Cli;

/// <summary>
/// One step of long work: how much of the total is done, and the line that says so (null: a step the bar shows but that
/// is too small to print as a line of its own).
/// </summary>
internal readonly record struct ProgressStep(double Done, string? Line);

/// <summary>
/// How a long command shows its progress: a live bar (Spectre.Console) in an interactive terminal, one line per report
/// when the output goes to a file, a pipe or a test, where a redrawn bar would be noise.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(TextWriter output, string description, double total, Func<IProgress<ProgressStep>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(work);
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await work(new LineProgress(output));
        }

        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
                var result = await work(new BarProgress(task));
                task.Value = task.MaxValue;
                return result;
            });
    }

    private sealed class LineProgress(TextWriter output) : IProgress<ProgressStep>
    {
        public void Report(ProgressStep value)
        {
            if (value.Line is not null)
            {
                output.WriteLine("  " + value.Line);
            }
        }
    }

    private sealed class BarProgress(ProgressTask task) : IProgress<ProgressStep>
    {
        public void Report(ProgressStep value) => task.Value = value.Done;
    }
}
