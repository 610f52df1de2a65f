using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Import;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Cli.Features.Import;

/// <summary>
/// <c>import FILE [--dry-run]</c>: imports a deal book or a deals CSV (told apart by content) as the Import page does,
/// through the editors' commands in one transaction, audited as one batch. Prints what was (or, with --dry-run, would
/// be) created, updated and left alone, and every problem at its line; a file with a problem writes nothing and exits 1.
/// </summary>
internal static class ImportCommand
{
    /// <summary>The user the audit names for a command-line import: the operator's account on this machine.</summary>
    public static string User => "cli:" + Environment.UserName;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The deal book (.json) or deals CSV to import." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and print what would change, writing nothing." };
        var command = new Command("import", "Import a deal book or a deals CSV: all of it or nothing, as one audited batch.") { file, dryRun };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, parseResult.GetValue(file)!, parseResult.GetValue(dryRun), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, FileInfo file, bool dryRun, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        if (!file.Exists)
        {
            throw new CliFailure($"There is no file at {file.FullName}.");
        }

        await using var database = CliDatabase.Open(parseResult);
        await database.MigrateAsync(cancellationToken);
        var importer = database.Services.GetRequiredService<Importer>();
        if (file.Length > importer.Options.MaxBytes)
        {
            throw new CliFailure(string.Create(CultureInfo.InvariantCulture,
                $"{file.Name} is {file.Length / 1024d / 1024d:0.#} MB; an import takes at most {importer.Options.MaxBytes / 1024d / 1024d:0.#} MB. Split it into smaller files."));
        }

        // Read as a stream from the file, never whole into memory: a deal book of 100,000 deals is 82 MB.
        var content = ImportFile.AtPath(file.FullName);
        var actor = Actor.Create(User, Roles.Analyst);
        var clock = Stopwatch.StartNew();
        var report = await ProgressDisplay.RunAsync(output, dryRun ? $"Checking {file.Name}" : $"Importing {file.Name}", 100, display =>
        {
            var progress = new PercentProgress(display);
            return dryRun
                ? importer.PreviewAsync(actor, file.Name, content, progress, cancellationToken)
                : importer.CommitAsync(actor, file.Name, content, progress, cancellationToken);
        });
        var c = report.Counts;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{file.Name} ({(report.Format == ImportFormat.Csv ? "deals CSV" : report.Format is null ? "unreadable" : "deal book")}): {c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged, {c.Failed} with errors ({clock.Elapsed.TotalSeconds:0.0} s)."));
        foreach (var problem in report.Problems)
        {
            await output.WriteLineAsync("  " + problem);
        }

        if (!report.IsValid)
        {
            throw new CliFailure(report.StoppedAtMaxErrors
                ? $"Nothing imported: the check stopped after {report.Problems.Count} problems (there may be more)."
                : $"Nothing imported: {report.Problems.Count} problem{(report.Problems.Count == 1 ? string.Empty : "s")} to fix first.");
        }

        if (!dryRun && !report.ChangesNothing)
        {
            await database.AnnounceChangeAsync(cancellationToken);
        }

        await output.WriteLineAsync(dryRun ? "Dry run: nothing was written."
            : report.ChangesNothing ? "Nothing to change: the database holds all of it already."
            : $"Imported into {database.DataSource} as the batch \"{report.Batch}\".");
        return ExitCodes.Ok;
    }

    /// <summary>The import's entries done as a percent for the bar, and a line only every tenth (a file or a pipe gets 11 lines, not 200).</summary>
    private sealed class PercentProgress(IProgress<ProgressStep> display) : IProgress<ImportProgress>
    {
        private int _lastTenth = -1;

        public void Report(ImportProgress value)
        {
            var tenth = value.Percent / 10;
            var line = tenth != _lastTenth ? string.Create(CultureInfo.InvariantCulture, $"{value.Percent}% ({value.Done:N0} of {value.Total:N0} entries)") : null;
            _lastTenth = tenth;
            display.Report(new ProgressStep(value.Percent, line));
        }
    }
}
