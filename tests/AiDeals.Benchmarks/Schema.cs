using Microsoft.Data.Sqlite;

namespace AiDeals.Benchmarks;

/// <summary>
/// What the database offers the raw SQL at run time: the Deals columns, each index's leading columns, and the full-text
/// tables. The raw way writes its SQL for what is there, and says which index is missing where the ideal query needs one.
/// </summary>
internal sealed class Schema
{
    private readonly HashSet<string> _dealColumns;
    private readonly List<IndexInfo> _indexes;

    private Schema(HashSet<string> dealColumns, List<IndexInfo> indexes, string? dealTextTable)
    {
        _dealColumns = dealColumns;
        _indexes = indexes;
        DealTextTable = dealTextTable;
    }

    /// <summary>An FTS5 table over the deals' text (its rowid the deal's id), or null when there is none.</summary>
    public string? DealTextTable { get; }

    public static async Task<Schema> ReadAsync(SqliteConnection connection)
    {
        var columns = (await Sql.ListAsync(connection, "SELECT name FROM pragma_table_info('Deals')", r => r.GetString(0)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var indexes = new List<IndexInfo>();
        var names = await Sql.ListAsync(connection,
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'", r => (Name: r.GetString(0), Table: r.GetString(1)));
        foreach (var (name, table) in names)
        {
            // An expression column has no name; it still holds its place in the index.
            var indexColumns = await Sql.ListAsync(connection,
                $"SELECT coalesce(name, '<expr>') FROM pragma_index_info('{name.Replace("'", "''", StringComparison.Ordinal)}') ORDER BY seqno",
                r => r.GetString(0));
            indexes.Add(new IndexInfo(table, name, indexColumns));
        }

        var fts = await Sql.ListAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%' AND name LIKE '%Deal%'",
            r => r.GetString(0));
        return new Schema(columns, indexes, fts.FirstOrDefault());
    }

    public bool DealsHave(string column) => _dealColumns.Contains(column);

    /// <summary>
    /// Whether the list breaks ties by id in the sort's direction (so that one index walk serves a keyset page) rather than
    /// always ascending. The keyset paging came with the StatusRank sort key, so the schema tells which list it is.
    /// </summary>
    public bool TiesFollowSort => DealsHave("StatusRank");

    /// <summary>The first Deals column whose name has all these parts (e.g. "Target" and "Name"), but not a foreign key.</summary>
    public string? DealColumnLike(params string[] parts) => _dealColumns
        .Where(c => !c.EndsWith("Id", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .FirstOrDefault(c => parts.All(p => c.Contains(p, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether an index on the table starts with these columns, a leading DeletedAt aside.</summary>
    public bool HasIndexOn(string table, params string[] leading) => _indexes
        .Where(i => string.Equals(i.Table, table, StringComparison.OrdinalIgnoreCase))
        .Select(i => i.Columns.SkipWhile(c => string.Equals(c, "DeletedAt", StringComparison.OrdinalIgnoreCase)).ToList())
        .Any(c => c.Count >= leading.Length && leading.Select((l, n) => string.Equals(c[n], l, StringComparison.OrdinalIgnoreCase)).All(x => x));

    private sealed record IndexInfo(string Table, string Name, IReadOnlyList<string> Columns);
}

/// <summary>Small helpers over Microsoft.Data.Sqlite for the raw way.</summary>
internal static class Sql
{
    public static async Task<List<T>> ListAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }

        return list;
    }

    public static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Reads every row and every column, as a caller materializing the rows would; returns the row count.</summary>
    public static async Task<long> DrainAsync(SqliteCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0;
        var width = reader.FieldCount;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < width; i++)
            {
                _ = reader.GetValue(i);
            }

            rows++;
        }

        return rows;
    }
}
