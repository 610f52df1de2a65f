using System.Text.Json;
using AiDeals.Core.Data.Search;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests.Plans;

/// <summary>
/// The PostgreSQL twin of <see cref="DealSortPlanTests"/> and <see cref="DealTextPlanTests"/>: the deal list's commands
/// planned by PostgreSQL (<c>EXPLAIN (FORMAT JSON)</c>) in a session that makes a sequential scan and a sort cost more
/// than anything else (<c>enable_seqscan</c>, <c>enable_sort</c> off). At 2,000 deals the planner would rightly read the
/// table whole; so what is checked is that an index can give each sort's order and the text's matches: a plan that still
/// scans "Deals" or sorts its rows means no index of the PostgreSQL schema fits the query, which at a million deals is a
/// sort of the whole table.
/// </summary>
[PostgreSqlOnly(DealListPlanPostgreSqlTests.OnlyOnPostgreSql)]
public sealed class DealListPlanPostgreSqlTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    internal const string OnlyOnPostgreSql = "The PostgreSQL run's plan checks; SQLite's planner is checked by DealSortPlanTests and DealTextPlanTests";

    public static bool PostgreSql => TestDatabase.OnPostgreSql;

    [Theory(Skip = OnlyOnPostgreSql, SkipUnless = nameof(PostgreSql))]
    [MemberData(nameof(DealSortPlanTests.Sorts), MemberType = typeof(DealSortPlanTests))]
    public async Task SearchAsync_FirstPageOfEachSort_ReadsDealsInTheOrderOfAnIndex(DealSortField sort, bool descending)
    {
        var recording = synthetic.Record();

        var page = await recording.Service.SearchAsync(new DealFilter { Sort = sort, Descending = descending }, new DealPageRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(25, page.Items.Count);
        // The page's rows carry their investors (kept on the deal's row): every command is the page's own.
        var pageCommands = recording.Commands.ToList();
        Assert.NotEmpty(pageCommands);
        foreach (var sql in pageCommands)
        {
            var nodes = await PlanAsync(sql);
            var described = $"{sort} {(descending ? "desc" : "asc")}: {string.Join(" | ", nodes.Select(n => n.ToString()))}\n{sql}";
            Assert.True(nodes.Any(n => n.IsIndexScan && n.Index.StartsWith("IX_Deals_", StringComparison.Ordinal)), described);
            Assert.False(nodes.Any(n => n.Type == "Seq Scan" && n.Relation == "Deals"), described);
            Assert.False(nodes.Any(n => n.Type is "Sort" or "Incremental Sort"), described);
        }
    }

    [Fact(Skip = OnlyOnPostgreSql, SkipUnless = nameof(PostgreSql))]
    public async Task TextSearch_MatchingCondition_ReadsTheGinIndex()
    {
        var nodes = await PlanAsync(DealSearchSqlPostgreSql.Matching("'equity:*'"));

        var described = string.Join(" | ", nodes.Select(n => n.ToString()));
        Assert.True(nodes.Any(n => n.Index == "IX_DealSearch_Document"), described);
        Assert.False(nodes.Any(n => n.Type == "Seq Scan"), described);
    }

    private async Task<List<PlanNode>> PlanAsync(string sql)
    {
        await using var connection = await synthetic.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SET enable_seqscan = off; SET enable_sort = off; EXPLAIN (FORMAT JSON) " + sql;
        var json = (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        using var document = JsonDocument.Parse(json);
        var nodes = new List<PlanNode>();
        Walk(document.RootElement[0].GetProperty("Plan"), nodes);
        return nodes;
    }

    private static void Walk(JsonElement node, List<PlanNode> nodes)
    {
        nodes.Add(new PlanNode(
            node.GetProperty("Node Type").GetString()!,
            node.TryGetProperty("Relation Name", out var relation) ? relation.GetString()! : string.Empty,
            node.TryGetProperty("Index Name", out var index) ? index.GetString()! : string.Empty));
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, nodes);
            }
        }
    }

    private sealed record PlanNode(string Type, string Relation, string Index)
    {
        public bool IsIndexScan => Type is "Index Scan" or "Index Only Scan" or "Bitmap Index Scan";

        public override string ToString() => $"{Type} {Relation} {Index}".TrimEnd();
    }
}
