using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// One prepared INSERT for one table on the connection's own SQLite handle, run once per row: values are bound by
/// position with no boxing and no parameter lookup by name, then the statement is stepped and reset. SQLite compiles
/// the statement once; a row costs what SQLite's B-tree insert costs and little more. The row joins whatever
/// transaction the connection has open.
/// </summary>
internal sealed class BulkInsert : BulkRows
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly int _columns;
    private int _next;

    public BulkInsert(SqliteConnection connection, string table, params string[] columns)
    {
        _connection = connection;
        _columns = columns.Length;
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))})";
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    public override BulkRows Add(long value) => Bound(raw.sqlite3_bind_int64(_statement, ++_next, value));

    public override BulkRows Add(string? value) => value is null ? Null() : Bound(raw.sqlite3_bind_text(_statement, ++_next, value));

    public override BulkRows Add(DateOnly value) => Add(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    // As EF stores a DateTime on SQLite (its type mapping's format), so the history sorts and filters them alike.
    public override BulkRows Add(DateTime utc) => Add(utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));

    public override BulkRows Null() => Bound(raw.sqlite3_bind_null(_statement, ++_next));

    /// <summary>Inserts the row of the values added since the last one, in the order of the constructor's columns.</summary>
    public override void Insert()
    {
        if (_next != _columns)
        {
            throw new InvalidOperationException($"{_next} values for {_columns} columns.");
        }

        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        _next = 0;
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }

        Rows++;
    }

    public override void Dispose() => _statement.Dispose();

    private BulkInsert Bound(int result)
    {
        Check(result);
        return this;
    }

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), result);
        }
    }
}
