using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Plans;

/// <summary>
/// On 20,000 generated deals: the page of an investor in many deals walks the sort's index and probes each deal's
/// participations, as an unfiltered page walks it, and pages exactly as sorting all its deals would; an investor in few
/// deals still starts from its participations.
/// </summary>
[Collection(nameof(GeneratedDatabase))]
public sealed class DealBusyInvestorPlanTests(GeneratedDatabase generated)
{
    private const int Pages = 4;

    [Theory]
    [MemberData(nameof(Sorts))]
    [SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN); the same pages on PostgreSQL are checked by the test after this one")]
    public async Task SearchAsync_InvestorInManyDeals_WalksTheSortsIndexProbingTheParticipations(DealSortField sort, bool descending)
    {
        var busiest = await BusiestAsync();
        var walking = Record();

        await KeysetPages.IdsAsync(walking.Service, new DealFilter { Investors = [busiest], Sort = sort, Descending = descending }, Pages);

        // A page after a cursor may take more than one command: the rest of the cursor's key, then the keys after it.
        var pages = walking.Commands.Where(sql => sql.Contains("\"Deals\" AS d", StringComparison.Ordinal) && sql.Contains("ORDER BY", StringComparison.Ordinal)).ToList();
        Assert.InRange(pages.Count, Pages, Pages * 3);
        foreach (var sql in pages)
        {
            var plan = (await QueryPlans.ExplainAsync(generated.Database.ConnectionString, sql)).ToList();
            var described = $"{sort}: {string.Join(" | ", plan)}\n{sql}";
            var deals = plan.FindIndex(step => step.StartsWith("SEARCH d USING ", StringComparison.Ordinal) && step.Contains("IX_Deals_DeletedAt_", StringComparison.Ordinal));
            var participants = plan.FindIndex(step => step.Contains("IX_DealParticipants_OrganizationId_DealId_DeletedAt (OrganizationId=? AND DealId=?", StringComparison.Ordinal));
            Assert.True(deals >= 0 && participants > deals, described);
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task SearchAsync_InvestorInManyDeals_PagesAsSortingAllItsDealsWould(DealSortField sort, bool descending)
    {
        var busiest = await BusiestAsync();

        var walked = await KeysetPages.IdsAsync(Record().Service, new DealFilter { Investors = [busiest], Sort = sort, Descending = descending }, Pages);

        // The same investor with every kind of deal: the same deals, found from the participations and sorted.
        var sorted = await KeysetPages.IdsAsync(Record().Service, new DealFilter { Investors = [busiest], Kinds = [.. Enum.GetValues<DealKind>()], Sort = sort, Descending = descending }, Pages);
        Assert.Equal(Pages * 25, walked.Count);
        Assert.Equal(sorted, walked);
    }

    public static TheoryData<DealSortField, bool> Sorts => new()
    {
        { DealSortField.Announced, true },
        { DealSortField.Announced, false },
        { DealSortField.Amount, true },
        { DealSortField.Title, false },
        { DealSortField.Investors, false },
        { DealSortField.Status, true },
    };

    [Fact]
    [SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN)")]
    public async Task SearchAsync_InvestorInFewDeals_SortsTheDealsFoundFromItsParticipations()
    {
        var (few, participations) = (await InvestorsAsync()).Last(i => i.Participations >= 5);
        var recording = Record();

        var page = await recording.Service.SearchAsync(new DealFilter { Investors = [few] }, new DealPageRequest(), TestContext.Current.CancellationToken);

        Assert.NotEmpty(page.Items);
        var sql = recording.Commands.Single(text => text.Contains("\"Deals\" AS d", StringComparison.Ordinal) && text.Contains("ORDER BY", StringComparison.Ordinal));
        var plan = (await QueryPlans.ExplainAsync(generated.Database.ConnectionString, sql)).ToList();
        var described = $"{few} ({participations}): {string.Join(" | ", plan)}";
        Assert.Contains(plan, step => step.StartsWith("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("IX_Deals_DeletedAt_", StringComparison.Ordinal));
        Assert.True(plan.FindIndex(step => step.Contains("(OrganizationId=?)", StringComparison.Ordinal)) >= 0, described);
    }

    // The investor in the most deals, with enough participations for its page to walk the sort's index.
    private async Task<string> BusiestAsync()
    {
        var (busiest, participations) = (await InvestorsAsync())[0];
        Assert.True(participations >= DealListReader.MinimumParticipationsToWalk, $"{busiest} takes part {participations} times");
        return busiest;
    }

    private RecordingDeals Record() => new(new DatabaseSettings(generated.Database.Provider, generated.Database.ConnectionString));

    // Each investor's slug and live participations, the most first.
    private async Task<List<(string Slug, int Participations)>> InvestorsAsync()
    {
        await using var db = await generated.Database.CreateContextAsync();
        var investors = await db.DealParticipants.AsNoTracking()
            .Where(p => p.DeletedAt == null)
            .GroupBy(p => p.Organization!.Slug)
            .Select(g => new { Slug = g.Key, Participations = g.Count() })
            .OrderByDescending(g => g.Participations)
            .ToListAsync(TestContext.Current.CancellationToken);
        return [.. investors.Select(i => (i.Slug, i.Participations))];
    }
}
