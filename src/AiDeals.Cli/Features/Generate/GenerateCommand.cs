using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AiDeals.Core.Data.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Cli.Features.Generate;

/// <summary>
/// <c>generate --deals N [--organizations N] [--seed S] [--append]</c>: fills a database with synthetic deals shaped
/// like real ones, for load tests and benchmarks. A database that does not exist yet is created and migrated first; one
/// that holds deals already is refused unless <c>--append</c> says to add to them.
/// </summary>
internal static class GenerateCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var deals = new Option<int>("--deals") { Description = "How many deals to generate.", Required = true, HelpName = "count" };
        deals.Validators.Add(result => AtLeast(result, 1));
        var organizations = new Option<int?>("--organizations")
        {
            Description = "How many organizations the deals are spread over (default: one per 20 deals, at least 10).",
            HelpName = "count",
        };
        organizations.Validators.Add(result => AtLeast(result, 2));
        var seed = new Option<int>("--seed") { Description = "The seed: the same seed gives the same rows.", DefaultValueFactory = _ => 1 };
        var append = new Option<bool>("--append")
        {
            Description = "Add to a database that holds deals already (after its rows) instead of refusing it.",
        };

        var command = new Command("generate", "Fill the database with synthetic deals, organizations, sources, valuations and market events.")
        {
            deals, organizations, seed, append,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var dealCount = parseResult.GetValue(deals);
            var options = new SyntheticDataOptions(
                dealCount,
                parseResult.GetValue(organizations) ?? SyntheticDataOptions.DefaultOrganizations(dealCount),
                parseResult.GetValue(seed));
            return RunAsync(parseResult, options, parseResult.GetValue(append), cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// A count below <paramref name="minimum"/> is a usage error. A value that is no number at all is left to the
    /// parser, which reports it; reading it here would throw.
    /// </summary>
    private static void AtLeast(System.CommandLine.Parsing.OptionResult result, int minimum)
    {
        if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.Integer, Invariant, out var value) && value < minimum)
        {
            result.AddError($"{result.Option.Name} must be at least {minimum}.");
        }
    }

    private static async Task<int> RunAsync(ParseResult parseResult, SyntheticDataOptions options, bool append, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        await using var database = CliDatabase.Open(parseResult);
        await database.MigrateAsync(cancellationToken);
        await output.WriteLineAsync(database.Existed
            ? $"Database {database.DataSource} (migrated to the current schema)."
            : $"Database {database.DataSource} created and migrated.");

        var generator = database.Services.GetRequiredService<SyntheticDataGenerator>();
        var existing = await generator.CountDealsAsync(cancellationToken);
        if (existing > 0 && !append)
        {
            throw new CliFailure(string.Create(Invariant,
                $"{database.DataSource} already holds {existing:N0} deals: generate fills an empty database (add --append to add to them)."));
        }

        await output.WriteLineAsync(string.Create(Invariant,
            $"Generating {options.Deals:N0} deals over {options.Organizations:N0} organizations, seed {options.Seed}{(existing > 0 ? $", after {existing:N0} deals" : string.Empty)}…"));
        var clock = Stopwatch.StartNew();
        var counts = await ProgressDisplay.RunAsync(output, "Generating deals", options.Deals, progress =>
            generator.GenerateAsync(options, new Progress(progress, options.Deals), cancellationToken));
        var seconds = clock.Elapsed.TotalSeconds;
        await database.AnnounceChangeAsync(cancellationToken);
        await output.WriteLineAsync(string.Create(Invariant,
            $"Generated {counts} ({counts.Rows:N0} rows) in {seconds:0.0} s, {counts.Rows / Math.Max(seconds, 0.001):N0} rows/s."));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Words each report of the generator (every 100,000 deals, then each phase after the rows as it starts and ends, on
    /// the command's own thread, in order) as a step of the progress display.
    /// </summary>
    private sealed class Progress(IProgress<ProgressStep> display, int total) : IProgress<SyntheticDataProgress>
    {
        public void Report(SyntheticDataProgress value)
        {
            if (value.Phase is { } phase)
            {
                // Each phase after the rows: a row of its own under the bar, or a line as it starts and one with its time.
                display.Report(value.PhaseTime is { } time
                    ? new ProgressStep(total, string.Create(Invariant, $"{phase}: {time.TotalSeconds:0.0} s")) { StageEnded = true }
                    : new ProgressStep(total, phase + "…") { Stage = phase });
                return;
            }

            var seconds = Math.Max(value.Elapsed.TotalSeconds, 0.001);
            display.Report(new ProgressStep(value.Deals, string.Create(Invariant,
                $"{value.Deals:N0} of {total:N0} deals, {value.Rows:N0} rows, {seconds:0.0} s, {value.Rows / seconds:N0} rows/s")));
        }
    }
}
