using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

public class MarketEventQueriesTests
{
    private const string NvidiaDrop = "Nvidia loses nearly $589 billion of market value in a day";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_Default_ListsEveryEventLatestFirst()
    {
        var expected = SeedData.ReadDealBook().Objects("marketEvents")
            .OrderByDescending(e => PartialDate.Parse(e.Text("date")).Date)
            .Select(e => e.Text("title"))
            .ToList();
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await Events(database).ListAsync(new MarketEventQuery(), new PageRequest(), Token);

        Assert.Equal(5, result.TotalCount);
        Assert.Equal(expected.Count, result.TotalCount);
        Assert.Equal(result.Items.OrderByDescending(e => e.Occurred.Date).Select(e => e.Title), result.Items.Select(e => e.Title));
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Items.Select(e => e.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_NvidiaDrop_HasASignedAmountAndItsOrganizationsByName()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await Events(database).ListAsync(new MarketEventQuery(), new PageRequest(), Token);

        var drop = Assert.Single(result.Items, e => e.Title == NvidiaDrop);
        Assert.Equal(-589_000_000_000, drop.Amount);
        Assert.Equal("-$589B", AmountRange.Format(drop.Amount!.Value));
        Assert.Equal(PartialDate.Day(2025, 1, 27), drop.Occurred);
        Assert.Equal([new OrganizationRef("DeepSeek", "deepseek"), new OrganizationRef("Nvidia", "nvidia")], drop.Organizations);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ListAsync_ByAmount_EventsWithoutAFigureComeLast(bool descending)
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await Events(database).ListAsync(new MarketEventQuery(MarketEventSortField.Amount, descending), new PageRequest(), Token);

        Assert.Equal(NvidiaDrop, result.Items[0].Title);
        Assert.All(result.Items.Skip(1), e => Assert.Null(e.Amount));
    }

    [Fact]
    public async Task ListAsync_ByTitle_SortsAlphabeticallyAndPages()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var first = await Events(database).ListAsync(new MarketEventQuery(MarketEventSortField.Title, Descending: false), new PageRequest(0, 2), Token);
        var second = await Events(database).ListAsync(new MarketEventQuery(MarketEventSortField.Title, Descending: false), new PageRequest(1, 2), Token);

        var titles = first.Items.Concat(second.Items).Select(e => e.Title).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Equal(titles.Order(StringComparer.Ordinal), titles);
        Assert.Equal(5, second.TotalCount);
    }

    private static MarketEventQueries Events(TestDatabase database) => new(database.Contexts);
}
