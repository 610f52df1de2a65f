using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Cli.Tests;

/// <summary><c>aideals generate</c>: what it writes, what it refuses, and the exit codes a script reads.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Generate_PathThatDoesNotExist_CreatesAndMigratesTheDatabaseThenFillsIt()
    {
        var path = Path.Combine(_folder.Path, "new", "deals.db");

        var run = await CliRun.RunAsync("generate", "--deals", "500", "--seed", "3", "--database", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("created and migrated", run.Output, StringComparison.Ordinal);
        Assert.Contains("Generated 500 deals, 25 organizations", run.Output, StringComparison.Ordinal);
        Assert.Equal(500, TempFolder.Scalar(path, "SELECT COUNT(*) FROM Deals"));
        await using var db = new AiDealsDbContext(new DbContextOptionsBuilder<AiDealsDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal("wal", (await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(TestContext.Current.CancellationToken)).Single());
    }

    [Fact]
    public async Task Generate_AfterTheRows_SaysEachPhaseAsItStartsAndHowLongItTook()
    {
        var path = Path.Combine(_folder.Path, "phases.db");

        var run = await CliRun.RunAsync("generate", "--deals", "300", "--database", path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string[] phases = ["Building the indexes", "Counting the dashboard's aggregates", "Counting the wider deals' rests", "Building the search index"];
        var ends = phases.Select(phase =>
        {
            var start = Array.IndexOf(lines, phase + "…");
            var end = Array.FindIndex(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, $"^{phase}: \\d+\\.\\d s$"));
            Assert.True(start >= 0 && end == start + 1, $"{phase}: no start line or no end line with its seconds right after it in\n{run.Output}");
            return end;
        }).ToList();
        Assert.Equal(ends.Order(), ends);
        Assert.True(ends[^1] < Array.FindIndex(lines, line => line.StartsWith("Generated 300 deals", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Generate_DatabaseThatHoldsDeals_IsRefusedWithExitCode1AndOneLineWhy()
    {
        var path = Path.Combine(_folder.Path, "deals.db");
        Assert.Equal(0, (await CliRun.RunAsync("generate", "--deals", "200", "--database", path)).ExitCode);

        var run = await CliRun.RunAsync("generate", "--deals", "200", "--database", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{path} already holds 200 deals: generate fills an empty database (add --append to add to them).", run.Error.TrimEnd());
        Assert.Equal(200, TempFolder.Scalar(path, "SELECT COUNT(*) FROM Deals"));
    }

    [Fact]
    public async Task Generate_Append_AddsNewDealsAndOrganizationsAfterTheExistingOnes()
    {
        var path = Path.Combine(_folder.Path, "deals.db");
        Assert.Equal(0, (await CliRun.RunAsync("generate", "--deals", "200", "--database", path)).ExitCode);

        var run = await CliRun.RunAsync("generate", "--deals", "300", "--append", "--database", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(500, TempFolder.Scalar(path, "SELECT COUNT(*) FROM Deals"));
        Assert.Equal(25, TempFolder.Scalar(path, "SELECT COUNT(*) FROM Organizations"));
        Assert.Equal(2, TempFolder.Scalar(path, "SELECT COUNT(*) FROM AuditEntries WHERE User = 'synthetic'"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("generate")]
    [InlineData("generate --deals")]
    [InlineData("generate --deals many")]
    [InlineData("generate --deals 0")]
    [InlineData("generate --deals 10 --organizations 1")]
    [InlineData("generate --deals 10 --seed")]
    [InlineData("generate --deals 10 --colour blue")]
    [InlineData("frobnicate")]
    public async Task Run_BadCommandLine_ExitsWith2AndSaysWhatIsWrongWithoutTouchingTheDatabase(string arguments)
    {
        var path = Path.Combine(_folder.Path, "untouched.db");
        var args = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--database").Append(path).ToArray();

        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("aideals --help", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 2, run.Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Run_Help_ListsTheGenerateCommandAndExitsWith0()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("generate", run.Output, StringComparison.Ordinal);
        Assert.Contains("--database", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
