using AiDeals.Core.Data;
using AiDeals.Core.Data.LiveUpdates;
using AiDeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AiDeals.Cli.Tests;

/// <summary>
/// The command line on a team's PostgreSQL database (<c>--provider PostgreSql --connection …</c>, the options of the app's
/// <c>Database:Provider</c> and <c>ConnectionStrings:AiDeals</c>), on the tests' server (<see cref="PostgresServer"/>):
/// each test on a database of its own, dropped afterwards.
/// </summary>
public sealed class PostgreSqlCommandTests : IAsyncDisposable
{
    private readonly string _name = PostgresServer.NewName("aideals_cli");

    private string Connection => PostgresServer.Database(_name);

    [Fact]
    public async Task Migrate_DatabaseThatDoesNotExist_CreatesItAndAppliesEveryMigrationThenHasNothingToApply()
    {
        var run = await CliRun.RunAsync("migrate", "--provider", "PostgreSql", "--connection", Connection);
        var again = await CliRun.RunAsync("migrate", "--provider", "PostgreSql", "--connection", Connection);

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.StartsWith($"Database PostgreSQL database {_name} on ", run.Output, StringComparison.Ordinal);
        Assert.Contains(" created; applied ", run.Output, StringComparison.Ordinal);
        await using var db = Context();
        var migrations = db.Database.GetMigrations().ToList();
        Assert.Contains(migrations, m => m.EndsWith("_InitialPostgreSql", StringComparison.Ordinal));
        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, again.ExitCode);
        Assert.EndsWith("is up to date: no migration to apply.", again.Output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_OnPostgreSql_FillsTheDatabaseAsOnSqliteAndTellsTheRunningInstances()
    {
        var token = TestContext.Current.CancellationToken;
        Assert.Equal(0, (await CliRun.RunAsync("migrate", "--provider", "PostgreSql", "--connection", Connection)).ExitCode);
        // An app instance's relay listens on this channel; the command line runs none, so it sends one message itself.
        await using var listener = new NpgsqlConnection(Connection);
        await listener.OpenAsync(token);
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresChangeRelay.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync(token);
        }

        var run = await CliRun.RunAsync("generate", "--deals", "500", "--seed", "3", "--provider", "PostgreSql", "--connection", Connection);

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.Contains("Generated 500 deals, 25 organizations", run.Output, StringComparison.Ordinal);
        await using var db = Context();
        Assert.Equal(500, await db.Deals.CountAsync(token));
        Assert.Equal(25, await db.Organizations.CountAsync(token));
        // The sequences were moved past the ids the run gave: a save after it takes the next id.
        db.Sources.Add(new Core.Domain.Source { Title = "After the run", Url = "https://example.com/after" });
        await db.SaveChangesAsync(token);
        Assert.Equal(await db.Sources.MaxAsync(s => s.Id, token), await db.Sources.Where(s => s.Title == "After the run").Select(s => s.Id).SingleAsync(token));
        // The NOTIFY was sent before the command returned; the listener reads it off its socket.
        await listener.WaitAsync(TimeSpan.FromSeconds(30), token);
        Assert.Contains(heard, payload => payload.Contains("\"types\":null", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("backup", "pg_dump")]
    [InlineData("restore", "pg_restore")]
    public async Task BackupOrRestore_OnPostgreSql_IsRefusedNamingPostgreSqlsOwnTool(string command, string tool)
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "backup.db");

        var run = await CliRun.RunAsync(command, file, "--provider", "PostgreSql", "--connection", Connection);

        Assert.Equal(ExitCodes.Database, run.ExitCode);
        Assert.Contains(tool, run.Error, StringComparison.Ordinal);
        Assert.Contains($"PostgreSQL database {_name}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    public async ValueTask DisposeAsync() => await PostgresServer.DropDatabaseAsync(_name);

    private AiDealsDbContext Context() => new(new DbContextOptionsBuilder<AiDealsDbContext>()
        .UseNpgsql(Connection, npgsql => npgsql.MigrationsAssembly(DatabaseSettings.PostgreSqlMigrationsAssembly)).Options);
}
