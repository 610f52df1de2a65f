using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Watchlists;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Watchlists;

/// <summary>The private link of a watchlist's feed: made, found by its token, replaced and revoked; only its hash is kept.</summary>
public class WatchFeedTests
{
    private static readonly Actor Ann = Actor.Create("ann@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateWatchFeed_StoresOnlyTheHash_AndTheTokenFindsItsOwner()
    {
        await using var database = await TestDatabase.CreateAsync();
        var command = new CreateWatchFeed();

        var result = await database.Commands.RunAsync(Ann, command, Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        Assert.StartsWith(CreateWatchFeed.TokenPrefix, command.Token, StringComparison.Ordinal);
        Assert.Equal(Ann.UserName, await Queries(database).FeedOwnerAsync(command.Token, Token));
        Assert.Equal(command.Token![..12], (await Queries(database).FeedAsync(Ann, Token))!.Prefix);
        await using var db = await database.CreateContextAsync();
        var row = await db.Watchlists.SingleAsync(Token);
        Assert.Equal(ApiTokenService.Hash(command.Token), row.FeedTokenHash);
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Changes).ToListAsync(Token), changes => changes.Contains(row.FeedTokenHash!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokeWatchFeed_AfterwardsTheTokenFindsNobody()
    {
        await using var database = await TestDatabase.CreateAsync();
        var command = new CreateWatchFeed();
        await database.Commands.RunAsync(Ann, command, Token);

        var revoked = await database.Commands.RunAsync(Ann, new RevokeWatchFeed(), Token);
        var again = await database.Commands.RunAsync(Ann, new RevokeWatchFeed(), Token);

        Assert.Equal(CommandOutcome.Saved, revoked.Outcome);
        DealFixtures.AssertInvalid(again, string.Empty, "Your watchlist has no feed link.");
        Assert.Null(await Queries(database).FeedOwnerAsync(command.Token, Token));
        Assert.Null(await Queries(database).FeedAsync(Ann, Token));
    }

    [Fact]
    public async Task CreateWatchFeed_Again_ReplacesTheEarlierLink()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = new CreateWatchFeed();
        var second = new CreateWatchFeed();
        await database.Commands.RunAsync(Ann, first, Token);

        await database.Commands.RunAsync(Ann, second, Token);

        Assert.Null(await Queries(database).FeedOwnerAsync(first.Token, Token));
        Assert.Equal(Ann.UserName, await Queries(database).FeedOwnerAsync(second.Token, Token));
        Assert.Null(await Queries(database).FeedOwnerAsync("aidw_made-up", Token));
    }

    private static WatchlistQueries Queries(TestDatabase database) => new(database.Contexts);
}
