using System.Text.Json.Nodes;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

public class DealQueriesTests
{
    private readonly List<JsonObject> _deals = SeedData.ReadDealBook().Objects("deals").ToList();

    [Fact]
    public async Task SearchAsync_InvestorSoftBank_ReturnsExactlySoftBanksDeals()
    {
        var expected = TitlesWhere(d => Participants(d).Contains("softbank"));
        var microsoftOpenAi = _deals.Single(d => d.Text("key") == "microsoft-openai").Text("title");
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Deals.SearchAsync(new DealFilter { Investors = ["softbank"] }, new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(5, expected.Count);
        Assert.Equal(expected.Count, result.TotalCount);
        Assert.Equal(expected, result.Items.Select(d => d.Title).Order(StringComparer.Ordinal));
        Assert.All(result.Items, deal => Assert.Contains(deal.Investors, investor => investor.Slug == "softbank" && investor.Name == "SoftBank Group"));
        Assert.DoesNotContain(result.Items, deal => deal.Title == microsoftOpenAi);
    }

    [Fact]
    public async Task SearchAsync_StatusInTalks_ReturnsOnlyDealsInTalks()
    {
        var expected = TitlesWhere(d => d.Text("status") == nameof(DealStatus.InTalks));
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Deals.SearchAsync(new DealFilter { Statuses = [DealStatus.InTalks] }, new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(3, expected.Count);
        Assert.Equal(expected.Count, result.TotalCount);
        Assert.All(result.Items, deal => Assert.Equal(DealStatus.InTalks, deal.Status));
        Assert.Equal(expected, result.Items.Select(d => d.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_InvestorAndStatus_ReturnsDealsMatchingBoth()
    {
        var expected = TitlesWhere(d => Participants(d).Contains("softbank") && d.Text("status") is nameof(DealStatus.Completed) or nameof(DealStatus.Announced));
        await using var database = await TestDatabase.CreateSeededAsync();
        var filter = new DealFilter { Investors = ["softbank"], Statuses = [DealStatus.Completed, DealStatus.Announced] };

        var result = await database.Deals.SearchAsync(filter, new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(["SoftBank investment in WeWork", "Stargate AI data-center project"], expected);
        Assert.Equal(expected, result.Items.Select(d => d.Title).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, result.TotalCount);
    }

    [Fact]
    public async Task SearchAsync_InvestorOfNoDeal_ReturnsNothing()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Deals.SearchAsync(new DealFilter { Investors = ["wework"] }, new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Empty(result.Items);
        Assert.Equal(0, result.TotalCount);
    }

    [Fact]
    public async Task SearchAsync_SortByAmountDescending_LargestFirstUndisclosedLast()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Deals.SearchAsync(
            new DealFilter { Sort = DealSortField.Amount, Descending = true }, new PageRequest(), TestContext.Current.CancellationToken);

        var keys = result.Items.Select(d => d.Amount.High ?? d.Amount.Low).ToList();
        Assert.Equal(6, keys.Count);
        Assert.Equal([500_000_000_000, 40_000_000_000, 25_000_000_000, 16_000_000_000, 15_000_000_000, null], keys);
        Assert.Equal("Stargate AI data-center project", result.Items[0].Title);
        Assert.Equal(AmountRange.Undisclosed, result.Items[^1].Amount);
    }

    [Fact]
    public async Task SearchAsync_SortByTitle_OrdersAlphabeticallyBothWays()
    {
        var expected = TitlesWhere(_ => true);
        await using var database = await TestDatabase.CreateSeededAsync();

        var ascending = await database.Deals.SearchAsync(
            new DealFilter { Sort = DealSortField.Title, Descending = false }, new PageRequest(), TestContext.Current.CancellationToken);
        var descending = await database.Deals.SearchAsync(
            new DealFilter { Sort = DealSortField.Title, Descending = true }, new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, ascending.Items.Select(d => d.Title));
        Assert.Equal(expected.AsEnumerable().Reverse(), descending.Items.Select(d => d.Title));
    }

    [Theory]
    [InlineData(DealSortField.Status)]
    [InlineData(DealSortField.Kind)]
    [InlineData(DealSortField.Target)]
    [InlineData(DealSortField.Announced)]
    public async Task SearchAsync_SortByEachField_ReturnsEveryDealOnce(DealSortField sort)
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var ascending = await database.Deals.SearchAsync(new DealFilter { Sort = sort, Descending = false }, new PageRequest(), TestContext.Current.CancellationToken);
        var descending = await database.Deals.SearchAsync(new DealFilter { Sort = sort, Descending = true }, new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(TitlesWhere(_ => true), ascending.Items.Select(d => d.Title).Order(StringComparer.Ordinal));
        Assert.Equal(TitlesWhere(_ => true), descending.Items.Select(d => d.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_SortByStatus_FollowsADealsLifeNotTheAlphabet()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Deals.SearchAsync(
            new DealFilter { Sort = DealSortField.Status, Descending = false }, new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(
            [DealStatus.InTalks, DealStatus.InTalks, DealStatus.InTalks, DealStatus.Announced, DealStatus.Completed, DealStatus.Completed],
            result.Items.Select(d => d.Status));
    }

    [Fact]
    public async Task SearchAsync_SortByAnnouncedDescending_NewestFirst()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Deals.SearchAsync(new DealFilter(), new PageRequest(), TestContext.Current.CancellationToken);

        var announced = result.Items.Select(d => d.Announced!.Value.Date).ToList();
        Assert.Equal(announced.OrderDescending(), announced);
        Assert.Equal("SoftBank investment in WeWork", result.Items[^1].Title);
    }

    [Fact]
    public async Task SearchAsync_SecondPageOfTwo_ReturnsThirdAndFourthWithTotalCount()
    {
        var expected = TitlesWhere(_ => true);
        await using var database = await TestDatabase.CreateSeededAsync();
        var byTitle = new DealFilter { Sort = DealSortField.Title, Descending = false };

        var page = await database.Deals.SearchAsync(byTitle, new PageRequest(Page: 1, PageSize: 2), TestContext.Current.CancellationToken);
        var last = await database.Deals.SearchAsync(byTitle, new PageRequest(Page: 2, PageSize: 2), TestContext.Current.CancellationToken);
        var beyond = await database.Deals.SearchAsync(byTitle, new PageRequest(Page: 3, PageSize: 2), TestContext.Current.CancellationToken);

        Assert.Equal(6, page.TotalCount);
        Assert.Equal(expected.Skip(2).Take(2), page.Items.Select(d => d.Title));
        Assert.Equal(expected.Skip(4), last.Items.Select(d => d.Title));
        Assert.Empty(beyond.Items);
        Assert.Equal(6, beyond.TotalCount);
    }

    [Fact]
    public async Task SearchAsync_ArticleDealBook_ReturnsTheDealsFigures()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Deals.SearchAsync(new DealFilter(), new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(
            ["SoftBank–OpenAI AI partnership", "Stargate AI data-center project"],
            result.Items.Where(d => d.IsUmbrella).Select(d => d.Title).Order(StringComparer.Ordinal));
        var equity = result.Items.Single(d => d.Title == "SoftBank direct investment in OpenAI");
        Assert.Equal("$15B–$25B", equity.Amount.ToString());
        Assert.Equal(new OrganizationRef("OpenAI", "openai"), equity.Target);
        Assert.Equal(PartialDate.Month(2025, 1), equity.Announced);
        Assert.Equal(DealKind.EquityInvestment, equity.Kind);
    }

    [Fact]
    public async Task SearchAsync_DeletedDeal_IsNotListed()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            db.Remove(await db.Deals.SingleAsync(d => d.Title == "SoftBank investment in WeWork", TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var result = await database.Deals.SearchAsync(new DealFilter { Investors = ["softbank"] }, new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(4, result.TotalCount);
        Assert.DoesNotContain(result.Items, d => d.Title == "SoftBank investment in WeWork");
        var softBank = (await database.Lookups.InvestorsAsync(cancellationToken: TestContext.Current.CancellationToken)).Single(i => i.Slug == "softbank");
        Assert.Equal(4, softBank.DealCount);
    }

    [Fact]
    public async Task TargetsAsync_DeletedDeal_IsNotCounted()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            db.Remove(await db.Deals.SingleAsync(d => d.Title == "SoftBank investment in WeWork", TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var targets = await database.Lookups.TargetsAsync(cancellationToken: TestContext.Current.CancellationToken);

        // WeWork's one deal is gone, so WeWork is no longer a target; the others keep their counts.
        Assert.Equal(["openai", "stargate"], targets.Select(t => t.Slug));
        Assert.Equal([3, 2], targets.Select(t => t.DealCount));
    }

    [Fact]
    public async Task SearchAsync_DealWithSeveralRoles_ListsInvestorsLeadFirst()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = await database.CreateContextAsync())
        {
            Organization Company(string name) => new() { Name = name, Slug = name.ToLowerInvariant().Replace(' ', '-') };
            db.Deals.Add(new Deal
            {
                Title = "Series C",
                Participants =
                [
                    new DealParticipant { Organization = Company("Alpha Partners"), Role = ParticipantRole.Partner },
                    new DealParticipant { Organization = Company("Beta Backers"), Role = ParticipantRole.Backer },
                    new DealParticipant { Organization = Company("Gamma Ventures"), Role = ParticipantRole.CoInvestor },
                    new DealParticipant { Organization = Company("Zeta Capital"), Role = ParticipantRole.Lead },
                    new DealParticipant { Organization = Company("Delta Fund"), Role = ParticipantRole.CoInvestor },
                ],
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var deal = Assert.Single((await database.Deals.SearchAsync(new DealFilter(), new PageRequest(), TestContext.Current.CancellationToken)).Items);

        Assert.Equal(["Zeta Capital", "Delta Fund", "Gamma Ventures", "Beta Backers", "Alpha Partners"], deal.Investors.Select(i => i.Name));
    }

    [Fact]
    public async Task ListInvestorsAsync_ArticleDealBook_ListsSoftBankFirstWithItsDealCount()
    {
        var participantCounts = _deals.SelectMany(Participants).CountBy(slug => slug).ToDictionary();
        await using var database = await TestDatabase.CreateSeededAsync();

        var investors = await database.Lookups.InvestorsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("softbank", investors[0].Slug);
        Assert.Equal("SoftBank Group", investors[0].Name);
        Assert.Equal(["SoftBank", "SoftBank Group Corp."], investors[0].Aliases);
        Assert.Equal(participantCounts["softbank"], investors[0].DealCount);
        Assert.Equal(participantCounts.Keys.Order(StringComparer.Ordinal), investors.Select(i => i.Slug).Order(StringComparer.Ordinal));
        Assert.All(investors, investor => Assert.Equal(participantCounts[investor.Slug], investor.DealCount));
    }

    private static IEnumerable<string> Participants(JsonObject deal) =>
        deal["participants"]!.AsArray().Select(p => p.Text("organization"));

    private List<string> TitlesWhere(Func<JsonObject, bool> predicate) =>
        _deals.Where(predicate).Select(d => d.Text("title")).Order(StringComparer.Ordinal).ToList();
}
