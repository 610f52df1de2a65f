using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// The rows of one table that a generator run writes, given value by value in the order of the columns named when the
/// writer was made, one <see cref="Insert"/> per row. SQLite's writer (<see cref="BulkInsert"/>) inserts each row at
/// once; PostgreSQL's (<see cref="BulkCopyPostgreSql"/>) keeps the batch's rows and copies them in at
/// <see cref="Flush"/>, since one connection runs one COPY at a time and a run writes several tables row by row.
/// </summary>
internal abstract class BulkRows : IDisposable
{
    /// <summary>Rows inserted so far.</summary>
    public int Rows { get; protected set; }

    /// <summary>The table's writer for the connection's engine: the one place the generator's engine is chosen.</summary>
    public static BulkRows For(DbConnection connection, string table, params string[] columns) => connection switch
    {
        NpgsqlConnection postgres => new BulkCopyPostgreSql(postgres, table, columns),
        SqliteConnection sqlite => new BulkInsert(sqlite, table, columns),
        _ => throw new NotSupportedException($"No bulk load for {connection.GetType().Name}."),
    };

    public abstract BulkRows Add(long value);

    public BulkRows Add(long? value) => value is { } v ? Add(v) : Null();

    public abstract BulkRows Add(string? value);

    /// <summary>A date, as each engine stores a <see cref="DateOnly"/> (SQLite: text yyyy-MM-dd).</summary>
    public abstract BulkRows Add(DateOnly value);

    public BulkRows Add(DateOnly? value) => value is { } v ? Add(v) : Null();

    /// <summary>A UTC time, as each engine stores a <see cref="DateTime"/> (SQLite: EF's text format).</summary>
    public abstract BulkRows Add(DateTime utc);

    public abstract BulkRows Null();

    /// <summary>Ends the row of the values added since the last one.</summary>
    public abstract void Insert();

    /// <summary>Writes the rows kept for the current transaction (nothing on SQLite, where each row went in at once).</summary>
    public virtual void Flush()
    {
    }

    public abstract void Dispose();
}
