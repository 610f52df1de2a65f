using AiDeals.Core.Data.Search;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace AiDeals.Core.Tests.Generation;

/// <summary>
/// The free-text index of a generated database, which the run builds in a file beside it while the B-tree indexes are
/// built, then copies in: it must find what the same rebuild written in place finds, and leave no file behind.
/// </summary>
[Collection(nameof(GeneratedDatabase))]
[SqliteOnly("The search index built beside the database is SQLite's FTS5; PostgreSQL's generator fills its search column in the rows")]
public sealed class SyntheticDataSearchIndexTests(GeneratedDatabase generated)
{
    [Fact]
    public async Task SearchIndex_BuiltBesideTheIndexes_FindsWhatARebuildInPlaceFinds()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var copy = Path.Combine(Path.GetDirectoryName(generated.Database.FilePath)!, Guid.NewGuid().ToString("N") + "-rebuilt.db");
        try
        {
            await using (var source = (SqliteConnection)await generated.Database.OpenConnectionAsync())
            {
                await ExecuteAsync(source, $"VACUUM INTO '{copy}';");
            }

            await using var generatedIndex = (SqliteConnection)await generated.Database.OpenConnectionAsync();
            await using var rebuilt = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
            await rebuilt.OpenAsync(cancellationToken);
            await ExecuteAsync(rebuilt, DealSearchSql.Rebuild);
            var phrases = await PhrasesAsync(generatedIndex);

            Assert.Equal(GeneratedDatabase.DealCount, await CountAsync(generatedIndex, $"SELECT COUNT(*) FROM \"{DealSearchSql.Table}_docsize\""));
            Assert.True(phrases.Count >= 40, $"{phrases.Count} phrases sampled");
            var found = 0;
            foreach (var phrase in phrases)
            {
                var expected = await MatchesAsync(rebuilt, phrase);
                var actual = await MatchesAsync(generatedIndex, phrase);
                Assert.True(expected.SequenceEqual(actual), $"\"{phrase}\": {actual.Count} deals found, {expected.Count} by a rebuild in place");
                found += actual.Count;
            }

            Assert.True(found >= phrases.Count, $"the sampled phrases found {found} deals in all");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    [Fact]
    public void Run_AfterItsSearchIndex_LeavesNoFileBesideTheDatabase()
    {
        var folder = Path.GetDirectoryName(generated.Database.FilePath)!;
        var name = Path.GetFileName(generated.Database.FilePath);

        var aside = Directory.GetFiles(folder, $".{name}.search-*");

        Assert.Empty(aside);
    }

    // Words of the titles and the targets' names of every 500th deal: titles, notes' words and names all in the index.
    private static async Task<List<string>> PhrasesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d."Title", o."Name" FROM "Deals" AS d JOIN "Organizations" AS o ON o."Id" = d."TargetId"
            WHERE d."Id" % 500 = 7 ORDER BY d."Id"
            """;
        var phrases = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            phrases.Add(reader.GetString(0).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
            phrases.Add(reader.GetString(1));
        }

        return phrases.Select(p => p.Replace("\"", "", StringComparison.Ordinal)).Where(p => p.Length > 0).Distinct().ToList();
    }

    private static async Task<List<long>> MatchesAsync(SqliteConnection connection, string phrase)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid FROM \"{DealSearchSql.Table}\" WHERE \"{DealSearchSql.Table}\" MATCH $phrase ORDER BY rowid";
        command.Parameters.AddWithValue("$phrase", $"\"{phrase}\"");
        var rows = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(reader.GetInt64(0));
        }

        return rows;
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
