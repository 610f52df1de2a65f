using System.Globalization;
using AiDeals.Core.Data.Search;
using Microsoft.Data.Sqlite;

namespace AiDeals.Core.Tests.Support;

/// <summary>What the deal list's free-text index holds, read through an fts5vocab table (the index keeps no text).</summary>
internal static class SearchIndex
{
    /// <summary>Each word of each deal's column, once, as "deal column word", in order.</summary>
    public static async Task<List<string>> WordsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp."SearchWords" USING fts5vocab(main, '{DealSearchSql.Table}', 'instance');
            SELECT DISTINCT doc, col, term FROM temp."SearchWords" ORDER BY doc, col, term;
            """;
        var words = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            words.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0)} {reader.GetString(1)} {reader.GetString(2)}"));
        }

        return words;
    }
}
