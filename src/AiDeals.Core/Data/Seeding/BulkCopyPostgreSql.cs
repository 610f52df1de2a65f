using Npgsql;
using NpgsqlTypes;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// <see cref="BulkInsert"/>'s twin on PostgreSQL: the rows of one table kept in memory (values, not objects: no boxing)
/// until <see cref="Flush"/> copies them in with one binary <c>COPY … FROM STDIN (FORMAT BINARY)</c>, in whatever
/// transaction the connection has open. Each value is written as its column's type (read once from the catalog), so a
/// number lands in an <c>integer</c> or a <c>bigint</c> column alike. The table's own triggers (the kept aggregates, the
/// deal list's sort keys, the search entries, the wider deals to recount) are off for its COPY, inside that transaction
/// (a failed batch rolls the switch back with its rows): the run writes the sort keys itself, and the rest is computed
/// once after the load, as on SQLite. The foreign keys' triggers stay on: every row is checked.
/// </summary>
internal sealed class BulkCopyPostgreSql : BulkRows
{
    private readonly NpgsqlConnection _connection;
    private readonly string _table;
    private readonly string _copy;
    private readonly NpgsqlDbType[] _types;
    private readonly List<Value> _values = [];
    private int _next;

    public BulkCopyPostgreSql(NpgsqlConnection connection, string table, params string[] columns)
    {
        _connection = connection;
        _table = table;
        _copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        _types = ColumnTypes(connection, table, columns);
    }

    private enum Kind : byte
    {
        Null,
        Number,
        Text,
        Day,
        Time,
    }

    public override BulkRows Add(long value) => Added(new(Kind.Number, value, null));

    public override BulkRows Add(string? value) => value is null ? Null() : Added(new(Kind.Text, 0, value));

    public override BulkRows Add(DateOnly value) => Added(new(Kind.Day, value.DayNumber, null));

    public override BulkRows Add(DateTime utc) => Added(new(Kind.Time, utc.Ticks, null));

    public override BulkRows Null() => Added(default);

    public override void Insert()
    {
        if (_next != _types.Length)
        {
            throw new InvalidOperationException($"{_next} values for {_types.Length} columns.");
        }

        _next = 0;
        Rows++;
    }

    public override void Flush()
    {
        if (_values.Count == 0)
        {
            return;
        }

        Execute($"ALTER TABLE \"{_table}\" DISABLE TRIGGER USER");
        using (var importer = _connection.BeginBinaryImport(_copy))
        {
            for (var i = 0; i < _values.Count; i++)
            {
                if (i % _types.Length == 0)
                {
                    importer.StartRow();
                }

                Write(importer, _values[i], _types[i % _types.Length]);
            }

            importer.Complete();
        }

        Execute($"ALTER TABLE \"{_table}\" ENABLE TRIGGER USER");
        _values.Clear();
    }

    public override void Dispose() => _values.Clear();

    private static void Write(NpgsqlBinaryImporter importer, Value value, NpgsqlDbType type)
    {
        switch (value.Kind)
        {
            case Kind.Null:
                importer.WriteNull();
                break;
            case Kind.Number when type == NpgsqlDbType.Integer:
                importer.Write(checked((int)value.Number), type);
                break;
            case Kind.Number:
                importer.Write(value.Number, type);
                break;
            case Kind.Text:
                importer.Write(value.Text!, type);
                break;
            case Kind.Day:
                importer.Write(DateOnly.FromDayNumber((int)value.Number), type);
                break;
            case Kind.Time:
                importer.Write(new DateTime(value.Number, DateTimeKind.Utc), type);
                break;
        }
    }

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection);
        command.ExecuteNonQuery();
    }

    private BulkCopyPostgreSql Added(Value value)
    {
        _values.Add(value);
        _next++;
        return this;
    }

    // The types the schema gave the columns (EF's migrations: integer ids, bigint amounts, varchar or text, date, timestamptz).
    private static NpgsqlDbType[] ColumnTypes(NpgsqlConnection connection, string table, string[] columns)
    {
        using var command = new NpgsqlCommand(
            "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            connection);
        command.Parameters.AddWithValue("table", table);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return [.. columns.Select(column => types.TryGetValue(column, out var type)
            ? type switch
            {
                "int4" => NpgsqlDbType.Integer,
                "int8" => NpgsqlDbType.Bigint,
                "varchar" => NpgsqlDbType.Varchar,
                "text" => NpgsqlDbType.Text,
                "date" => NpgsqlDbType.Date,
                "timestamptz" => NpgsqlDbType.TimestampTz,
                _ => throw new NotSupportedException($"The generator writes no {type} column ({table}.{column})."),
            }
            : throw new InvalidOperationException($"The table {table} has no column {column}."))];
    }

    private readonly record struct Value(Kind Kind, long Number, string? Text);
}
