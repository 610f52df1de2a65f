using System.Text.Json.Nodes;
using AiDeals.Core.Data;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Import;
using AiDeals.Core.Features.Sources;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;
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
        var before = await WordsAsync(bulk);

        var triggered = await Importer(oneByOne, bulkFrom: int.MaxValue).CommitAsync(Analyst, "book.json", book, cancellationToken: Token);
        var setAside = await Importer(bulk, bulkFrom: 1).CommitAsync(Analyst, "book.json", book, cancellationToken: Token);

        Assert.True(triggered.Committed, string.Join("\n", triggered.Problems));
        Assert.True(setAside.Committed, string.Join("\n", setAside.Problems));
        var keys = await KeysAsync(bulk);
        Assert.Equal(await KeysAsync(oneByOne), keys);
        var words = await WordsAsync(bulk);
        Assert.Equal(await WordsAsync(oneByOne), words);
        Assert.Equal(await TriggersAsync(oneByOne), await TriggersAsync(bulk));

        // What the comparison covers: new deals' keys and entries, and stored deals whose organization got an alias.
        Assert.Contains(keys, k => k.EndsWith("|OpenAI|SoftBank Group", StringComparison.Ordinal));
        var names = bulk.Provider == DatabaseProvider.PostgreSql ? string.Empty : " Names";
        var softBankDeal = before.First(w => w.EndsWith($"{names} softbank", StringComparison.Ordinal)).Split(' ')[0];
        Assert.Contains($"{softBankDeal}{names} zetaholdings", words);
        Assert.DoesNotContain($"{softBankDeal}{names} zetaholdings", before);
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
    [SqliteOnly("BatchAuditRows, which writes a batch's audit rows with its own statement and stores their times as text itself, "
        + "runs only on SQLite; on PostgreSQL a batch's audit rows are saved by EF as a lone save's are")]
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
        await ReadAsync(database, """SELECT "Id" || '|' || "SortTarget" || '|' || "SortInvestor" FROM "Deals" ORDER BY "Id" """);

    /// <summary>Every trigger with its definition (on PostgreSQL also whether it is on: a batch switches them off and on).</summary>
    private static async Task<List<string>> TriggersAsync(TestDatabase database) =>
        await ReadAsync(database, database.Provider == DatabaseProvider.PostgreSql
            ? "SELECT t.tgname || ': ' || pg_get_triggerdef(t.oid) || ' ' || CAST(t.tgenabled AS text) FROM pg_trigger AS t WHERE NOT t.tgisinternal ORDER BY t.tgname"
            : "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name");

    /// <summary>The free-text index's words per deal: FTS5's "deal column word", PostgreSQL's tsvector lexemes as "deal word".</summary>
    private static async Task<List<string>> WordsAsync(TestDatabase database) => database.Provider == DatabaseProvider.PostgreSql
        ? await ReadAsync(database, """
            SELECT s."DealId" || ' ' || w FROM "DealSearch" AS s, unnest(tsvector_to_array(s."Document")) AS w ORDER BY s."DealId", w
            """)
        : await SearchIndex.WordsAsync(database.ConnectionString, Token);

    private static async Task<List<string>> ReadAsync(TestDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync();
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
