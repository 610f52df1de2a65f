using Spectre.Console;

namespace AiDeals.Cli;

/// <summary>
/// One step of long work: how much of the total is done, and the line that says so (null: a step the bar shows but that
/// is too small to print as a line of its own). Work that goes on after its counted part names each further stage as it
/// begins (<see cref="Stage"/>), which the bar shows as a row of its own with its time, and says when it ends (<see cref="StageEnded"/>).
/// </summary>
internal readonly record struct ProgressStep(double Done, string? Line)
{
    /// <summary>The name of a stage that begins with this step.</summary>
    public string? Stage { get; init; }

    /// <summary>Whether this step ends the stage under way.</summary>
    public bool StageEnded { get; init; }
}

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
                var bar = new BarProgress(context, context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1)));
                var result = await work(bar);
                bar.Finish();
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

    private sealed class BarProgress(ProgressContext context, ProgressTask first) : IProgress<ProgressStep>
    {
        private ProgressTask _task = first;

        public void Report(ProgressStep value)
        {
            if (value.Stage is { } stage)
            {
                Finish();
                _task = context.AddTask(Markup.Escape(stage), maxValue: 1);
                _task.IsIndeterminate = true;
            }
            else if (value.StageEnded)
            {
                Finish();
            }
            else
            {
                _task.Value = value.Done;
            }
        }

        // A finished row stays on screen, full, with the time it took.
        public void Finish()
        {
            _task.IsIndeterminate = false;
            _task.Value = _task.MaxValue;
            _task.StopTask();
        }
    }
}
