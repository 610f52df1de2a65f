using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.History;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Generation;

/// <summary>The app's own queries on 20,000 generated deals: the list, a busy investor's deals, the dashboard, the history.</summary>
[Collection(nameof(GeneratedDatabase))]
public sealed class SyntheticDataAppQueriesTests(GeneratedDatabase generated)
{
    [Fact]
    public async Task SearchAsync_FirstPage_ListsTwentyFiveOfEveryDeal()
    {
        var page = await generated.Database.Deals.SearchAsync(new DealFilter(), new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(GeneratedDatabase.DealCount, page.TotalCount);
        Assert.Equal(25, page.Items.Count);
        Assert.All(page.Items, d => Assert.NotNull(d.Target));
    }

    [Fact]
    public async Task SearchAsync_BusiestInvestor_ListsEveryDealItTakesPartIn()
    {
        await using var db = await generated.Database.CreateContextAsync();
        var busiest = await db.DealParticipants.AsNoTracking()
            .GroupBy(p => p.Organization!.Slug)
            .Select(g => new { Slug = g.Key, Deals = g.Select(p => p.DealId).Distinct().Count() })
            .OrderByDescending(g => g.Deals)
            .FirstAsync(TestContext.Current.CancellationToken);

        var page = await generated.Database.Deals.SearchAsync(
            new DealFilter { Investors = [busiest.Slug] }, new PageRequest(0, 100), TestContext.Current.CancellationToken);

        Assert.True(busiest.Deals > 200, $"the busiest investor has {busiest.Deals} deals");
        Assert.Equal(busiest.Deals, page.TotalCount);
        Assert.All(page.Items, d => Assert.Contains(d.Investors, i => i.Slug == busiest.Slug));
    }

    [Fact]
    public async Task GetSummaryAsync_GeneratedDeals_CountsEachDealOnceAndTheLeavesInFull()
    {
        var summary = await generated.Database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);
        const string Leaves = """FROM "Deals" d WHERE NOT EXISTS (SELECT 1 FROM "DealLinks" l WHERE l."WiderId" = d."Id")""";
        var leaves = await generated.ScalarAsync("SELECT COUNT(*) " + Leaves);
        var low = await generated.ScalarAsync("""SELECT SUM(COALESCE("AmountLow", 0)) """ + Leaves);

        Assert.Equal(GeneratedDatabase.DealCount, summary.DealCount);
        Assert.Equal(GeneratedDatabase.DealCount, summary.ByStatus.Sum(s => s.Count));
        Assert.Equal(GeneratedDatabase.DealCount, summary.ByKind.Sum(k => k.Count));
        // Deals with parts whose rest equals their own figure (parts of no disclosed amount) count in full too.
        Assert.Equal(GeneratedDatabase.DealCount - summary.Capital.WiderDeals, summary.Capital.LeafDeals);
        Assert.InRange(summary.Capital.LeafDeals, leaves, GeneratedDatabase.DealCount - 1);
        Assert.True(leaves < GeneratedDatabase.DealCount, "some deals are wider deals of others");
        Assert.InRange(summary.Capital.Low, low + summary.Capital.UnattributedLow, long.MaxValue);
        Assert.Equal((await new DashboardRecount(generated.Database.Contexts).GetSummaryAsync(TestContext.Current.CancellationToken)).Capital, summary.Capital);
        Assert.InRange(summary.Capital.UndisclosedDeals, 1, leaves - 1);
        Assert.NotNull(summary.LargestDeal);
        Assert.NotNull(summary.LatestValuation);
    }

    [Fact]
    public async Task GetDetailAsync_GeneratedDealWithAValuation_ShowsItsPartsAndItsTargetsProfile()
    {
        await using var db = await generated.Database.CreateContextAsync();
        var valuation = await db.Valuations.AsNoTracking().OrderBy(v => v.Id).FirstAsync(TestContext.Current.CancellationToken);

        var detail = await generated.Database.DealDetails.GetDetailAsync(valuation.DealId!.Value, TestContext.Current.CancellationToken);
        var profile = await new Features.Organizations.OrganizationProfileQueries(generated.Database.Contexts)
            .GetProfileAsync(detail!.Target!.Slug, TestContext.Current.CancellationToken);

        Assert.InRange(detail.Participants.Count, 1, 4);
        Assert.NotEmpty(detail.Citations);
        Assert.Contains(detail.Valuations, v => v.Id == valuation.Id && v.Amount == valuation.Amount);
        Assert.NotNull(profile);
    }

    [Fact]
    public async Task SearchAsync_History_ShowsTheRunAsOneEntryBySyntheticNamingWhatItWrote()
    {
        var history = new HistorySearch(generated.Database.Contexts);

        var entries = await history.SearchAsync(new HistoryFilter(), new PageRequest(), TestContext.Current.CancellationToken);

        var entry = Assert.Single(entries.Items);
        Assert.Equal(SyntheticDataGenerator.User, entry.Change.User);
        Assert.Equal("Source", entry.Change.EntityType);
        Assert.Contains("Generated 20,000 deals, 1,000 organizations", entry.Change.Reason, StringComparison.Ordinal);
        Assert.Contains(entry.Change.Fields, f => f.Field == "Title" && f.Old is null && f.New!.Contains("AI deals report", StringComparison.Ordinal));
    }
}
