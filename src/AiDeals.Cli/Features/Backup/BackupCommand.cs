using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AiDeals.Cli.Features.Database;

namespace AiDeals.Cli.Features.Backup;

/// <summary>
/// <c>backup FILE</c>: a consistent copy of the database while the app runs. SQLite's <c>VACUUM INTO</c> reads one
/// snapshot (in WAL mode the app keeps reading and saving meanwhile) and writes it compacted into a new file; copying the
/// live file could catch it halfway through a save, and would miss what is still in its write-ahead log. The copy is then
/// checked with <c>integrity_check</c> and its rows counted.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The new file to write the backup to (never overwritten)." };
        var command = new Command("backup", "Write a consistent copy of the database to a new file, while the app runs.") { file };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, parseResult.GetRequiredValue(file), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, FileInfo file, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        await using var database = CliDatabase.Open(parseResult);
        database.RequireFile("backup", "pg_dump (pg_dump -Fc <database> > aideals.dump)");
        database.RequireExisting();
        if (DatabaseFile.AppliedMigrations(database.DataSource) is null or [])
        {
            throw CliFailure.Database($"{database.DataSource} is not an AiDeals database: nothing was backed up.");
        }

        if (file.Exists)
        {
            throw new CliFailure($"{file.FullName} exists: backup writes a new file and never overwrites one.");
        }

        if (string.Equals(Path.GetFullPath(file.FullName), Path.GetFullPath(database.DataSource), StringComparison.Ordinal))
        {
            throw new CliFailure("The backup cannot be the database itself.");
        }

        file.Directory?.Create();
        var clock = Stopwatch.StartNew();
        await using (var connection = DatabaseFile.Open(database.DataSource))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $file;";
            command.Parameters.AddWithValue("$file", file.FullName);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (DatabaseFile.IntegrityProblem(file.FullName) is { } problem)
        {
            File.Delete(file.FullName);
            throw CliFailure.Database($"The backup failed SQLite's integrity check ({problem}) and was removed.");
        }

        var counts = DatabaseFile.Counts(file.FullName);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Backed up {database.DataSource} to {file.FullName} ({DatabaseFile.Size(file.FullName)}, {clock.Elapsed.TotalSeconds:0.0} s): {DatabaseFile.Describe(counts)}; integrity check ok."));
        return ExitCodes.Ok;
    }
}
