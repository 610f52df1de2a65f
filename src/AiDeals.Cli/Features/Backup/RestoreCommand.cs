using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AiDeals.Cli.Features.Database;
using Microsoft.Data.Sqlite;

namespace AiDeals.Cli.Features.Backup;

/// <summary>
/// <c>restore FILE [--replace] [--wait S]</c>: puts a backup in place of the database. The backup is checked first
/// (SQLite's integrity check, an AiDeals database this version can read); then SQLite's backup API copies it page by page
/// in one write transaction of the database, so a reader sees the old database or the new one, never half of each, and a
/// save of the app in progress makes the restore wait, then give up, rather than interleave. Last, the restored database
/// is migrated to this version's schema.
/// </summary>
internal static class RestoreCommand
{
    // SQLITE_BUSY and SQLITE_LOCKED: another connection holds the lock the copy needs.
    private const int Busy = 5;
    private const int Locked = 6;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The backup to restore (made by 'aideals backup')." };
        var replace = new Option<bool>("--replace") { Description = "Overwrite a database that holds data (make a backup of it first)." };
        var wait = new Option<int>("--wait")
        {
            Description = "Seconds to wait for a save in progress (the app's) before giving up.",
            DefaultValueFactory = _ => 5,
            HelpName = "seconds",
        };
        var command = new Command("restore", "Replace the database with a backup, after checking the backup.") { file, replace, wait };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult, parseResult.GetRequiredValue(file), parseResult.GetValue(replace), TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(wait))), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, FileInfo file, bool replace, TimeSpan wait, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        await using var database = CliDatabase.Open(parseResult);
        database.RequireFile("restore", "pg_restore (pg_restore -d <database> --clean aideals.dump)");
        CheckBackup(file);
        if (database.Existed)
        {
            CheckTarget(database.DataSource, replace);
        }

        var clock = Stopwatch.StartNew();
        await CopyAsync(file.FullName, database.DataSource, wait, cancellationToken);
        var migrated = await database.MigrateAsync(cancellationToken);
        if (DatabaseFile.IntegrityProblem(database.DataSource) is { } problem)
        {
            throw CliFailure.Database($"The restored database fails SQLite's integrity check: {problem}.");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Restored {file.FullName} into {database.DataSource} ({clock.Elapsed.TotalSeconds:0.0} s): {DatabaseFile.Describe(DatabaseFile.Counts(database.DataSource))}; integrity check ok."));
        if (migrated.Count > 0)
        {
            await output.WriteLineAsync($"The backup was made by an older version: applied {migrated.Count} migration(s) to bring it to this one.");
        }

        return ExitCodes.Ok;
    }

    private static void CheckBackup(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliFailure($"There is no backup at {file.FullName}.");
        }

        if (DatabaseFile.IntegrityProblem(file.FullName) is { } problem)
        {
            throw new CliFailure($"{file.FullName} fails SQLite's integrity check ({problem}): nothing was restored.");
        }

        if (DatabaseFile.AppliedMigrations(file.FullName) is null or [])
        {
            throw new CliFailure($"{file.FullName} is not an AiDeals backup: nothing was restored.");
        }
    }

    private static void CheckTarget(string path, bool replace)
    {
        if (DatabaseFile.AppliedMigrations(path) is not { } applied)
        {
            throw CliFailure.Database($"{path} is a SQLite database of something else: it was left untouched.");
        }

        var rows = applied.Count == 0 ? 0 : DatabaseFile.Counts(path).Values.Sum();
        if (rows > 0 && !replace)
        {
            throw new CliFailure(string.Create(CultureInfo.InvariantCulture,
                $"{path} holds data ({DatabaseFile.Describe(DatabaseFile.Counts(path))}): add --replace to overwrite it (back it up first with 'aideals backup')."));
        }
    }

    private static async Task CopyAsync(string backup, string target, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        using var source = DatabaseFile.Open(backup);
        using var destination = DatabaseFile.Open(target, SqliteOpenMode.ReadWriteCreate);
        while (true)
        {
            try
            {
                source.BackupDatabase(destination);
                return;
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode is Busy or Locked)
            {
                if (deadline.Elapsed >= wait)
                {
                    throw CliFailure.Database(string.Create(CultureInfo.InvariantCulture,
                        $"{target} is busy: another process (the app, saving) held it for {wait.TotalSeconds:0} s; nothing was restored. Try again, or stop the app first."));
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }
}
