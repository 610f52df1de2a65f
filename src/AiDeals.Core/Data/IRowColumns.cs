using System.Data.Common;
using System.Globalization;

namespace AiDeals.Core.Data;

/// <summary>
/// The columns of the row a read is on, by position: one way to map a row, whether ADO.NET's reader or SQLite's own
/// statement (<see cref="SqliteStatement"/>) reads it.
/// </summary>
internal interface IRowColumns
{
    bool IsNull(int column);

    int Int32(int column);

    long Int64(int column);

    bool Boolean(int column);

    string Text(int column);

    /// <summary>A column that holds an enum's name, as EF stores one.</summary>
    TEnum Enum<TEnum>(int column)
        where TEnum : struct, Enum;

    /// <summary>A date: ISO text on SQLite (as EF writes a <see cref="DateOnly"/>), a date on PostgreSQL.</summary>
    DateOnly Date(int column);
}

/// <summary>The row an ADO.NET reader is on.</summary>
internal sealed class ReaderColumns(DbDataReader reader) : IRowColumns
{
    public bool IsNull(int column) => reader.IsDBNull(column);

    public int Int32(int column) => reader.GetInt32(column);

    public long Int64(int column) => reader.GetInt64(column);

    public bool Boolean(int column) => reader.GetBoolean(column);

    public string Text(int column) => reader.GetString(column);

    public TEnum Enum<TEnum>(int column)
        where TEnum : struct, Enum => System.Enum.Parse<TEnum>(reader.GetString(column));

    public DateOnly Date(int column) =>
        reader.GetFieldType(column) == typeof(string)
            ? DateOnly.ParseExact(reader.GetString(column), SqliteStatement.DateFormat, CultureInfo.InvariantCulture)
            : reader.GetFieldValue<DateOnly>(column);
}
