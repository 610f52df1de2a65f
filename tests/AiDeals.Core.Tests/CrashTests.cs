using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AiDeals.Core.Domain;
using AiDeals.Core.Tests.Support;
using AiDeals.SaveBurst;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests;

/// <summary>
/// The app's write path, in a process of its own, killed with SIGKILL in the middle of a burst of saves, 20 times over
/// one database file: after each kill the file is intact, every save the app reported saved is there with its audit
/// entry, and the app opens the file again.
/// </summary>
[SqliteOnly("The app's process owns SQLite's file: a kill must leave it intact (integrity_check, WAL recovery, EF's lock row); on PostgreSQL the server keeps what was committed whatever becomes of the app")]
public class CrashTests
{
    private const int Rounds = 20;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveBurst_KilledTwentyTimes_KeepsEveryReportedSaveWithItsAudit()
    {
        await using var database = TestDatabase.AtNewPath();

        // The same kills on every run, so that a failing round can be run again.
        var plan = new Random(8);
        var clock = Stopwatch.StartNew();
        var reported = new List<int>();
        var staleLocks = 0;
        for (var round = 1; round <= Rounds; round++)
        {
            var (savesBeforeKill, delayBeforeKill) = PlanKill(plan);
            var burst = await SaveBurstProcess.RunAndKillAsync(
                database.FilePath, SeedData.DealBookPath, round, savesBeforeKill, delayBeforeKill, Token);
            if (!OperatingSystem.IsWindows())
            {
                Assert.True(burst.ExitCode == SaveBurstProcess.KilledBySigkill,
                    $"Round {round}: the burst ended with exit code {burst.ExitCode}, not by SIGKILL: {burst.Errors}");
            }

            // Each check opens the file afresh, as the next start of the app would.
            SqliteConnection.ClearPool(new SqliteConnection(database.ConnectionString));
            staleLocks += await AssertIntactAsync(database) ? 1 : 0;
            await AssertEveryReportedSaveKeptAsync(database, round, burst.Saves);
            reported.Add(burst.Saves.Count);
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round,2}: killed at {burst.KilledAfter.TotalSeconds:F1} s (opening at {burst.OpeningAfter?.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) ?? "-"} s, ready at {burst.ReadyAfter?.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) ?? "-"} s) after {burst.Saves.Count} reported saves (planned {savesBeforeKill})"));
        }

        // The app opens the file again afterwards: migrations, the seed check, and its reads.
        await database.Initializer.InitializeAsync(SeedData.DealBookPath, Token);
        await using (var db = await database.CreateContextAsync())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Token));
            Assert.True(await db.Deals.CountAsync(d => d.Title.StartsWith("Burst round "), Token) > 0, "No deal of the bursts was kept.");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Rounds} kills, {reported.Sum()} reported saves (per round: {string.Join(", ", reported)}), all kept; {staleLocks} kills left EF's migrations lock behind; {clock.Elapsed.TotalSeconds:F1} s"));
        Assert.Contains(reported, count => count >= 100);
    }

    /// <summary>
    /// How a round ends: killed while it opens the database (the migrations, their lock, the deal book's seeding), or once
    /// it has reported a few, some tens or a couple of hundred saves. A start costs the burst seconds of JIT, more than
    /// its saves: the counts stay small so that 20 rounds stay near a minute on two cores.
    /// </summary>
    private static (int Saves, TimeSpan Delay) PlanKill(Random plan) => plan.Next(5) switch
    {
        0 => (0, TimeSpan.FromMilliseconds(plan.Next(0, 1000))),
        1 => (plan.Next(1, 11), TimeSpan.Zero),
        2 or 3 => (plan.Next(10, 61), TimeSpan.Zero),
        _ => (plan.Next(100, 251), TimeSpan.Zero),
    };

    /// <summary>
    /// SQLite finds the file sound, every reference holds, and no save was kept in part. True when the kill left EF Core's
    /// migrations lock behind (it fell inside the start's migrating), which the next start must get past.
    /// </summary>
    private static async Task<bool> AssertIntactAsync(TestDatabase database)
    {
        if (!File.Exists(database.FilePath))
        {
            return false;
        }

        var plain = new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        await using var connection = new SqliteConnection(plain.ToString());
        await connection.OpenAsync(Token);
        Assert.Equal(["ok"], await ColumnAsync(connection, "PRAGMA integrity_check;"));
        Assert.Empty(await ColumnAsync(connection, "PRAGMA foreign_key_check;"));
        if ((await ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE name = 'DealParticipants';")).Count > 0)
        {
            // A new deal and its participant are one save: never the one without the other.
            Assert.Empty(await ColumnAsync(connection, """
                SELECT d.Title FROM Deals d
                WHERE d.Title LIKE 'Burst round %' AND (SELECT COUNT(*) FROM DealParticipants p WHERE p.DealId = d.Id) <> 1;
                """));
        }

        return (await ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE name = '__EFMigrationsLock';")).Count > 0
            && (await ColumnAsync(connection, "SELECT Id FROM __EFMigrationsLock;")).Count > 0;
    }

    /// <summary>
    /// Each reported save: its row, at its version or a later one (then with its value), and its audit entry under the
    /// round's analyst with its value; and no more saves of the round than reported, but for the one the kill may have
    /// caught between its commit and its line.
    /// </summary>
    private static async Task AssertEveryReportedSaveKeptAsync(TestDatabase database, int round, IReadOnlyList<BurstLine> saves)
    {
        if (saves.Count == 0 && !File.Exists(database.FilePath))
        {
            return;
        }

        await using var db = await database.CreateContextAsync();
        var user = BurstLine.UserOf(round);
        var audits = await TableExistsAsync(db, "AuditEntries")
            ? await db.AuditEntries.AsNoTracking()
                .Where(a => a.User == user && (a.EntityType == nameof(Deal) || a.EntityType == nameof(Valuation)))
                .ToListAsync(Token)
            : [];
        var audited = audits.Select(a => (a.EntityType, a.EntityId, NewValue(a))).ToHashSet();
        var rows = saves.Count == 0 ? [] : await StoredAsync(db, saves);
        foreach (var save in saves)
        {
            Assert.True(rows.TryGetValue((save.Kind, save.Id), out var row), $"Round {round}: reported saved, yet not stored ({save}).");
            Assert.True(row.Version >= save.Version, $"Round {round}: stored at version {row.Version}, below the reported save ({save}).");
            if (row.Version == save.Version)
            {
                Assert.Equal(save.Value, row.Value);
            }

            Assert.True(audited.Contains((save.Kind, save.Id.ToString(CultureInfo.InvariantCulture), save.Value)),
                $"Round {round}: no audit entry by {user} for the reported save ({save}).");
        }

        Assert.InRange(audits.Count, saves.Count, saves.Count + 1);
    }

    /// <summary>The version and the written value of each row the saves name, by kind and id.</summary>
    private static async Task<Dictionary<(string Kind, int Id), (int Version, string? Value)>> StoredAsync(DbContext db, IReadOnlyList<BurstLine> saves)
    {
        var dealIds = saves.Where(s => s.Kind == nameof(Deal)).Select(s => s.Id).ToList();
        var deals = await db.Set<Deal>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => dealIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Version, d.Notes })
            .ToListAsync(Token);
        var valuationIds = saves.Where(s => s.Kind == nameof(Valuation)).Select(s => s.Id).ToList();
        var valuations = await db.Set<Valuation>().IgnoreQueryFilters().AsNoTracking()
            .Where(v => valuationIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Version, v.Amount })
            .ToListAsync(Token);
        return deals.Select(d => ((nameof(Deal), d.Id), (d.Version, d.Notes)))
            .Concat(valuations.Select(v => ((nameof(Valuation), v.Id), (v.Version, (string?)v.Amount.ToString(CultureInfo.InvariantCulture)))))
            .ToDictionary(r => r.Item1, r => r.Item2);
    }

    /// <summary>The new value an audit entry gives the field the burst writes: a deal's notes or a valuation's amount.</summary>
    private static string? NewValue(AuditEntry entry)
    {
        using var json = JsonDocument.Parse(entry.Changes);
        var field = entry.EntityType == nameof(Deal) ? nameof(Deal.Notes) : nameof(Valuation.Amount);
        if (!json.RootElement.TryGetProperty(field, out var change))
        {
            return null;
        }

        var value = change.GetProperty("new");
        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    private static async Task<bool> TableExistsAsync(DbContext db, string table) =>
        await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}", table)
            .SingleAsync(Token) > 0;

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Token);
        var values = new List<string>();
        while (await reader.ReadAsync(Token))
        {
            values.Add(reader.GetValue(0).ToString() ?? string.Empty);
        }

        return values;
    }
}
