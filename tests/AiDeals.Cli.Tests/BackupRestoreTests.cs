using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AiDeals.Cli.Tests;

/// <summary>
/// <c>aideals backup</c> and <c>aideals restore</c>: a backup restored into a new file holds exactly the rows of the
/// database, table by table and row by row; each refuses what would lose data, with its exit code.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task BackupThenRestoreIntoANewFile_GivesTheSameRowsInEveryTable()
    {
        var database = await GeneratedAsync("source.db", deals: 2_000);
        var backup = Path.Combine(_folder.Path, "backups", "monday.db");
        var restored = Path.Combine(_folder.Path, "restored.db");

        var backupRun = await CliRun.RunAsync("backup", backup, "--database", database);
        var restoreRun = await CliRun.RunAsync("restore", backup, "--database", restored);

        Assert.Equal((0, string.Empty), (backupRun.ExitCode, backupRun.Error));
        Assert.Contains("2,000 deals", backupRun.Output, StringComparison.Ordinal);
        Assert.Contains("integrity check ok", backupRun.Output, StringComparison.Ordinal);
        Assert.Equal((0, string.Empty), (restoreRun.ExitCode, restoreRun.Error));
        var tables = Tables(database);
        Assert.Contains("Deals", tables);
        Assert.Contains("AuditEntries", tables);
        Assert.Equal(tables, Tables(restored));
        foreach (var table in tables)
        {
            var expected = Rows(database, table);
            Assert.Equal(expected, Rows(restored, table));
        }

        Assert.Equal(2_000, TempFolder.Scalar(restored, "SELECT COUNT(*) FROM Deals"));
    }

    [Fact]
    public async Task Backup_ToAFileThatExists_ExitsWith1AndLeavesTheFile()
    {
        var database = await GeneratedAsync("source.db", deals: 100);
        var backup = Path.Combine(_folder.Path, "taken.db");
        await File.WriteAllTextAsync(backup, "keep me", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("backup", backup, "--database", database);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{backup} exists: backup writes a new file and never overwrites one.", run.Error.TrimEnd());
        Assert.Equal("keep me", await File.ReadAllTextAsync(backup, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Backup_OfNoDatabase_ExitsWith3AndCreatesNothing()
    {
        var missing = Path.Combine(_folder.Path, "missing.db");
        var backup = Path.Combine(_folder.Path, "backup.db");

        var run = await CliRun.RunAsync("backup", backup, "--database", missing);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith($"There is no database at {missing}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(File.Exists(backup));
    }

    [Fact]
    public async Task Restore_DamagedBackup_ExitsWith1BeforeTouchingTheDatabase()
    {
        var database = await GeneratedAsync("live.db", deals: 100);
        var backup = Path.Combine(_folder.Path, "backup.db");
        Assert.Equal(0, (await CliRun.RunAsync("backup", backup, "--database", await GeneratedAsync("other.db", deals: 300))).ExitCode);
        var bytes = await File.ReadAllBytesAsync(backup, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(backup, bytes[..(bytes.Length / 2)], TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("restore", backup, "--replace", "--database", database);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("fails SQLite's integrity check", run.Error, StringComparison.Ordinal);
        Assert.Equal(100, TempFolder.Scalar(database, "SELECT COUNT(*) FROM Deals"));
    }

    [Fact]
    public async Task Restore_FileOfAnotherProgram_ExitsWith1()
    {
        var other = Path.Combine(_folder.Path, "invoices.db");
        TempFolder.Execute(other, "CREATE TABLE Invoices (Id INTEGER PRIMARY KEY);");

        var run = await CliRun.RunAsync("restore", other, "--database", Path.Combine(_folder.Path, "target.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{other} is not an AiDeals backup: nothing was restored.", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Restore_OverADatabaseWithData_NeedsReplace_ThenReplacesIt()
    {
        var database = await GeneratedAsync("live.db", deals: 100);
        var backup = Path.Combine(_folder.Path, "backup.db");
        Assert.Equal(0, (await CliRun.RunAsync("backup", backup, "--database", await GeneratedAsync("other.db", deals: 300))).ExitCode);

        var refused = await CliRun.RunAsync("restore", backup, "--database", database);
        var replaced = await CliRun.RunAsync("restore", backup, "--replace", "--database", database);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("holds data (100 deals,", refused.Error, StringComparison.Ordinal);
        Assert.Contains("add --replace", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, replaced.ExitCode);
        Assert.Equal(300, TempFolder.Scalar(database, "SELECT COUNT(*) FROM Deals"));
    }

    [Fact]
    public async Task Restore_WhileAnotherProcessIsWriting_WaitsThenExitsWith3AndChangesNothing()
    {
        var database = await GeneratedAsync("live.db", deals: 100);
        var backup = Path.Combine(_folder.Path, "backup.db");
        Assert.Equal(0, (await CliRun.RunAsync("backup", backup, "--database", await GeneratedAsync("other.db", deals: 300))).ExitCode);

        // A save in progress: the write lock held, as the app holds it between BEGIN and COMMIT.
        await using (var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            await writer.OpenAsync(TestContext.Current.CancellationToken);
            await using var transaction = writer.BeginTransaction(deferred: false);
            await using (var update = writer.CreateCommand())
            {
                update.CommandText = "UPDATE Deals SET Title = Title || ' (edited)' WHERE Id = 1;";
                await update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            var run = await CliRun.RunAsync("restore", backup, "--replace", "--wait", "1", "--database", database);

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("is busy", run.Error, StringComparison.Ordinal);
            Assert.Contains("nothing was restored", run.Error, StringComparison.Ordinal);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(100, TempFolder.Scalar(database, "SELECT COUNT(*) FROM Deals"));
        Assert.Equal(1, TempFolder.Scalar(database, "SELECT COUNT(*) FROM Deals WHERE Title LIKE '% (edited)'"));
    }

    public void Dispose() => _folder.Dispose();

    private async Task<string> GeneratedAsync(string name, int deals)
    {
        var path = Path.Combine(_folder.Path, name);
        var run = await CliRun.RunAsync("generate", "--deals", deals.ToString(CultureInfo.InvariantCulture), "--database", path);
        Assert.Equal(0, run.ExitCode);
        return path;
    }

    private static List<string> Tables(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Every row of a table as one line of its values, sorted (a copy may number the rows of a table without an integer key anew).</summary>
    private static List<string> Rows(string path, string table)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\";";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            rows.Add(string.Join('\u001f', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
