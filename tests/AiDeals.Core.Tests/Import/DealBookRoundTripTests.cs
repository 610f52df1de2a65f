using System.Text;
using AiDeals.Core.Features.Import;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Import.ImportSupport;

namespace AiDeals.Core.Tests.Import;

public sealed class DealBookRoundTripTests
{
    [Fact]
    public async Task Export_OfTheSeededDatabase_ImportedIntoAnEmptyOne_ExportsTheSameFile()
    {
        await using var seeded = await TestDatabase.CreateSeededAsync();
        var first = await ExportAsync(seeded);

        await using var empty = await TestDatabase.CreateAsync();
        var report = await empty.Importer.CommitAsync(Analyst, "aideals.dealbook.json", first, cancellationToken: Token);
        Assert.True(report.Committed, string.Join("\n", report.Problems));
        var second = await ExportAsync(empty);

        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Import_OfTheSameFileTwice_LeavesEverythingAloneTheSecondTime()
    {
        await using var seeded = await TestDatabase.CreateSeededAsync();
        var book = await ExportAsync(seeded);
        await using var database = await TestDatabase.CreateAsync();

        var first = await database.Importer.CommitAsync(Analyst, "book.json", book, cancellationToken: Token);
        var before = await CountsAsync(database);
        var second = await database.Importer.CommitAsync(Analyst, "book.json", book, cancellationToken: Token);

        Assert.True(first.Counts.Created > 0);
        Assert.Equal(before, await CountsAsync(database));
        Assert.Equal((0, 0, 0), (second.Counts.Created, second.Counts.Updated, second.Counts.Failed));
        Assert.Equal(first.Counts.Total, second.Counts.Unchanged);
        Assert.True(second.ChangesNothing);
    }

    [Fact]
    public async Task Import_OfTheSeedDealBookIntoTheSeededDatabase_ChangesNothing()
    {
        await using var seeded = await TestDatabase.CreateSeededAsync();
        var before = await CountsAsync(seeded);
        var book = await ExportAsync(seeded);

        var report = await seeded.Importer.CommitAsync(Analyst, "again.json", book, cancellationToken: Token);

        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        Assert.Equal(0, report.Counts.Created + report.Counts.Updated);
        Assert.Equal(before, await CountsAsync(seeded));
    }

    [Fact]
    public async Task Commit_AuditsEveryChangeWithTheBatchOfTheFile()
    {
        await using var seeded = await TestDatabase.CreateSeededAsync();
        var book = await ExportAsync(seeded);
        await using var database = await TestDatabase.CreateAsync();

        var report = await database.Importer.CommitAsync(Analyst, "book.json", book, cancellationToken: Token);

        await using var db = await database.Contexts.CreateDbContextAsync(Token);
        var batches = await db.AuditEntries.Select(a => a.Batch).Distinct().ToListAsync(Token);
        Assert.Equal([report.Batch], batches);
        Assert.StartsWith("Import of book.json", report.Batch, StringComparison.Ordinal);
        Assert.All(await db.AuditEntries.Select(a => a.User).Distinct().ToListAsync(Token), user => Assert.Equal(Analyst.UserName, user));
    }

    [Fact]
    public async Task Preview_ReportsWhatACommitWouldDo_AndWritesNothing()
    {
        await using var seeded = await TestDatabase.CreateSeededAsync();
        var book = await ExportAsync(seeded);
        await using var database = await TestDatabase.CreateAsync();
        var before = await CountsAsync(database);

        var preview = await database.Importer.PreviewAsync(Analyst, "book.json", book, cancellationToken: Token);

        Assert.False(preview.Committed);
        Assert.True(preview.IsValid, string.Join("\n", preview.Problems));
        Assert.Equal(before, await CountsAsync(database));
        var commit = await database.Importer.CommitAsync(Analyst, "book.json", book, cancellationToken: Token);
        Assert.Equal(preview.Counts, commit.Counts);
        Assert.Contains(preview.Items, i => i is { Kind: Features.RecordKind.Deal, Action: ImportAction.Create, Name: "SoftBank–OpenAI AI partnership" });
    }
}
