using System.Text.Json.Nodes;
using AiDeals.Core.Data;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests;

/// <summary>"Part of" in the deal book format, old and new, and in a database migrated from the single-umbrella schema.</summary>
public class DealLinkFormatTests
{
    private const long B = 1_000_000_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitializeAsync_OldDealBookWithParentFields_LoadsEachParentAsALink()
    {
        // The deal book as it was written before a deal could be part of several: one "parent" each.
        using var folder = new DealBookFolder(book =>
        {
            foreach (var deal in book.Objects("deals").Where(d => d["partOf"] is not null))
            {
                deal["parent"] = "softbank-openai-partnership";
                deal.Remove("partOf");
            }
        });
        await using var database = await TestDatabase.CreateAsync();

        await database.Initializer.InitializeAsync(folder.DealBookPath, Token);

        await using var db = await database.CreateContextAsync();
        var links = await db.DealLinks.Select(l => new { Part = l.Part!.Title, Wider = l.Wider!.Title }).ToListAsync(Token);
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.Equal(DealFixtures.Partnership, l.Wider));
        // Stargate has no part then: its $100–500B counts in full, and the shared $15B once, inside the partnership.
        Assert.Equal("$156B–$556B", (await database.Dashboard.GetSummaryAsync(Token)).Capital.ToString());
    }

    [Fact]
    public async Task InitializeAsync_PartOfThatClosesACycle_ThrowsAtThatKeyAndWritesNothing()
    {
        using var folder = new DealBookFolder(book => book["deals"]![0]!["partOf"] = new JsonArray("softbank-openai-equity"));
        await using var database = await TestDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<DealBookException>(() => database.Initializer.InitializeAsync(folder.DealBookPath, Token));

        Assert.Equal("$.deals[1].partOf[0]", error.JsonPath);
        Assert.Equal(
            "making 'softbank-openai-equity' part of 'softbank-openai-partnership' forms a cycle: 'softbank-openai-partnership' is already part of 'softbank-openai-equity'.",
            error.Problem);
        await using var db = await database.CreateContextAsync();
        Assert.Equal(0, await db.Deals.CountAsync(Token));
    }

    [Fact]
    public async Task WriteAllAsync_SharedPart_WritesBothWiderDealsAndReadsBackTheSameTotal()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        using var stream = new MemoryStream();

        await database.Exporter.WriteAllAsync(stream, Token);

        var book = JsonNode.Parse(stream.ToArray())!.AsObject();
        var shared = book.Objects("deals").Single(d => d.Text("title") == DealFixtures.StargateCommitment);
        var keys = shared["partOf"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        var titles = keys.Select(k => book.Objects("deals").Single(d => d.Text("key") == k).Text("title"));
        Assert.Equal([DealFixtures.Partnership, DealFixtures.StargateProject], titles);
        Assert.DoesNotContain(book.Objects("deals"), d => d["parent"] is not null);
    }

    [Fact]
    [SqliteOnly("A SQLite database of a schema older than the first PostgreSQL migration migrated up: PostgreSQL databases begin at a schema that already has the links")]
    public async Task Migrate_DatabaseWithSingleUmbrellas_MovesEachIntoALinkAndKeepsDeletedOnesDeleted()
    {
        await using var database = TestDatabase.AtNewPath();
        await using (var db = await database.Contexts.CreateDbContextAsync(Token))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261201203529_DealSearch", Token);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Deals (Id, Title, Kind, Status, AmountLow, AmountHigh, AmountQualifier, AnnouncedPrecision, ClosedPrecision, Version, ParentId, DeletedAt)
                VALUES (1, 'Umbrella', 'Partnership', 'Announced', 50000000000, 50000000000, 'Exact', 'Day', 'Day', 0, NULL, NULL),
                       (2, 'Live part', 'Partnership', 'Announced', 20000000000, 20000000000, 'Exact', 'Day', 'Day', 0, 1, NULL),
                       (3, 'Deleted part', 'Partnership', 'Announced', 10000000000, 10000000000, 'Exact', 'Day', 'Day', 0, 1, '2025-01-02 00:00:00');
                """, Token);
        }

        await using (var db = await database.Contexts.CreateDbContextAsync(Token))
        {
            await db.Database.MigrateAsync(Token);
            var links = await db.DealLinks.IgnoreQueryFilters().OrderBy(l => l.PartId)
                .Select(l => new { l.PartId, l.WiderId, Live = l.DeletedAt == null }).ToListAsync(Token);
            Assert.Equal([new { PartId = 2, WiderId = 1, Live = true }, new { PartId = 3, WiderId = 1, Live = false }], links);
            Assert.False(await db.Database.GetPendingMigrationsAsync(Token).ContinueWith(t => t.Result.Any(), Token));
        }

        // 20 for the live part, 50 − 20 beyond it (the rest counted as the migration committed): the deleted part counts nowhere.
        var capital = (await database.Dashboard.GetSummaryAsync(Token)).Capital;
        Assert.Equal((50 * B, 50 * B, 30 * B), (capital.Low, capital.High, capital.UnattributedLow));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "the migration");
        SqliteConnection.ClearAllPools();
    }
}
