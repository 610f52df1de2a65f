using System.Text.Json;
using System.Text.Json.Serialization;
using AiDeals.Core.Data;
using AiDeals.Core.Data.Configurations;
using AiDeals.Core.Data.Seeding;
using AiDeals.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Core.Tests.Generation;

/// <summary>
/// The same seed writes the same rows on SQLite (prepared inserts) and on PostgreSQL (binary COPY), and the load leaves
/// the same kept data behind (aggregates, wider deals' rests, the list's sort keys). Both databases are made here,
/// whichever engine the run selected: a fresh SQLite file and a fresh database on the tests' PostgreSQL server.
/// </summary>
public sealed class SyntheticDataBothEnginesTests
{
    private static readonly JsonSerializerOptions Json = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    [Fact]
    public async Task GenerateAsync_SameSeedOnSqliteAndOnPostgreSql_WritesTheSameRowsAndKeepsTheSameTotals()
    {
        var file = Path.Combine(Path.GetTempPath(), "aideals-core-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var name = PostgresServer.NewName("aideals_engines");
        await PostgresServer.CreateDatabaseAsync(name);
        try
        {
            var sqlite = await GenerateAsync(new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()));
            var postgreSql = await GenerateAsync(new DatabaseSettings(DatabaseProvider.PostgreSql, PostgresServer.Database(name)));

            Assert.Equal(sqlite.Keys, postgreSql.Keys);
            foreach (var (table, rows) in sqlite)
            {
                Assert.True(rows.Length > 2, $"{table} is empty");
                Assert.True(rows == postgreSql[table], $"{table} differs between the engines");
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(name);
            File.Delete(file);
        }
    }

    /// <summary>A migrated database of the engine, 1,000 generated deals (seed 5), and every table the run wrote or recomputed, as JSON.</summary>
    private static async Task<Dictionary<string, string>> GenerateAsync(DatabaseSettings settings)
    {
        var token = TestContext.Current.CancellationToken;
        await using var services = new ServiceCollection().AddLogging().AddAiDealsCore(settings).BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>();
        await using (var migrate = await contexts.CreateDbContextAsync(token))
        {
            await migrate.Database.MigrateAsync(token);
        }

        await new SyntheticDataGenerator(contexts).GenerateAsync(new SyntheticDataOptions(1_000, 50, Seed: 5), progress: null, token);
        await using var db = await contexts.CreateDbContextAsync(token);
        var tables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Organizations"] = Serialize(await db.Organizations.IgnoreQueryFilters().AsNoTracking().OrderBy(o => o.Id).ToListAsync(token)),
            ["OrganizationAliases"] = Serialize(await db.OrganizationAliases.AsNoTracking().OrderBy(a => a.Id).ToListAsync(token)),
            ["Sources"] = Serialize(await db.Sources.IgnoreQueryFilters().AsNoTracking().OrderBy(s => s.Id).ToListAsync(token)),
            ["Deals"] = Serialize(await db.Deals.IgnoreQueryFilters().AsNoTracking().OrderBy(d => d.Id).ToListAsync(token)),
            ["DealListKeys"] = Serialize(await db.Deals.IgnoreQueryFilters().AsNoTracking().OrderBy(d => d.Id)
                .Select(d => EF.Property<string>(d, DealListKeys.Target) + "|" + EF.Property<string>(d, DealListKeys.Investor)).ToListAsync(token)),
            ["DealParticipants"] = Serialize(await db.DealParticipants.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Id).ToListAsync(token)),
            ["DealLinks"] = Serialize(await db.DealLinks.IgnoreQueryFilters().AsNoTracking().OrderBy(l => l.PartId).ThenBy(l => l.WiderId)
                .Select(l => new { l.PartId, l.WiderId, l.Version }).ToListAsync(token)),
            ["Citations"] = Serialize(await db.Citations.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Id).ToListAsync(token)),
            ["Valuations"] = Serialize(await db.Valuations.IgnoreQueryFilters().AsNoTracking().OrderBy(v => v.Id).ToListAsync(token)),
            ["MarketEvents"] = Serialize(await db.MarketEvents.IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.Id).ToListAsync(token)),
            ["MarketEventOrganizations"] = Serialize(await db.MarketEventOrganizations.AsNoTracking()
                .OrderBy(e => e.MarketEventId).ThenBy(e => e.OrganizationId).Select(e => new { e.MarketEventId, e.OrganizationId }).ToListAsync(token)),
            ["DashboardCounts"] = Serialize(await db.DashboardCounts.AsNoTracking().OrderBy(c => c.Key).ToListAsync(token)),
            ["ActivityMonths"] = Serialize(await db.ActivityMonths.AsNoTracking().OrderBy(m => m.Month).ToListAsync(token)),
            ["OrganizationTotals"] = Serialize(await db.OrganizationTotals.AsNoTracking().OrderBy(t => t.OrganizationId).ToListAsync(token)),
            ["UnionRests"] = Serialize(await db.UnionRests.AsNoTracking().OrderBy(r => r.GroupId).ThenBy(r => r.WiderId).ToListAsync(token)),
        };
        return tables;
    }

    private static string Serialize<T>(List<T> rows) => JsonSerializer.Serialize(rows, Json);
}
