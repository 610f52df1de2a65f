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

    [Fact]
    public async Task ExportAsync_InvestorsOfEveryDeal_LeadFirstThenByNameAsTheDealListOrdersThem()
    {
        var expected = synthetic.Deals.ToDictionary(d => d.Id, d => d.Participants
            .Where(p => p.DeletedAt is null && p.Organization!.DeletedAt is null)
            .OrderBy(p => p.Role switch { ParticipantRole.Lead => 0, ParticipantRole.CoInvestor => 1, ParticipantRole.Backer => 2, _ => 3 })
            .ThenBy(p => p.Organization!.Name, StringComparer.Ordinal)
            .Select(p => p.Organization!.Name)
            .ToList());

        var rows = await ToListAsync(synthetic.Database.Deals.ExportAsync(new DealFilter(), TestContext.Current.CancellationToken));

        Assert.Contains(rows, r => r.Investors.Count >= 3);
        Assert.All(rows, r => Assert.Equal(expected[r.Id], r.Investors));
    }

    [Fact]
    public async Task ExportAsync_SmallBatches_WriteTheSameRowsAsOneBatch()
    {
        // 2,000 deals in batches of 7: the deals at each batch's edge keep their own investors, sources and commitments.
        var batched = new DealQueries(synthetic.Database.Contexts) { ExportBatchSize = 7 };
        var filter = new DealFilter { Sort = DealSortField.Amount, Descending = true };

        var whole = await ToListAsync(synthetic.Database.Deals.ExportAsync(filter, TestContext.Current.CancellationToken));
        var inBatches = await ToListAsync(batched.ExportAsync(filter, TestContext.Current.CancellationToken));

        Assert.Equal(SyntheticDeals.DealCount, whole.Count);
        Assert.Equal(whole.Select(Describe), inBatches.Select(Describe));
        Assert.Contains(whole, r => r.Commitments.Count > 0);
    }

    [Fact]
    public async Task ExportAsync_LongExport_FirstRowsWaitForTheirOwnNamesOnlyAndEveryNameIsReadAtMostOnce()
    {
        // Batches of 300 (the first 250): the export is long, but its first rows come before every name is read.
        var recording = synthetic.Record(exportBatchSize: 300);
        var cancel = TestContext.Current.CancellationToken;
        await using var rows = recording.Service.ExportAsync(new DealFilter(), cancel).GetAsyncEnumerator(cancel);

        Assert.True(await rows.MoveNextAsync());
        var beforeFirstRow = NameReads(recording.Commands);
        var count = 1;
        while (await rows.MoveNextAsync())
        {
            count++;
        }

        Assert.Equal(SyntheticDeals.DealCount, count);
        Assert.Contains(beforeFirstRow, sql => sql.Contains("FROM \"Organizations\"", StringComparison.Ordinal));
        Assert.All(beforeFirstRow, sql => Assert.Contains("\"Id\" IN (", sql, StringComparison.Ordinal));
        Assert.InRange(NameReads(recording.Commands).Count(sql => sql.Contains("FROM \"Organizations\"", StringComparison.Ordinal) && !sql.Contains("\"Id\" IN (", StringComparison.Ordinal)), 0, 1);
    }

    [Fact]
    public async Task ExportAsync_DeletedOrganization_IsLeftOutAsInvestorAndAsTarget()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            db.Remove(await db.Organizations.SingleAsync(o => o.Name == "OpenAI", TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var rows = await ToListAsync(database.Deals.ExportAsync(new DealFilter(), TestContext.Current.CancellationToken));

        Assert.Equal(["SoftBank Group"], rows.Single(r => r.Title == "Stargate AI data-center project").Investors);
        Assert.Null(rows.Single(r => r.Title == "SoftBank direct investment in OpenAI").Target);
        Assert.DoesNotContain(rows, r => r.Target == "OpenAI" || r.Investors.Contains("OpenAI"));
    }

    [Fact]
    public async Task ExportAsync_OrganizationAddedDuringTheExport_IsNamedInTheLaterRows()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var queries = new DealQueries(database.Contexts) { ExportBatchSize = 1 };
        var filter = new DealFilter { Sort = DealSortField.Title, Descending = false };
        await using var rows = queries.ExportAsync(filter, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.True(await rows.MoveNextAsync());

        string lastTitle;
        await using (var db = await database.CreateContextAsync())
        {
            var last = await db.Deals.OrderByDescending(d => d.Title).FirstAsync(TestContext.Current.CancellationToken);
            lastTitle = last.Title;
            var newcomer = new Organization { Name = "Newcomer Capital", Slug = "newcomer-capital" };
            last.Participants.Add(new DealParticipant { Organization = newcomer, Role = ParticipantRole.Lead });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var later = new List<DealExportRow>();
        while (await rows.MoveNextAsync())
        {
            later.Add(rows.Current);
        }

        Assert.Equal("Newcomer Capital", later.Single(r => r.Title == lastTitle).Investors[0]);
    }

    // The reads of organizations' names and sources' URLs.
    private static List<string> NameReads(IEnumerable<string> commands) =>
        [.. commands.Where(sql => sql.Contains("FROM \"Organizations\" AS o", StringComparison.Ordinal) || sql.Contains("FROM \"Sources\" AS s", StringComparison.Ordinal))];

    private static string Describe(DealExportRow row) => string.Join(
        " | ", row.Id, row.Target, string.Join(";", row.Investors), string.Join(" ", row.SourceUrls), string.Join(";", row.Commitments), row.AsReported);

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
