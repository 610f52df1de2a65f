using System.Text.Json.Nodes;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Import;
using AiDeals.Core.Features.Sources;
using AiDeals.Core.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Import.ImportSupport;

namespace AiDeals.Core.Tests.Import;

/// <summary>
/// A bulk import sets aside the triggers that keep the deal list's sort keys and free-text index, and writes both once
/// for the deals it touched: what it writes must be what the triggers write row by row.
/// </summary>
public sealed class ImportBulkKeysTests
{
    [Fact]
    public async Task BulkCommit_WritesTheSortKeysAndSearchEntries_TheTriggersWriteOneByOne()
    {
        var book = await BookAsync();
        await using var oneByOne = await TestDatabase.CreateSeededAsync();
        await using var bulk = await TestDatabase.CreateSeededAsync();
        var before = await SearchIndex.WordsAsync(bulk.ConnectionString, Token);

        var triggered = await Importer(oneByOne, bulkFrom: int.MaxValue).CommitAsync(Analyst, "book.json", book, cancellationToken: Token);
        var setAside = await Importer(bulk, bulkFrom: 1).CommitAsync(Analyst, "book.json", book, cancellationToken: Token);

        Assert.True(triggered.Committed, string.Join("\n", triggered.Problems));
        Assert.True(setAside.Committed, string.Join("\n", setAside.Problems));
        var keys = await KeysAsync(bulk);
        Assert.Equal(await KeysAsync(oneByOne), keys);
        var words = await SearchIndex.WordsAsync(bulk.ConnectionString, Token);
        Assert.Equal(await SearchIndex.WordsAsync(oneByOne.ConnectionString, Token), words);
        Assert.Equal(await TriggersAsync(oneByOne), await TriggersAsync(bulk));

        // What the comparison covers: new deals' keys and entries, and stored deals whose organization got an alias.
        Assert.Contains(keys, k => k.EndsWith("|OpenAI|SoftBank Group", StringComparison.Ordinal));
        var softBankDeal = before.First(w => w.EndsWith(" Names softbank", StringComparison.Ordinal)).Split(' ')[0];
        Assert.Contains($"{softBankDeal} Names zetaholdings", words);
        Assert.DoesNotContain($"{softBankDeal} Names zetaholdings", before);
    }

    [Fact]
    public async Task BulkCommit_WithLinks_KeepsTheWiderDealsRestsARecountGives()
    {
        var book = await BookAsync();
        await using var bulk = await TestDatabase.CreateSeededAsync();

        var result = await Importer(bulk, bulkFrom: 1).CommitAsync(Analyst, "book.json", book, cancellationToken: Token);

        Assert.True(result.Committed, string.Join("\n", result.Problems));
        // The book's parts name their wider deals: the links the rests are counted over came in with the bulk batch.
        Assert.Contains(JsonNode.Parse(book)!["deals"]!.AsArray(), d => d!["partOf"] is JsonArray { Count: > 0 });
        await KeptRests.AssertEqualRecountAsync(bulk, "a bulk import with links");
    }

    [Fact]
    public async Task AuditRowsOfABatch_AreStoredAsTheRowsOfASaveAlone()
    {
        // Ticks below the millisecond: the stored text keeps the seven decimals a save keeps.
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(8_901_234));
        await using var database = await TestDatabase.CreateAsync(clock);

        var alone = await database.Commands.RunAsync(Analyst, new CreateSource(new SourceForm { Title = "Alone", Url = "https://example.com/alone" }), Token);
        var batch = await database.Commands.RunBatchAsync(
            Analyst,
            new CommandBatch("A batch") { GroupSize = 10 },
            [new CreateSource(new SourceForm { Title = "In a batch", Url = "https://example.com/batch" })],
            Token);

        Assert.True(alone.IsSaved && batch.Committed);
        var rows = await ReadAsync(database, "SELECT EntityType || '|' || Action || '|' || AtUtc || '|' || User || '|' || COALESCE(Batch, '-') FROM AuditEntries ORDER BY Id");
        Assert.Equal(["Source|Created|2026-03-04 05:06:07.8901234|ann@aideals.local|-", "Source|Created|2026-03-04 05:06:07.8901234|ann@aideals.local|A batch"], rows);
        await using var db = await database.Contexts.CreateDbContextAsync(Token);
        var read = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.AtUtc, a.Changes }).ToListAsync(Token);
        Assert.All(read, a => Assert.Equal(clock.Now.UtcDateTime, a.AtUtc));
        Assert.Equal(read[0].Changes.Replace("Alone", "In a batch", StringComparison.Ordinal).Replace("/alone", "/batch", StringComparison.Ordinal), read[1].Changes);
    }

    private static Importer Importer(TestDatabase database, int bulkFrom) =>
        new(database.Contexts, database.Commands, new ImportOptions { SaveGroup = 50, BulkFrom = bulkFrom }, TimeProvider.System);

    /// <summary>300 generated deals, one of them between two seeded organizations, and an alias for a seeded organization.</summary>
    private static async Task<byte[]> BookAsync()
    {
        var (generated, _) = await GeneratedDatabase.GenerateAsync(seed: 13, deals: 300);
        byte[] exported;
        await using (generated)
        {
            exported = await ExportAsync(generated);
        }

        var book = JsonNode.Parse(exported)!.AsObject();
        var deal = book["deals"]![0]!.AsObject();
        deal["target"] = "OpenAI";
        deal["participants"] = new JsonArray(new JsonObject { ["organization"] = "SoftBank Group", ["role"] = "Lead" });
        book["organizations"]!.AsArray().Add(new JsonObject
        {
            ["key"] = "softbank-zeta", ["name"] = "SoftBank Group", ["type"] = "Conglomerate", ["aliases"] = new JsonArray("Zetaholdings"),
        });
        return Utf8(book.ToJsonString());
    }

    /// <summary>Every deal's id and sort keys, in id order.</summary>
    private static async Task<List<string>> KeysAsync(TestDatabase database) =>
        await ReadAsync(database, "SELECT Id || '|' || SortTarget || '|' || SortInvestor FROM Deals ORDER BY Id");

    private static async Task<List<string>> TriggersAsync(TestDatabase database) =>
        await ReadAsync(database, "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name");

    private static async Task<List<string>> ReadAsync(TestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
