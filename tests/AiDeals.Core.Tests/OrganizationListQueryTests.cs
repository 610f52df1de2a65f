using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>The organization list a page at a time, on the article's deal book.</summary>
public class OrganizationListQueryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_PagesOfThree_TogetherListEveryLiveOrganizationOnceByNameInAnyCase()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var organizations = new OrganizationQueries(database.Contexts);
        await using var db = await database.CreateContextAsync();
        var expected = (await db.Organizations.Select(o => o.Name).ToListAsync(Token)).Order(StringComparer.OrdinalIgnoreCase).ToList();

        var first = await organizations.ListAsync(null, null, new PageRequest(0, 3), Token);
        var listed = new List<string>();
        for (var page = 0; page * 3 < first.TotalCount; page++)
        {
            var result = await organizations.ListAsync(null, null, new PageRequest(page, 3), Token);
            Assert.Equal(first.TotalCount, result.TotalCount);
            Assert.InRange(result.Items.Count, 1, 3);
            listed.AddRange(result.Items.Select(o => o.Name));
        }

        Assert.True(expected.Count > 3, "The article names more organizations than a page of three holds.");
        Assert.Equal(expected.Count, first.TotalCount);
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task ListAsync_PagePastTheEnd_IsEmptyAndStillCounts()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var organizations = new OrganizationQueries(database.Contexts);

        var result = await organizations.ListAsync(null, null, new PageRequest(1000, 25), Token);

        Assert.Empty(result.Items);
        Assert.True(result.TotalCount > 0);
    }

    [Fact]
    public async Task ListAsync_SearchAndType_CountOnlyTheMatches()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var organizations = new OrganizationQueries(database.Contexts);

        var byAlias = await organizations.ListAsync("group corp", null, new PageRequest(0, 25), Token);
        var projects = await organizations.ListAsync(null, [OrganizationType.Project], new PageRequest(0, 25), Token);

        Assert.Equal(["SoftBank Group"], byAlias.Items.Select(o => o.Name));
        Assert.Equal(1, byAlias.TotalCount);
        Assert.Equal(["Stargate"], projects.Items.Select(o => o.Name));
        Assert.Equal(1, projects.TotalCount);
    }

    [Fact]
    public async Task ListAsync_DealsAsParticipant_AreTheLiveParticipationsInLiveDealsAndFollowADeletion()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var organizations = new OrganizationQueries(database.Contexts);
        var before = await ParticipationsAsync(organizations);
        Assert.Equal(await CountedAsync(database), before);
        Assert.True(before["SoftBank Group"] >= 3, "SoftBank takes part in several of the article's deals.");

        var wework = await DealFixtures.FormOfAsync(database, DealFixtures.WeWork);
        var deleted = await database.Commands.RunAsync(Actor.Create("ann@aideals.test", Roles.Analyst), new DeleteDeal(wework.Id, wework.Version), Token);
        Assert.True(deleted.IsSaved);

        var after = await ParticipationsAsync(organizations);
        Assert.Equal(before["SoftBank Group"] - 1, after["SoftBank Group"]);
        Assert.Equal(await CountedAsync(database), after);
    }

    private static async Task<Dictionary<string, int>> ParticipationsAsync(OrganizationQueries organizations) =>
        (await organizations.ListAsync(null, null, new PageRequest(0, 100), Token)).Items.ToDictionary(o => o.Name, o => o.DealsAsParticipant);

    // Counted from the tables: every live organization's live participations whose deal is live.
    private static async Task<Dictionary<string, int>> CountedAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Organizations
            .Select(o => new { o.Name, Count = db.DealParticipants.Count(p => p.OrganizationId == o.Id && p.Deal!.DeletedAt == null) })
            .ToDictionaryAsync(o => o.Name, o => o.Count, Token);
    }
}
