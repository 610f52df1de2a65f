using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AiDeals.Core.Data;

/// <summary>
/// One statement on an open SQLite connection, run through SQLite's own API (SQLitePCLRaw, which Microsoft.Data.Sqlite
/// runs on) for the reads whose rows cost more to read than to find: the deal list's page. Through ADO.NET each value is
/// two calls into SQLite (its type, then the value) and every text becomes a string, even an enum's name read only to be
/// parsed; here a value is one call, and a name is parsed from SQLite's own bytes. A page of 100 deals was read in about
/// three quarters of the processor time (measured on a million deals).
/// The statement is SQLite's until disposed: dispose it before the connection closes. The connection's busy timeout
/// (<see cref="SqlitePragmaInterceptor"/>) waits out a writer's lock; an error is Microsoft.Data.Sqlite's exception.
/// </summary>
internal sealed class SqliteStatement : IRowColumns, IDisposable
{
    /// <summary>How EF writes a <see cref="DateOnly"/> to SQLite.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    // Longer texts than this (no enum name or date is) are parsed from a string.
    private const int ShortText = 64;

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    /// <summary>Prepares <paramref name="text"/> with its parameters <c>@name</c> bound to <paramref name="values"/>.</summary>
    /// <exception cref="SqliteException">SQLite refused the SQL.</exception>
    /// <exception cref="InvalidOperationException">The SQL names a parameter that has no value.</exception>
    public SqliteStatement(SqliteConnection connection, string text, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(values);
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, text, out _statement));
        try
        {
            for (var index = 1; index <= raw.sqlite3_bind_parameter_count(_statement); index++)
            {
                var name = raw.sqlite3_bind_parameter_name(_statement, index).utf8_to_string();
                if (!values.TryGetValue(name, out var value))
                {
                    throw new InvalidOperationException($"The SQL names the parameter {name}, which has no value.");
                }

                Check(Bind(index, value));
            }
        }
        catch
        {
            _statement.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next row: false after the last.</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        if (result != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }

        return false;
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public int Int32(int column) => checked((int)raw.sqlite3_column_int64(_statement, column));

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public bool Boolean(int column) => raw.sqlite3_column_int64(_statement, column) != 0;

    /// <summary>The text of a column (empty for NULL: ask <see cref="IsNull"/> first where NULL is possible).</summary>
    public string Text(int column) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(_statement, column));

    public TEnum Enum<TEnum>(int column)
        where TEnum : struct, Enum
    {
        Span<char> buffer = stackalloc char[ShortText];
        return System.Enum.Parse<TEnum>(Chars(column, buffer));
    }

    public DateOnly Date(int column)
    {
        Span<char> buffer = stackalloc char[ShortText];
        return DateOnly.ParseExact(Chars(column, buffer), DateFormat, CultureInfo.InvariantCulture);
    }

    public void Dispose() => _statement.Dispose();

    private int Bind(int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(_statement, index, number),
        DateOnly date => raw.sqlite3_bind_text(_statement, index, date.ToString(DateFormat, CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"A value of type {value.GetType().Name} is not bound to SQLite here."),
    };

    // A column's text as characters: decoded into the buffer when it fits (no string for a name read only to be parsed).
    private ReadOnlySpan<char> Chars(int column, Span<char> buffer)
    {
        var bytes = raw.sqlite3_column_blob(_statement, column);
        return bytes.Length <= buffer.Length ? buffer[..Encoding.UTF8.GetChars(bytes, buffer)] : Encoding.UTF8.GetString(bytes);
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }
}
