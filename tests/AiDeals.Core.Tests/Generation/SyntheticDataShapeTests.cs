using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Tests.Shared;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Generation;

/// <summary>20,000 generated deals: the counts asked for, shaped as the app's own saves would write them.</summary>
[Collection(nameof(GeneratedDatabase))]
public sealed class SyntheticDataShapeTests(GeneratedDatabase generated)
{
    [Fact]
    public async Task GenerateAsync_TwentyThousandDeals_WritesTheDealsOrganizationsAndPartsAsked()
    {
        var counts = generated.Counts;

        Assert.Equal(GeneratedDatabase.DealCount, counts.Deals);
        Assert.Equal(1_000, counts.Organizations);
        Assert.Equal(GeneratedDatabase.DealCount, await generated.ScalarAsync("""SELECT COUNT(*) FROM "Deals" """));
        Assert.Equal(1_000, await generated.ScalarAsync("""SELECT COUNT(*) FROM "Organizations" """));
        Assert.Equal(counts.Participants, await generated.ScalarAsync("""SELECT COUNT(*) FROM "DealParticipants" """));
        Assert.Equal(counts.Citations, await generated.ScalarAsync("""SELECT COUNT(*) FROM "Citations" """));
        // One to four participants per deal, one or two citations, a market event per hundred deals.
        Assert.Equal(1, await generated.ScalarAsync("""SELECT MIN(n) FROM (SELECT COUNT(p."Id") AS n FROM "Deals" d LEFT JOIN "DealParticipants" p ON p."DealId" = d."Id" GROUP BY d."Id") AS c"""));
        Assert.Equal(4, await generated.ScalarAsync("""SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM "DealParticipants" GROUP BY "DealId") AS c"""));
        Assert.Equal(0, await generated.ScalarAsync("""SELECT COUNT(*) FROM "Deals" d WHERE NOT EXISTS (SELECT 1 FROM "Citations" c WHERE c."DealId" = d."Id")"""));
        Assert.Equal(GeneratedDatabase.DealCount / 100, counts.MarketEvents);
        Assert.InRange(counts.Valuations, 500, 2_000);
        Assert.InRange(counts.Aliases, 150, 350);
        Assert.Equal(GeneratedDatabase.DealCount / 20, counts.Sources);
        Assert.InRange(await generated.ScalarAsync("""SELECT COUNT(DISTINCT "SourceId") FROM "Citations" """), counts.Sources * 9 / 10, counts.Sources);
    }

    [Fact]
    public async Task GenerateAsync_Investors_AFewVeryActiveAndALongTail()
    {
        var busiest = await generated.ScalarAsync("""SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM "DealParticipants" GROUP BY "OrganizationId") AS c""");
        var median = await generated.ScalarAsync(
            """SELECT n FROM (SELECT COUNT(*) AS n FROM "DealParticipants" GROUP BY "OrganizationId") AS c ORDER BY n LIMIT 1 OFFSET (SELECT COUNT(DISTINCT "OrganizationId") / 2 FROM "DealParticipants")""");

        Assert.True(busiest >= 20 * median, $"busiest investor {busiest} deals, median {median}");
        Assert.True(median >= 10, $"median investor {median} deals");
    }

    [Fact]
    public async Task GenerateAsync_Rows_KeepTheRulesTheAppsSavesKeep()
    {
        await using var db = await generated.Database.CreateContextAsync();
        var deals = await db.Deals.AsNoTracking().IgnoreQueryFilters().Include(d => d.PartOf).ToListAsync(TestContext.Current.CancellationToken);
        var organizations = await db.Organizations.AsNoTracking().IgnoreQueryFilters().Include(o => o.Aliases).ToListAsync(TestContext.Current.CancellationToken);

        Assert.All(deals, d =>
        {
            Assert.Null(AmountRange.Validate(d.AmountLow, d.AmountHigh, d.AmountQualifier));
            Assert.Equal(PartialDate.Create(d.AnnouncedOn!.Value, d.AnnouncedPrecision).Date, d.AnnouncedOn);
            Assert.True(d.Closed is null || d.Closed.Value.End >= d.Announced!.Value.Date);
            Assert.All(d.PartOf, l => Assert.True(l.WiderId < d.Id));
            Assert.Equal(0, d.Version);
            Assert.Null(d.DeletedAt);
        });
        Assert.Contains(deals, d => d.Closed is not null);
        Assert.Contains(deals, d => d.PartOf.Count > 0);
        Assert.Equal(Enum.GetValues<AmountQualifier>().Order(), deals.Select(d => d.AmountQualifier).Distinct().Order());
        Assert.Equal(Enum.GetValues<DatePrecision>().Order(), deals.Select(d => d.AnnouncedPrecision).Distinct().Order());
        Assert.All(organizations, o =>
        {
            Assert.Equal(Organization.Normalize(o.Name), o.NormalizedName);
            Assert.Equal(OrganizationSlug.Of(o.Name), o.Slug);
            Assert.All(o.Aliases, a => Assert.Equal(Organization.Normalize(a.Name), a.NormalizedName));
        });
        Assert.Equal(0, await generated.ScalarAsync("""SELECT COUNT(*) FROM "DealParticipants" p JOIN "Deals" d ON d."Id" = p."DealId" WHERE p."OrganizationId" = d."TargetId" """));
    }

    [Fact]
    public async Task GenerateAsync_IndexesSetAsideForTheLoad_AreAllThereAgain()
    {
        await using var fresh = await TestDatabase.CreateAsync();
        var indexes = fresh.Provider == DatabaseProvider.PostgreSql
            ? """SELECT string_agg(indexname || ':' || indexdef, chr(10) ORDER BY indexname) FROM pg_indexes WHERE schemaname = current_schema()"""
            : "SELECT group_concat(name || ':' || sql, char(10)) FROM (SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name)";

        var expected = await IndexesAsync(fresh);
        Assert.Contains("IX_Deals_", expected, StringComparison.Ordinal);
        Assert.Equal(expected, await IndexesAsync(generated.Database));

        async Task<string?> IndexesAsync(TestDatabase database)
        {
            await using var connection = await database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = indexes;
            return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    [SqliteOnly("PostgreSQL checks every row's foreign keys as the generator copies it in (its COPY leaves the constraint triggers on); "
        + "GenerateAsync_Rows_NameOnlyParentsThatExist checks the keys on both engines")]
    public async Task GenerateAsync_Database_PassesSqlitesIntegrityAndForeignKeyChecks()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(generated.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        await using var foreignKeys = connection.CreateCommand();
        foreignKeys.CommandText = "PRAGMA foreign_key_check";

        Assert.Equal("ok", await integrity.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        await using var violations = await foreignKeys.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.False(await violations.ReadAsync(TestContext.Current.CancellationToken), "a row names a missing parent");
    }

    [Fact]
    public async Task GenerateAsync_Rows_NameOnlyParentsThatExist()
    {
        (string Table, string Column, string Parent)[] keys =
        [
            ("OrganizationAliases", "OrganizationId", "Organizations"), ("Deals", "TargetId", "Organizations"),
            ("DealParticipants", "DealId", "Deals"), ("DealParticipants", "OrganizationId", "Organizations"),
            ("DealLinks", "PartId", "Deals"), ("DealLinks", "WiderId", "Deals"), ("Citations", "SourceId", "Sources"),
            ("Citations", "DealId", "Deals"), ("Citations", "ValuationId", "Valuations"), ("Citations", "MarketEventId", "MarketEvents"),
            ("Valuations", "OrganizationId", "Organizations"), ("Valuations", "DealId", "Deals"),
            ("MarketEventOrganizations", "MarketEventId", "MarketEvents"), ("MarketEventOrganizations", "OrganizationId", "Organizations"),
        ];

        foreach (var (table, column, parent) in keys)
        {
            var named = await generated.ScalarAsync($"""SELECT COUNT(*) FROM "{table}" WHERE "{column}" IS NOT NULL""");
            var orphans = await generated.ScalarAsync(
                $"""SELECT COUNT(*) FROM "{table}" c WHERE c."{column}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "{parent}" p WHERE p."Id" = c."{column}")""");
            Assert.True(named > 0, $"no {table}.{column} to check");
            Assert.True(orphans == 0, $"{orphans} {table} rows name a missing {parent} row");
        }
    }
}
