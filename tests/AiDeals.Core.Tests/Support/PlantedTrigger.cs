using AiDeals.Core.Data;

namespace AiDeals.Core.Tests.Support;

/// <summary>
/// A fault or a race planted in the database itself, where no app code can skip it: a trigger that runs before each
/// row's insert or update, on either engine (a SQLite trigger; a PL/pgSQL function and its trigger on PostgreSQL).
/// The statement and condition are written once, with quoted identifiers and <c>NEW."Column"</c>, which both read.
/// </summary>
internal static class PlantedTrigger
{
    /// <summary>Every <paramref name="operation"/> (INSERT or UPDATE) on the table fails with this message.</summary>
    public static Task RefuseAsync(TestDatabase database, string name, string operation, string table, string message) =>
        ExecuteAsync(database, database.Provider == DatabaseProvider.PostgreSql
            ? PostgreSql(name, operation, table, when: null, $"RAISE EXCEPTION '{message}';")
            : Sqlite(name, operation, table, when: null, $"SELECT RAISE(ABORT, '{message}');"));

    /// <summary>Runs <paramref name="statement"/> before each <paramref name="operation"/> on the table that <paramref name="when"/> holds for.</summary>
    public static Task BeforeAsync(TestDatabase database, string name, string operation, string table, string when, string statement) =>
        ExecuteAsync(database, database.Provider == DatabaseProvider.PostgreSql
            ? PostgreSql(name, operation, table, when, statement)
            : Sqlite(name, operation, table, when, statement));

    /// <summary>Takes a planted trigger away again.</summary>
    public static Task RemoveAsync(TestDatabase database, string name, string table) =>
        ExecuteAsync(database, database.Provider == DatabaseProvider.PostgreSql
            ? $"DROP TRIGGER \"{name}\" ON \"{table}\"; DROP FUNCTION \"{name}\"();"
            : $"DROP TRIGGER \"{name}\";");

    private static string Sqlite(string name, string operation, string table, string? when, string statement) =>
        $"CREATE TRIGGER \"{name}\" BEFORE {operation} ON \"{table}\" {(when is null ? "" : $"WHEN {when}")} BEGIN {statement} END;";

    private static string PostgreSql(string name, string operation, string table, string? when, string statement) => $"""
        CREATE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN {statement} RETURN NEW; END $body$;
        CREATE TRIGGER "{name}" BEFORE {operation} ON "{table}" FOR EACH ROW {(when is null ? "" : $"WHEN ({when})")} EXECUTE FUNCTION "{name}"();
        """;

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
