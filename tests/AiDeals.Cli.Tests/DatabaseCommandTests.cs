namespace AiDeals.Cli.Tests;

/// <summary><c>aideals migrate</c> and <c>aideals seed</c>: a database made ready without starting the app, and what each refuses.</summary>
public sealed class DatabaseCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Migrate_NewPath_CreatesTheDatabaseWithEveryMigrationAndNoData_ThenSaysUpToDate()
    {
        var path = Path.Combine(_folder.Path, "new", "deals.db");

        var first = await CliRun.RunAsync("migrate", "--database", path);
        var second = await CliRun.RunAsync("migrate", "--database", path);

        Assert.Equal((0, string.Empty), (first.ExitCode, first.Error));
        Assert.Contains($"Database {path} created; applied ", first.Output, StringComparison.Ordinal);
        Assert.Equal(TempFolder.Scalar(path, "SELECT COUNT(*) FROM __EFMigrationsHistory"), first.Output.Split(',').Length);
        Assert.Equal(0, TempFolder.Scalar(path, "SELECT COUNT(*) FROM Deals"));
        Assert.Equal((0, $"Database {path} is up to date: no migration to apply."), (second.ExitCode, second.Output.TrimEnd()));
    }

    [Fact]
    public async Task Migrate_FileThatIsNoDatabase_ExitsWith3AndLeavesItAsItWas()
    {
        var path = Path.Combine(_folder.Path, "notes.db");
        Directory.CreateDirectory(_folder.Path);
        await File.WriteAllTextAsync(path, "these are my notes, not a database", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("migrate", "--database", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("file is not a database", run.Error, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrate_DatabaseOfAnotherProgram_ExitsWith3AndAddsNoTable()
    {
        var path = Path.Combine(_folder.Path, "other.db");
        TempFolder.Execute(path, "CREATE TABLE Invoices (Id INTEGER PRIMARY KEY, Total REAL);");

        var run = await CliRun.RunAsync("migrate", "--database", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"{path} is a SQLite database of something else (it has no AiDeals tables): it was left untouched.", run.Error.TrimEnd());
        Assert.Equal(1, TempFolder.Scalar(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public async Task Migrate_DatabaseOfANewerVersion_ExitsWith3AndNamesTheUnknownMigration()
    {
        var path = Path.Combine(_folder.Path, "newer.db");
        Assert.Equal(0, (await CliRun.RunAsync("migrate", "--database", path)).ExitCode);
        TempFolder.Execute(path, "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29990101000000_FromTheFuture', '99.0.0');");

        var run = await CliRun.RunAsync("migrate", "--database", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("migration 29990101000000_FromTheFuture is unknown to this one", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_NewDatabase_LoadsTheArticlesDealBook_AndASecondSeedIsRefusedWithExitCode1()
    {
        var path = Path.Combine(_folder.Path, "seeded.db");

        var first = await CliRun.RunAsync("seed", "--database", path);
        var second = await CliRun.RunAsync("seed", "--database", path);

        Assert.Equal((0, string.Empty), (first.ExitCode, first.Error));
        Assert.Contains("from dealbook.json: 7 organizations, 6 deals, 1 valuations, 5 market events.", first.Output, StringComparison.Ordinal);
        Assert.Equal(6, TempFolder.Scalar(path, "SELECT COUNT(*) FROM Deals"));
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already holds 6 deals", second.Error, StringComparison.Ordinal);
        Assert.Equal(6, TempFolder.Scalar(path, "SELECT COUNT(*) FROM Deals"));
    }

    [Fact]
    public async Task Seed_BookThatBreaksARule_ExitsWith1WithTheBooksPathAndWritesNothing()
    {
        var path = Path.Combine(_folder.Path, "seeded.db");
        var book = Path.Combine(_folder.Path, "bad.json");
        Directory.CreateDirectory(_folder.Path);
        await File.WriteAllTextAsync(book, """{ "organizations": [], "deals": [ { "title": "" } ] }""", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("seed", "--file", book, "--database", path);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"Deal book {book}, at $", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, TempFolder.Scalar(path, "SELECT COUNT(*) FROM Deals"));
        Assert.Equal(0, TempFolder.Scalar(path, "SELECT COUNT(*) FROM AuditEntries"));
    }

    public void Dispose() => _folder.Dispose();
}
