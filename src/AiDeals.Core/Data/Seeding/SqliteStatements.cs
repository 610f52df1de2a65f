using Microsoft.Data.Sqlite;

namespace AiDeals.Core.Data.Seeding;

/// <summary>A statement run for its effect on a run's own connection (DDL, pragmas, a bulk rebuild), inside a transaction when given one.</summary>
internal static class SqliteStatements
{
    public static void Execute(this SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
