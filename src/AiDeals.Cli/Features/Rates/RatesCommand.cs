using System.CommandLine;
using System.Globalization;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Rates;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Cli.Features.Rates;

/// <summary>
/// <c>rates import FILE [--dry-run]</c>: imports the ECB's reference rates CSV as the rates page does (admin commands,
/// crossed to dollars, the deals they touch converted again, one audited batch). Prints what was (or would be) added
/// and changed, and every problem at its line; a file with a problem writes nothing and exits 1.
/// </summary>
internal static class RatesCommand
{
    /// <summary>The most a rates file may weigh: the ECB's whole history since 1999 is ~2 MB.</summary>
    private const long MaxBytes = 16 * 1024 * 1024;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The ECB reference rates CSV (eurofxref-hist.csv: Date,USD,JPY,...)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and print what would change, writing nothing." };
        var import = new Command("import", "Import exchange rates from the ECB's CSV; deals in those currencies are converted again.") { file, dryRun };
        import.SetAction((parseResult, cancellationToken) => ImportAsync(parseResult, parseResult.GetValue(file)!, parseResult.GetValue(dryRun), cancellationToken));
        return new Command("rates", "Exchange rates: what deals in other currencies are converted to dollars at.") { import };
    }

    private static async Task<int> ImportAsync(ParseResult parseResult, FileInfo file, bool dryRun, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        if (!file.Exists)
        {
            throw new CliFailure($"There is no file at {file.FullName}.");
        }

        if (file.Length > MaxBytes)
        {
            throw new CliFailure(string.Create(CultureInfo.InvariantCulture, $"{file.Name} is {file.Length / 1024d / 1024d:0.#} MB; a rates file takes at most {MaxBytes / 1024 / 1024} MB."));
        }

        await using var database = CliDatabase.Open(parseResult);
        await database.MigrateAsync(cancellationToken);
        var changes = database.Services.GetRequiredService<RateChanges>();

        // The operator at the machine acts as an admin: rates are an admin's to change, and whoever runs this owns the file.
        var actor = Actor.Create(Import.ImportCommand.User, Roles.Admin);
        var report = await changes.ImportAsync(actor, file.Name, await File.ReadAllTextAsync(file.FullName, cancellationToken), commit: !dryRun, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{file.Name}: {report.Added} rates added, {report.Changed} changed, {report.Unchanged} unchanged; {report.DealsConverted} deals converted again."));
        foreach (var problem in report.Problems)
        {
            await output.WriteLineAsync(problem.Line > 0 ? $"  line {problem.Line}: {problem.Message}" : "  " + problem.Message);
        }

        if (report.Problems.Count > 0)
        {
            throw new CliFailure($"Nothing imported: {report.Problems.Count} problem{(report.Problems.Count == 1 ? string.Empty : "s")} to fix first.");
        }

        if (!dryRun)
        {
            await database.AnnounceChangeAsync(cancellationToken);
        }

        await output.WriteLineAsync(dryRun ? "Dry run: nothing was written." : $"Imported into {database.DataSource} as the batch \"{report.Batch}\".");
        return ExitCodes.Ok;
    }
}
