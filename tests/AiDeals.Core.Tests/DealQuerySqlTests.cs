using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>
/// The deal list's filtering, sorting, counting and paging happen in SQL, not in memory: the generated SQL says so,
/// EF raises no warning, and SQLite can use an index for the filters and sorts that can use one.
/// </summary>
public sealed class DealQuerySqlTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    private static readonly DealFilter Everything = new()
    {
        Investors = ["s42-org-1", "s42-org-2"],
        Targets = ["s42-org-3"],
        Statuses = [DealStatus.InTalks],
        Kinds = [DealKind.EquityInvestment],
        AnnouncedFrom = new DateOnly(2020, 2, 15),
        AnnouncedTo = new DateOnly(2024, 11, 30),
        MinAmount = 10_000_000,
        MaxAmount = 90_000_000_000,
        Text = "Equity 5%",
        Sort = DealSortField.Amount,
        Descending = true,
    };

    [Fact]
    [SqliteOnly("Reads the text of SQLite's SQL (its parameter lines, the FTS5 MATCH); on PostgreSQL the same filters run in SQL in "
        + "SearchAsync_EveryFilter_CountsThenReadsThePageWithItsInvestorsInTwoCommandsWithNoWarning and match LINQ in DealFilterSyntheticTests")]
    public async Task Query_EveryFilter_TranslatesEachIntoTheWhereClauseAndTheSortIntoOrderBy()
    {
        var recording = synthetic.Record();
        await using var db = await recording.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);

        var sql = DealFiltering.Query(db, Everything).ToQueryString();

        // ToQueryString lists the parameters' values first (".param set @name value"), then the command. The deals' own
        // conditions are in the query over the deals ("d0"), joined to the investors' deals ("s0") by id.
        var where = sql[sql.IndexOf("WHERE \"d0\".", StringComparison.Ordinal)..sql.LastIndexOf(") AS \"s1\"", StringComparison.Ordinal)];
        Assert.Contains("\"d0\".\"DeletedAt\" IS NULL", where, StringComparison.Ordinal);
        Assert.Matches(@"SELECT DISTINCT ""d""\.""DealId""\s+FROM ""DealParticipants""[\s\S]+""Slug"" IN \(@\w+, @\w+\)\s+\) AS ""s0""\s+CROSS JOIN", sql);
        Assert.Matches(@"""o\d""\.""Slug"" = @\w+", where);
        Assert.Contains("WHERE \"s1\".\"Id\" = \"s0\".\"DealId\"", sql, StringComparison.Ordinal);
        Assert.Matches(@"""d0""\.""Status"" = @\w+", where);
        Assert.Matches(@"""d0""\.""Kind"" = @\w+", where);
        Assert.Matches(@"""d0""\.""AnnouncedOn"" >= @\w+ AND \(""d0""\.""AnnouncedOn"" >= @\w+ OR ""d0""\.""AnnouncedPrecision"" = 'Year'", where);
        Assert.Matches(@"""d0""\.""AnnouncedPrecision"" = 'Quarter' AND ""d0""\.""AnnouncedOn"" >= @\w+", where);
        Assert.Matches(@"""d0""\.""AnnouncedOn"" <= @\w+", where);
        Assert.Matches(@"COALESCE\(""d0""\.""AmountHigh"", ""d0""\.""AmountLow""\) >= @\w+", where);
        Assert.Matches(@"COALESCE\(""d0""\.""AmountLow"", ""d0""\.""AmountHigh""\) <= @\w+", where);
        // Free text: the deals the FTS5 index finds for both words, each a quoted prefix.
        Assert.Matches(@"""d0""\.""Id"" IN \(\s+SELECT ""s""\.""Value""\s+FROM \(\s+SELECT rowid AS ""Value"" FROM ""DealSearch"" WHERE ""DealSearch"" MATCH @\w+", where);
        foreach (var value in new[] { "'s42-org-1'", "'s42-org-2'", "'s42-org-3'", "'InTalks'", "'EquityInvestment'", "'2020-01-01'", "'2020-02-15'", "'2024-11-30'", "10000000", "90000000000", "'\"Equity\"* \"5%\"*'" })
        {
            Assert.Contains(" " + value + "\n", sql, StringComparison.Ordinal);
        }

        Assert.EndsWith("ORDER BY COALESCE(\"s1\".\"AmountHigh\", \"s1\".\"AmountLow\") DESC, \"s1\".\"Id\" DESC", sql.TrimEnd(), StringComparison.Ordinal);
        Assert.Empty(recording.Warnings);
    }

    [Fact]
    public async Task SearchAsync_EveryFilter_CountsThenReadsThePageWithItsInvestorsInTwoCommandsWithNoWarning()
    {
        // Every filter, narrowed around one deal with a disclosed amount, so that the page has a row and its investors.
        var deal = synthetic.Deals.First(d => d.Participants.Count > 0 && d.AmountLow is not null && d.Kind == DealKind.EquityInvestment);
        var filter = new DealFilter
        {
            Investors = [deal.Participants[0].Organization!.Slug, "s42-org-2"],
            Targets = [deal.Target!.Slug],
            Statuses = [deal.Status],
            Kinds = [deal.Kind],
            AnnouncedFrom = deal.AnnouncedOn,
            AnnouncedTo = deal.AnnouncedOn,
            MinAmount = deal.AmountLow,
            MaxAmount = deal.AmountLow,
            Text = "equity",
            Sort = DealSortField.Amount,
        };
        var recording = synthetic.Record();

        var result = await recording.Service.SearchAsync(filter, new PageRequest(0, 10), TestContext.Current.CancellationToken);

        // The count, then the page (the keyset list's SQL from its offset) with the investors each row keeps.
        Assert.Equal(2, recording.Commands.Count);
        var count = recording.Commands[0];
        var page = recording.Commands[1];
        var postgreSql = synthetic.Database.Provider == DatabaseProvider.PostgreSql;
        Assert.StartsWith("SELECT COUNT(*) FROM (SELECT 1 FROM", count.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("d.\"ListInvestors\"", page, StringComparison.Ordinal);
        foreach (var sql in recording.Commands.Take(2))
        {
            // The investors' deals first, each deal then read by its id; every other filter a condition on the deal.
            Assert.Matches(@"FROM \(SELECT DISTINCT p\.""DealId"" FROM ""DealParticipants"" AS p[\s\S]+""Slug"" IN \(@v\d+, @v\d+\)\) AS ids CROSS JOIN ""Deals"" AS d", sql);
            Assert.Contains("d.\"DeletedAt\" IS NULL", sql, StringComparison.Ordinal);
            Assert.Matches(@"d\.""TargetId"" IN \(SELECT o\.""Id"" FROM ""Organizations"" AS o WHERE [\s\S]+""Slug"" IN \(@v\d+\)\)", sql);
            Assert.Matches(@"d\.""Status"" IN \(@v\d+\)", sql);
            Assert.Matches(@"d\.""Kind"" IN \(@v\d+\)", sql);
            Assert.Matches(@"d\.""AnnouncedOn"" <= @v\d+", sql);
            Assert.Matches(@"COALESCE\(d\.""AmountHigh"", d\.""AmountLow""\) >= @v\d+", sql);
            Assert.Matches(@"COALESCE\(d\.""AmountLow"", d\.""AmountHigh""\) <= @v\d+", sql);
            // The free-text index: FTS5's MATCH on SQLite (a word of letters and digits with the longer words it starts, from
            // the index's vocabulary), the tsvector's @@ on PostgreSQL.
            Assert.Matches(postgreSql ? @"FROM ""DealSearch"" WHERE ""Document"" @@" : @"FROM ""DealSearch"" WHERE ""DealSearch"" MATCH \(SELECT CASE [\s\S]+ FROM ""DealSearchTerms"" WHERE term >= @v\d+", sql);
        }

        // On PostgreSQL the deals without an amount are told where NULL goes (it sorts the other way there). The deals an
        // investor's participations find are sorted by their keys in a subquery; the page's rows are read whole after it.
        Assert.Matches(postgreSql ? @"ORDER BY [\s\S]*""AmountHigh""[\s\S]* DESC NULLS LAST, d\.""Id"" DESC LIMIT 11\) AS page " : @"ORDER BY [\s\S]*""AmountHigh""[\s\S]* DESC, d\.""Id"" DESC LIMIT 11\) AS page ", page);
        Assert.Empty(recording.Warnings);
        Assert.Contains(result.Items, d => d.Id == deal.Id);
        Assert.Equal(result.Items.Count, result.TotalCount);
    }

    [Theory]
    [InlineData(DealSortField.Announced)]
    [InlineData(DealSortField.Title)]
    [InlineData(DealSortField.Target)]
    [InlineData(DealSortField.Investors)]
    [InlineData(DealSortField.Kind)]
    [InlineData(DealSortField.Status)]
    [InlineData(DealSortField.Amount)]
    public async Task SearchAsync_EachSort_OrdersInSqlWithoutWarnings(DealSortField sort)
    {
        var recording = synthetic.Record();

        await recording.Service.SearchAsync(new DealFilter { Sort = sort }, new PageRequest(0, 25), TestContext.Current.CancellationToken);

        var page = recording.Commands[1];
        Assert.Matches(@"ORDER BY [\s\S]+ DESC( NULLS LAST)?, ""?\w+""?\.""Id""", page);
        Assert.Empty(recording.Warnings);
    }

    [Fact]
    public async Task ExportAsync_TwoThousandDeals_RunsAFewCommandsABatchWhateverItsRowCount()
    {
        var recording = synthetic.Record();

        var rows = 0;
        await foreach (var row in recording.Service.ExportAsync(new DealFilter(), TestContext.Current.CancellationToken))
        {
            rows++;
        }

        Assert.Equal(SyntheticDeals.DealCount, rows);
        // The deals in one read; then batches of 250, 500, 1,000 and the last 250 (the first small, each next twice the
        // size), each reading its participants, its citations, the names of its organizations and its sources' URLs,
        // and the amounts of the participations that give one when it has any: a few commands a batch, none a row.
        var batches = recording.Commands.Count(sql => sql.Contains("FROM \"Citations\" AS c", StringComparison.Ordinal));
        Assert.Equal(4, batches);
        Assert.InRange(recording.Commands.Count, 1 + (batches * 4), 1 + (batches * 5));
        Assert.Empty(recording.Warnings);
    }

    [Theory]
    [SqliteOnly("Asks SQLite's planner (EXPLAIN QUERY PLAN) about the LINQ query's indexes; the PostgreSQL plans of the deal list's "
        + "sorts and filters are checked in Plans/DealListPlanPostgreSqlTests")]
    [InlineData("newest first", "IX_Deals_DeletedAt_AnnouncedOn")]
    [InlineData("largest first", "IX_Deals_DeletedAt_AmountHighOrLow")]
    [InlineData("by title", "IX_Deals_DeletedAt_Title")]
    [InlineData("count at least", "IX_Deals_DeletedAt_AmountHighOrLow")]
    [InlineData("count at most", "IX_Deals_DeletedAt_AmountLowOrHigh")]
    [InlineData("count from", "IX_Deals_DeletedAt_AnnouncedOn")]
    [InlineData("count status", "IX_Deals_DeletedAt_Status")]
    [InlineData("count kind", "IX_Deals_DeletedAt_Kind")]
    public async Task QueryPlan_FilterOrSortOnAnIndexedKey_UsesTheIndexAndSortsNoMoreThanTies(string what, string index)
    {
        await using var db = await synthetic.Database.CreateContextAsync();
        IQueryable<Deal> Sorted(DealFilter filter) => DealFiltering.Query(db, filter).Take(25);
        IQueryable<Deal> Filtered(DealFilter filter) => DealFiltering.Filter(db, filter);
        var query = what switch
        {
            "newest first" => Sorted(new DealFilter()),
            "largest first" => Sorted(new DealFilter { Sort = DealSortField.Amount }),
            "by title" => Sorted(new DealFilter { Sort = DealSortField.Title, Descending = false }),
            "count at least" => Filtered(new DealFilter { MinAmount = 10_000_000_000 }),
            "count at most" => Filtered(new DealFilter { MaxAmount = 2_000_000 }),
            "count from" => Filtered(new DealFilter { AnnouncedFrom = new DateOnly(2024, 6, 1) }),
            "count status" => Filtered(new DealFilter { Statuses = [DealStatus.Rumored] }),
            _ => Filtered(new DealFilter { Kinds = [DealKind.Grant] }),
        };

        // The command EF would run, with its parameters, asked for its plan instead of its rows.
        await using var command = query.Select(d => d.Id).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                plan.Add(reader.GetString(3));
            }
        }

        var described = $"{what}: {string.Join(" | ", plan)}";
        Assert.True(plan.Any(step => step.Contains("USING INDEX " + index, StringComparison.Ordinal) || step.Contains("USING COVERING INDEX " + index, StringComparison.Ordinal)), described);
        Assert.False(plan.Contains("USE TEMP B-TREE FOR ORDER BY"), described);
    }
}
