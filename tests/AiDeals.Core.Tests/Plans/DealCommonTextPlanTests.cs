using AiDeals.Core.Data;
using AiDeals.Core.Data.Search;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests.Plans;

/// <summary>
/// On 20,000 generated deals: the page of a text of whole words that many deals match walks the sort's index and probes
/// the free-text index for each deal, and pages exactly as sorting all its matches would; a text few deals match, or one
/// with a prefix, still starts from the matches.
/// </summary>
[Collection(nameof(GeneratedDatabase))]
public sealed class DealCommonTextPlanTests(GeneratedDatabase generated)
{
    private const int Pages = 4;

    // In a third of the generated deals' notes ("Generated deal for load and filter testing.").
    private const string Common = "generated deal";

    public static TheoryData<DealSortField, bool> Sorts => new()
    {
        { DealSortField.Announced, true },
        { DealSortField.Announced, false },
        { DealSortField.Amount, true },
        { DealSortField.Title, false },
        { DealSortField.Investors, false },
        { DealSortField.Target, true },
        { DealSortField.Status, true },
    };

    [Theory]
    [MemberData(nameof(Sorts))]
    [SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN, FTS5); the same pages on PostgreSQL are checked by the test after this one")]
    public async Task SearchAsync_TextManyDealsMatch_WalksTheSortsIndexProbingTheTextIndex(DealSortField sort, bool descending)
    {
        var walking = Record();

        await KeysetPages.IdsAsync(walking.Service, new DealFilter { Text = Common, Sort = sort, Descending = descending }, Pages);

        var pages = walking.Commands.Where(sql => sql.Contains("\"Deals\" AS d", StringComparison.Ordinal) && sql.Contains("ORDER BY", StringComparison.Ordinal)).ToList();
        Assert.InRange(pages.Count, Pages, Pages * 3);
        foreach (var sql in pages)
        {
            var plan = (await QueryPlans.ExplainAsync(generated.Database.ConnectionString, sql)).ToList();
            var described = $"{sort}: {string.Join(" | ", plan)}\n{sql}";
            var deals = plan.FindIndex(step => step.StartsWith("SEARCH d USING ", StringComparison.Ordinal) && step.Contains("IX_Deals_DeletedAt_", StringComparison.Ordinal));
            // FTS5's "=M": a search of the index for the row whose id it was given.
            var probe = plan.FindIndex(step => step.StartsWith("SCAN DealSearch EXISTS VIRTUAL TABLE INDEX 0:=M", StringComparison.Ordinal));
            Assert.True(deals >= 0 && probe > deals, described);
            Assert.Empty(QueryPlans.FullScans(plan));
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.Contains(DealSearchSql.Terms, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task SearchAsync_TextManyDealsMatch_PagesAsSortingAllItsMatchesWould(DealSortField sort, bool descending)
    {
        var walked = await KeysetPages.IdsAsync(Record().Service, new DealFilter { Text = Common, Sort = sort, Descending = descending }, Pages);

        // The same text with every kind of deal is not a text alone: its matches are found first and sorted.
        var sorted = await KeysetPages.IdsAsync(Record().Service, new DealFilter { Text = Common, Kinds = [.. Enum.GetValues<DealKind>()], Sort = sort, Descending = descending }, Pages);
        Assert.Equal(Pages * 25, walked.Count);
        Assert.Equal(sorted, walked);
    }

    [Theory]
    [InlineData("19999")]
    [InlineData("generated deal 1")]
    [SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN)")]
    public async Task SearchAsync_TextFewDealsMatchOrWithAPrefix_SortsTheMatches(string text)
    {
        // "19999" is in a few deals; "1" starts more longer words than the vocabulary is read for, so it is a prefix.
        var recording = Record();

        var page = await recording.Service.SearchAsync(new DealFilter { Text = text }, new DealPageRequest(), TestContext.Current.CancellationToken);

        Assert.NotEmpty(page.Items);
        var sql = recording.Commands.Single(command => command.Contains("\"Deals\" AS d", StringComparison.Ordinal) && command.Contains("ORDER BY", StringComparison.Ordinal));
        var plan = (await QueryPlans.ExplainAsync(generated.Database.ConnectionString, sql)).ToList();
        var described = $"{text}: {string.Join(" | ", plan)}";
        Assert.Contains(plan, step => step.StartsWith("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("IX_Deals_DeletedAt_", StringComparison.Ordinal));
        Assert.True(plan.FindIndex(step => step.StartsWith("SCAN DealSearch VIRTUAL TABLE INDEX 0:M", StringComparison.Ordinal)) >= 0, described);
    }

    private RecordingDeals Record() => new(new DatabaseSettings(generated.Database.Provider, generated.Database.ConnectionString));
}
