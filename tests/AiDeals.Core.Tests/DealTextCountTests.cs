using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>
/// The count of a text alone, up to its cap: read from the free-text index alone when its matching entries less every
/// deleted deal reach the cap (the index keeps a deleted deal's entry), and from the deals otherwise, so that deleted
/// deals are never counted.
/// </summary>
public sealed class DealTextCountTests : IAsyncLifetime
{
    private static readonly DealFilter Zephyr = new() { Text = "zephyr" };

    private TestDatabase? _database;

    private TestDatabase Database => _database!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateSeededAsync();
        // Five deals mention the word; two of them are deleted.
        await using var db = await Database.CreateContextAsync();
        var deals = Enumerable.Range(1, 5).Select(i => new Deal { Title = $"Zephyr round {i}", Kind = DealKind.EquityInvestment, Status = DealStatus.Announced }).ToList();
        db.Deals.AddRange(deals);
        await db.SaveChangesAsync(Token);
        deals[0].DeletedAt = deals[1].DeletedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    [InlineData(100, 3)]
    public async Task CountAsync_TextWithDeletedMatches_CountsOnlyTheLiveDeals(int cap, int expected)
    {
        var (count, _) = await CountAsync(cap);

        Assert.Equal(expected, count);
        Assert.Equal(3, (await Database.Deals.SearchAsync(Zephyr, new PageRequest(0, 100), Token)).TotalCount);
    }

    [Fact]
    [SqliteOnly("FTS5 keeps the entries of deleted deals; PostgreSQL's text filter counts the deals")]
    public async Task CountAsync_EntriesLessDeletedDealsReachTheCap_ReadsNoDeal()
    {
        // The floor is the 5 entries less every deleted deal (the two above and any the seed deleted).
        int floor;
        await using (var db = await Database.CreateContextAsync())
        {
            floor = 5 - await db.Deals.IgnoreQueryFilters().CountAsync(d => d.DeletedAt != null, Token);
        }

        Assert.True(floor >= 1, $"floor {floor}");
        var (count, commands) = await CountAsync(floor);

        Assert.Equal(floor, count);
        Assert.DoesNotContain(commands, sql => sql.Contains("CROSS JOIN \"Deals\"", StringComparison.Ordinal));

        // One above the floor: the deals are counted.
        var (above, counted) = await CountAsync(4);
        Assert.Equal(3, above);
        Assert.Contains(counted, sql => sql.Contains("CROSS JOIN \"Deals\"", StringComparison.Ordinal));
    }

    private async Task<(int Count, List<string> Commands)> CountAsync(int cap)
    {
        await using var connection = await Database.OpenConnectionAsync();
        var commands = new List<string>();
        var count = await DealListReader.CountAsync(connection, DealListSql.For(Zephyr, Database.Provider == DatabaseProvider.PostgreSql), cap, commands.Add, Token);
        return (count, commands);
    }
}
