using System.Text.Json.Nodes;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

public class DashboardQueriesTests
{
    private readonly List<JsonObject> _deals = SeedData.ReadDealBook().Objects("deals").ToList();

    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_CountsEveryDeal()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var summary = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.Equal(6, summary.DealCount);
    }

    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_CountsEachDollarOnce()
    {
        var (naiveLow, naiveHigh) = Sum(_deals);
        await using var database = await TestDatabase.CreateSeededAsync();

        var capital = (await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken)).Capital;

        // The derivation of docs/architecture.md: the parts ($15–25B equity, $15B Stargate commitment), Microsoft's
        // undisclosed deal and WeWork's $16B count in full; the partnership (more than $40B) adds 40 − 30 = $10B low and
        // 40 − 40 = 0 high beyond its parts; Stargate ($100–500B) adds 100 − 15 = $85B low and 500 − 15 = $485B high
        // beyond the commitment it shares with the partnership. 15 + 15 + 16 + 10 + 85 = 141; 25 + 15 + 16 + 0 + 485 = 541.
        Assert.Equal("$141B–$541B", capital.ToString());
        Assert.Equal((141 * Billion, 541 * Billion), (capital.Low, capital.High));
        Assert.NotEqual((naiveLow, naiveHigh), (capital.Low, capital.High));
        Assert.Equal((4, 2, 1), (capital.LeafDeals, capital.WiderDeals, capital.UndisclosedDeals));
        Assert.Equal((95 * Billion, 485 * Billion), (capital.UnattributedLow, capital.UnattributedHigh));
        Assert.False(capital.OpenEnded);
    }

    [Fact]
    public async Task GetSummaryAsync_SharedPartDeleted_BothWiderDealsCountMoreOfTheirOwn()
    {
        const string DeletedKey = "softbank-stargate-commitment";
        var deleted = _deals.Single(d => d.Text("key") == DeletedKey);
        await using var database = await TestDatabase.CreateSeededAsync();
        var before = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);
        await using (var db = await database.CreateContextAsync())
        {
            db.Remove(await db.Deals.SingleAsync(d => d.Title == deleted.Text("title"), TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var after = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);

        // The partnership is left with the $15–25B equity: it adds 40 − 15 = $25B low and 40 − 25 = $15B high. Stargate
        // has no part left and counts its $100–500B in full. 15 + 25 + 100 + 16 = 156; 25 + 15 + 500 + 16 = 556.
        Assert.Equal(before.DealCount - 1, after.DealCount);
        Assert.Equal((156 * Billion, 556 * Billion), (after.Capital.Low, after.Capital.High));
        Assert.Equal((4, 1), (after.Capital.LeafDeals, after.Capital.WiderDeals));
    }

    [Fact]
    public async Task GetSummaryAsync_BothPartsOfThePartnershipDeleted_CountsItAsAnOpenEndedDeal()
    {
        var parts = _deals.Where(d => d["partOf"]?.AsArray().Any(k => k!.GetValue<string>() == "softbank-openai-partnership") == true)
            .Select(d => d.Text("title")).ToList();
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            db.RemoveRange(await db.Deals.Where(d => parts.Contains(d.Title)).ToListAsync(TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var capital = (await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken)).Capital;

        // Partnership 40, Stargate 100–500, Microsoft undisclosed, WeWork 16: each in full, nothing under another.
        Assert.Equal(2, parts.Count);
        Assert.Equal((156 * Billion, 556 * Billion), (capital.Low, capital.High));
        Assert.True(capital.OpenEnded);
        Assert.Equal("more than $156B", capital.ToString());
    }

    [Fact]
    public async Task GetSummaryAsync_EmptyDatabase_IsZero()
    {
        await using var database = await TestDatabase.CreateAsync();

        var summary = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, summary.DealCount);
        Assert.Equal("$0", summary.Capital.ToString());
    }

    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_CountsDealsByStatusInLifecycleOrder()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var summary = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);

        // The umbrella is a deal in talks like its two parts: counting deals is not counting dollars.
        Assert.Equal(
            [new StatusCount(DealStatus.InTalks, 3), new StatusCount(DealStatus.Announced, 1), new StatusCount(DealStatus.Completed, 2)],
            summary.ByStatus);
        Assert.Equal(summary.DealCount, summary.ByStatus.Sum(s => s.Count));
    }

    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_CountsDealsByKindMostFirst()
    {
        var expected = _deals
            .GroupBy(d => Enum.Parse<DealKind>(d.Text("kind")))
            .Select(g => new KindCount(g.Key, g.Count()))
            .OrderByDescending(k => k.Count)
            .ThenBy(k => k.Kind)
            .ToList();
        await using var database = await TestDatabase.CreateSeededAsync();

        var summary = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected, summary.ByKind);
        Assert.Equal(new KindCount(DealKind.EquityInvestment, 3), summary.ByKind[0]);
    }

    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_LargestDealIsStargate()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        int stargateId;
        await using (var db = await database.CreateContextAsync())
        {
            stargateId = await db.Deals.Where(d => d.Title == "Stargate AI data-center project").Select(d => d.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        var largest = (await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken)).LargestDeal;

        Assert.NotNull(largest);
        Assert.Equal(stargateId, largest.Id);
        Assert.Equal("Stargate AI data-center project", largest.Title);
        Assert.Equal(AmountRange.Between(100_000_000_000, 500_000_000_000), largest.Amount);
        Assert.Equal("stargate", largest.Target?.Slug);
    }

    [Fact]
    public async Task GetSummaryAsync_LargestDealDeleted_NextByHighFigure()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            db.Remove(await db.Deals.SingleAsync(d => d.Title == "Stargate AI data-center project", TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var largest = (await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken)).LargestDeal;

        // The "more than $40B" partnership, a wider deal, is still a deal: its figure beats the $15–25B equity.
        Assert.Equal("SoftBank–OpenAI AI partnership", largest?.Title);
    }

    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_LatestValuationIsOpenAiAt157Billion()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var latest = (await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken)).LatestValuation;

        Assert.NotNull(latest);
        Assert.Equal(new OrganizationRef("OpenAI", "openai"), latest.Organization);
        Assert.Equal(157_000_000_000, latest.Amount);
        Assert.Equal(PartialDate.Month(2024, 10), latest.AsOf);
        Assert.Equal("Oct 2024", latest.AsOf.ToString());
        Assert.Equal(ValuationKind.PostMoney, latest.Kind);
    }

    [Fact]
    public async Task GetSummaryAsync_NewerValuationAdded_ShowsTheNewerOne()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            var nvidia = await db.Organizations.SingleAsync(o => o.Slug == "nvidia", TestContext.Current.CancellationToken);
            db.Valuations.Add(new Valuation { OrganizationId = nvidia.Id, AsOfDate = PartialDate.Day(2025, 1, 27), Amount = 2_900_000_000_000, Kind = ValuationKind.MarketCap });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var latest = (await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken)).LatestValuation;

        Assert.Equal("nvidia", latest?.Organization.Slug);
        Assert.Equal("27 Jan 2025", latest?.AsOf.ToString());
    }

    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_CountsOrganizationsTakingPartInDeals()
    {
        var participants = _deals.SelectMany(d => d["participants"]!.AsArray()).Select(p => p.Text("organization")).Distinct().ToList();
        await using var database = await TestDatabase.CreateSeededAsync();

        var summary = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.Equal(participants.Count, summary.InvestorCount);
        Assert.Equal(3, summary.InvestorCount);
    }

    [Fact]
    public async Task GetSummaryAsync_OnlyDealOfAnInvestorDeleted_NoLongerCountsIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            db.Remove(await db.Deals.SingleAsync(d => d.Title == "Microsoft backing of OpenAI", TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var summary = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, summary.InvestorCount);
    }

    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_CapitalByInvestorCountsEachDollarOnce()
    {
        var commitments = _deals.SelectMany(d => d["participants"]!.AsArray()).Count(p => p.Text("organization") == "softbank");
        await using var database = await TestDatabase.CreateSeededAsync();

        var investors = (await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken)).CapitalByInvestor;

        // SoftBank: $15B–$25B into OpenAI, $15B into Stargate, $16B into WeWork, and of the partnership's "more than $40B"
        // what it says beyond those two parts ($10B low, 0 high); its undisclosed share of Stargate adds nothing.
        var softBank = Assert.Single(investors);
        Assert.Equal(new OrganizationRef("SoftBank Group", "softbank"), softBank.Investor);
        Assert.Equal((56 * Billion, 56 * Billion), (softBank.Low, softBank.High));
        Assert.Equal(commitments, softBank.Deals);
    }

    [Fact]
    public async Task GetSummaryAsync_ManyInvestors_ShowsTheTopByHighFigure()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            var target = await db.Organizations.SingleAsync(o => o.Slug == "openai", TestContext.Current.CancellationToken);
            for (var i = 1; i <= DashboardQueries.TopInvestors + 2; i++)
            {
                var investor = new Organization { Name = $"Fund {i}", Slug = $"fund-{i}", Type = OrganizationType.VentureFund };
                db.Deals.Add(new Deal
                {
                    Title = $"Fund {i} round",
                    Kind = DealKind.EquityInvestment,
                    Status = DealStatus.Completed,
                    TargetId = target.Id,
                    Amount = AmountRange.Exact(i * 1_000_000_000L),
                    Participants = [new DealParticipant { Organization = investor, Role = ParticipantRole.Lead, Commitment = AmountRange.Exact(i * 1_000_000_000L) }],
                });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var investors = (await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken)).CapitalByInvestor;

        Assert.Equal(DashboardQueries.TopInvestors, investors.Count);
        Assert.Equal("softbank", investors[0].Investor.Slug);
        Assert.Equal(investors.OrderByDescending(i => i.High).Select(i => i.High), investors.Select(i => i.High));
        Assert.DoesNotContain(investors, i => i.Investor.Slug is "fund-1" or "fund-2" or "fund-3");
    }

    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_ActivityByMonthEndsAtTheLatestMonth()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var activity = (await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken)).Activity;

        Assert.Equal(DashboardQueries.TimelineMonths, activity.Months.Count);
        Assert.Equal(new DateOnly(2024, 2, 1), activity.Months[0].Month);
        Assert.Equal(new MonthActivity(new DateOnly(2025, 1, 1), 4, 4), activity.Months[^1]);
        Assert.Equal(new MonthActivity(new DateOnly(2024, 12, 1), 0, 1), activity.Months[^2]);
        // The 2017 and 2019 deals are dated only to the year: they are in the totals, in no month.
        Assert.Equal((6, 5), (activity.TotalDeals, activity.TotalEvents));
        Assert.Equal((4, 5), (activity.DealsShown, activity.EventsShown));
    }

    [Fact]
    public async Task GetSummaryAsync_EmptyDatabase_HasNoFiguresToShow()
    {
        await using var database = await TestDatabase.CreateAsync();

        var summary = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.Empty(summary.ByStatus);
        Assert.Empty(summary.ByKind);
        Assert.Null(summary.LargestDeal);
        Assert.Null(summary.LatestValuation);
        Assert.Equal(0, summary.InvestorCount);
        Assert.Empty(summary.CapitalByInvestor);
        Assert.Empty(summary.Activity.Months);
    }

    /// <summary>Deals that are no other deal's parent.</summary>
    private const long Billion = 1_000_000_000;

    private static (long Low, long High) Sum(IEnumerable<JsonObject> deals) => deals.Aggregate(
        (Low: 0L, High: 0L),
        (total, deal) =>
        {
            var low = deal["amount"].Long("low");
            var high = deal["amount"].Long("high");
            return (total.Low + (low ?? 0), total.High + (high ?? low ?? 0));
        });
}
