using System.Data.Common;
using System.Globalization;
using AiDeals.Core.Data.Search;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AiDeals.Core.Tests.Support;

/// <summary>
/// What the deal list's free-text index holds: on SQLite read through an fts5vocab table (the index keeps no text), on
/// PostgreSQL the lexemes of each deal's <c>tsvector</c> (one document per deal, no columns).
/// </summary>
internal static class SearchIndex
{
    /// <summary>Each word of each deal's column, once, as "deal column word" ("deal word" on PostgreSQL), in order.</summary>
    public static async Task<List<string>> WordsAsync(string connectionString, CancellationToken cancellationToken)
    {
        // The connection string is of the run's engine (TestDatabase).
        DbConnection connection = TestDatabase.OnPostgreSql ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await using var _ = connection;
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = TestDatabase.OnPostgreSql
            ? $"""
                SELECT DISTINCT "DealId", '', word FROM "{DealSearchSql.Table}", unnest(tsvector_to_array("Document")) AS word
                ORDER BY 1, 3;
                """
            : $"""
                CREATE VIRTUAL TABLE IF NOT EXISTS temp."SearchWords" USING fts5vocab(main, '{DealSearchSql.Table}', 'instance');
                SELECT DISTINCT doc, col, term FROM temp."SearchWords" ORDER BY doc, col, term;
                """;
        var words = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            words.Add(string.Create(CultureInfo.InvariantCulture, $"{Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)} {reader.GetString(1)} {reader.GetString(2)}"));
        }

        return words;
    }
}
