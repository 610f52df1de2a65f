using AiDeals.Core.Data;
using AiDeals.Core.Data.Aggregates;
using AiDeals.Core.Features.Import;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Import.ImportSupport;

namespace AiDeals.Core.Tests.Import;

/// <summary>
/// An import of a few thousand generated deals through the batch's fast path: saves in groups, the checks' sets read
/// once, the aggregates recomputed once at the end (small limits here make a test-sized file take each path).
/// </summary>
public sealed class ImportVolumeTests
{
    private static readonly string[] Aggregates = ["DashboardCounts", "ActivityMonths", "OrganizationTotals"];

    [Fact]
    public async Task Commit_OfAGeneratedDealBook_WritesEveryRowAndCitation_AsOneAuditBatch_AndASecondImportChangesNothing()
    {
        byte[] book;
        string expected;
        var (generated, counts) = await GeneratedDatabase.GenerateAsync(seed: 11, deals: 2_000);
        await using (generated)
        {
            book = await ExportAsync(generated);
            expected = await CountsAsync(generated);
        }

        await using var database = await TestDatabase.CreateAsync();
        var importer = new Importer(database.Contexts, database.Commands, new ImportOptions { SaveGroup = 400, BulkFrom = 1_000 }, TimeProvider.System);
        var progress = new List<ImportProgress>();

        var report = await importer.CommitAsync(Analyst, "generated.json", book, new SynchronousProgress(progress.Add), Token);

        Assert.True(report.Committed, string.Join("\n", report.Problems));
        Assert.Equal(Without(expected, "audit"), Without(await CountsAsync(database), "audit"));
        Assert.Equal(book, await ExportAsync(database));
        await using (var db = await database.Contexts.CreateDbContextAsync(Token))
        {
            Assert.Equal(counts.Deals, await db.Deals.CountAsync(Token));
            Assert.Equal([report.Batch], await db.AuditEntries.Select(a => a.Batch).Distinct().ToListAsync(Token));
            Assert.Equal(counts.Citations, await db.AuditEntries.CountAsync(a => a.EntityType == "Citation", Token));
        }

        Assert.Equal(await AggregatesAsync(database, rebuild: false), await AggregatesAsync(database, rebuild: true));
        Assert.Equal(report.Counts.Total, progress[^1].Done);
        Assert.True(progress.Count > 10, $"{progress.Count} progress reports");

        var before = await CountsAsync(database);
        var second = await importer.CommitAsync(Analyst, "generated.json", book, cancellationToken: Token);

        Assert.True(second.ChangesNothing, string.Join("\n", second.Problems));
        Assert.Equal(report.Counts.Total, second.Counts.Unchanged);
        Assert.Equal(before, await CountsAsync(database));
    }

    [Fact]
    public async Task Preview_OfADealBookWithTwoNewOrganizationsOfOneName_SavedInOneGroup_NamesTheSecondAtItsLine()
    {
        await using var database = await TestDatabase.CreateAsync();
        var importer = new Importer(database.Contexts, database.Commands, new ImportOptions { SaveGroup = 100 }, TimeProvider.System);
        var book = Utf8("""
            {
              "organizations": [
                { "key": "a", "name": "Same Name Labs", "type": "Company" },
                { "key": "b", "name": "Same Name Labs", "type": "Company" }
              ]
            }
            """);

        var report = await importer.PreviewAsync(Analyst, "twice.json", book, cancellationToken: Token);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(4, problem.Line);
        Assert.Contains("Same Name Labs", problem.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), (report.Counts.Created, report.Counts.Failed));
        Assert.Equal(0, await AuditCountAsync(database));
    }

    private static string Without(string counts, string name) =>
        string.Join(", ", counts.Split(", ").Where(c => !c.StartsWith(name + " ", StringComparison.Ordinal)));

    /// <summary>Every row of the aggregate tables, as stored or as a rebuild from the tables computes them.</summary>
    private static async Task<string> AggregatesAsync(TestDatabase database, bool rebuild)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(Token);
        if (rebuild)
        {
            await using var command = connection.CreateCommand();
            var sql = database.Provider == DatabaseProvider.PostgreSql ? AggregateSqlPostgreSql.Rebuild : AggregateSql.Rebuild;
            (command.Transaction, command.CommandText) = (transaction, sql);
            await command.ExecuteNonQueryAsync(Token);
        }

        var rows = new List<string>();
        foreach (var table in Aggregates)
        {
            await using var read = connection.CreateCommand();
            (read.Transaction, read.CommandText) = (transaction, $"SELECT * FROM \"{table}\" ORDER BY 1");
            await using var reader = await read.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                rows.Add(table + ": " + string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
            }
        }

        await transaction.RollbackAsync(Token);
        return string.Join("\n", rows);
    }

    /// <summary>Hears each report at once, on the importer's thread (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
