using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Native = SQLitePCL.raw;

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

    // Each command's statement, prepared on its first run and kept (as Microsoft.Data.Sqlite keeps a command's): the limit
    // does not pay for SQLite's parse and plan on every call.
    private static readonly ConditionalWeakTable<SqliteCommand, sqlite3_stmt> Prepared = [];

    /// <summary>
    /// Reads every row and every column, as a caller materializing the rows would, through SQLite's own statement API
    /// (one call a value, a text decoded once), as the list's service reads its page; returns the row count.
    /// </summary>
    public static Task<long> DrainAsync(SqliteCommand command)
    {
        var database = command.Connection!.Handle!;
        var statement = Prepared.GetValue(command, c =>
        {
            Check(Native.sqlite3_prepare_v2(database, c.CommandText, out var prepared), database);
            return prepared;
        });
        Check(Native.sqlite3_reset(statement), database);
        foreach (SqliteParameter parameter in command.Parameters)
        {
            var index = Native.sqlite3_bind_parameter_index(statement, parameter.ParameterName);
            if (index == 0)
            {
                continue;
            }

            Check(parameter.Value switch
            {
                string text => Native.sqlite3_bind_text(statement, index, text),
                long number => Native.sqlite3_bind_int64(statement, index, number),
                int number => Native.sqlite3_bind_int64(statement, index, number),
                double number => Native.sqlite3_bind_double(statement, index, number),
                null or DBNull => Native.sqlite3_bind_null(statement, index),
                var other => throw new NotSupportedException(other.GetType().Name),
            }, database);
        }

        long rows = 0;
        var width = Native.sqlite3_column_count(statement);
        int step;
        while ((step = Native.sqlite3_step(statement)) == Native.SQLITE_ROW)
        {
            for (var i = 0; i < width; i++)
            {
                _ = Native.sqlite3_column_type(statement, i) switch
                {
                    Native.SQLITE_INTEGER => Native.sqlite3_column_int64(statement, i),
                    Native.SQLITE_FLOAT => Native.sqlite3_column_double(statement, i),
                    Native.SQLITE_TEXT => Encoding.UTF8.GetString(Native.sqlite3_column_blob(statement, i)),
                    Native.SQLITE_BLOB => Native.sqlite3_column_blob(statement, i).ToArray(),
                    _ => (object?)null,
                };
            }

            rows++;
        }

        Check(step == Native.SQLITE_DONE ? Native.SQLITE_OK : step, database);
        return Task.FromResult(rows);
    }

    private static void Check(int result, sqlite3 database)
    {
        if (result != Native.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }
}
