using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

public sealed class DealExportTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    [Fact]
    public async Task ExportAsync_ArticleDealBook_ReturnsEveryFilteredDealInTheListsOrderWithItsFigures()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var filter = new DealFilter { Investors = ["softbank"], Sort = DealSortField.Amount, Descending = true };

        var rows = await ToListAsync(database.Deals.ExportAsync(filter, TestContext.Current.CancellationToken));
        var listed = await database.Deals.SearchAsync(filter, new PageRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(listed.Items.Select(d => d.Id), rows.Select(r => r.Id));
        var equity = rows.Single(r => r.Title == "SoftBank direct investment in OpenAI");
        Assert.Equal("OpenAI", equity.Target);
        Assert.Equal(["SoftBank Group"], equity.Investors);
        Assert.Equal(DealKind.EquityInvestment, equity.Kind);
        Assert.Equal(DealStatus.InTalks, equity.Status);
        Assert.Equal(AmountRange.Between(15_000_000_000, 25_000_000_000), equity.Amount);
        Assert.Equal(PartialDate.Month(2025, 1), equity.Announced);
        Assert.Equal(["OpenAI", "SoftBank Group"], rows.Single(r => r.Title == "Stargate AI data-center project").Investors);
        // The article has no URL: the deal book cites it by title only.
        Assert.All(rows, r => Assert.Empty(r.SourceUrls));
    }

    [Fact]
    public async Task ExportAsync_DealsCitingSources_ListEachSourceUrlOnceOldestFirst()
    {
        var expected = synthetic.Deals
            .Where(d => d.Citations.Any(c => c.Source!.Url is not null))
            .ToDictionary(d => d.Id, d => d.Citations.Select(c => c.Source!).Where(s => s.Url is not null)
                .OrderBy(s => s.PublishedOn).ThenBy(s => s.Id).Select(s => s.Url!).Distinct().ToList());

        var rows = await ToListAsync(synthetic.Database.Deals.ExportAsync(new DealFilter(), TestContext.Current.CancellationToken));

        Assert.True(expected.Count > 100);
        Assert.Contains(expected.Values, urls => urls.Count == 2);
        Assert.All(rows, r => Assert.Equal(expected.GetValueOrDefault(r.Id) ?? [], r.SourceUrls));
    }

    [Fact]
    public async Task ExportAsync_DeletedDeal_IsLeftOut()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            db.Remove(await db.Deals.SingleAsync(d => d.Title == "SoftBank investment in WeWork", TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var rows = await ToListAsync(database.Deals.ExportAsync(new DealFilter(), TestContext.Current.CancellationToken));

        Assert.Equal(5, rows.Count);
        Assert.DoesNotContain(rows, r => r.Title == "SoftBank investment in WeWork");
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
