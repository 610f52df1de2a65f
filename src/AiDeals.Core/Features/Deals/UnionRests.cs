using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AiDeals.Core.Data;
using AiDeals.Core.Data.Aggregates;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// Keeps <see cref="UnionRest"/> equal to what <see cref="UnionTotals"/> counts over every deal, so totals read a few
/// kept rows instead of walking every wider deal on each request. Before a write's transaction commits, the deals the
/// triggers noted (<see cref="UnionPending"/>) and every deal above them are counted again, with what lies below them,
/// by the same rule; nothing else is read.
/// </summary>
public static class UnionRests
{
    /// <summary>Counts again the wider deals above the noted deals, in <paramref name="transaction"/>; nothing when none is noted.</summary>
    public static async Task KeepAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        DbCommand Command(string text) => Create(connection, transaction, text);
        if (!await AnyPendingAsync(connection, transaction, cancellationToken))
        {
            return;
        }

        // A migration or a large load notes most wider deals: counting them all from the links' index is quicker.
        await using (var count = Command("SELECT COUNT(*) FROM \"UnionPending\""))
        {
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > RebuildAbove)
            {
                await RebuildAsync(connection, transaction, cancellationToken);
                return;
            }
        }

        // The noted deals and all above them (their rests may change), then all below those (what the rests are counted from).
        var above = await IdsAsync(Command("""
            WITH RECURSIVE up(Id) AS (
                SELECT "DealId" FROM "UnionPending"
                UNION SELECT l."WiderId" FROM up INNER JOIN "DealLinks" AS l ON l."PartId" = up.Id WHERE l."DeletedAt" IS NULL)
            SELECT Id FROM up
            """), cancellationToken);
        if (above.Count == 0)
        {
            return;
        }

        var scope = Json(above);
        var below = Command($"""
            WITH RECURSIVE down(Id) AS (
                {SqlDialect.IdsOfJson(connection, "@scope")}
                UNION SELECT l."PartId" FROM down INNER JOIN "DealLinks" AS l ON l."WiderId" = down.Id WHERE l."DeletedAt" IS NULL)
            SELECT Id FROM down
            """);
        Add(below, "@scope", scope);
        var all = Json(await IdsAsync(below, cancellationToken));
        // The ids first, then each deal by its id (CROSS JOIN keeps SQLite's order as written): "Id IN (…) AND DeletedAt IS
        // NULL" let SQLite, with no statistics, walk an index on DeletedAt through every deal.
        var ids = SqlDialect.IdsOfJson(connection, $"'{all}'");
        var figures = $"""
            SELECT 0, d."Id", COALESCE(d."AmountLow", 0), COALESCE(d."AmountHigh", d."AmountLow", 0), d."AmountQualifier"
            FROM ({ids}) AS ids CROSS JOIN "Deals" AS d
            WHERE d."Id" = ids.value AND d."DeletedAt" IS NULL
            UNION ALL
            SELECT p."OrganizationId", p."DealId", COALESCE(p."CommitmentLow", 0), COALESCE(p."CommitmentHigh", p."CommitmentLow", 0), p."CommitmentQualifier"
            FROM ({ids}) AS ids CROSS JOIN "Deals" AS d CROSS JOIN "DealParticipants" AS p
            WHERE d."Id" = ids.value AND p."DealId" = d."Id" AND p."DeletedAt" IS NULL AND d."DeletedAt" IS NULL
            """;
        var counted = await UnionTotals.AdjustAsync(connection, figures, Command, fromLinks: false, cancellationToken);

        await using (var clear = Command($"""
            DELETE FROM "UnionRests" WHERE "WiderId" IN ({SqlDialect.IdsOfJson(connection, "@scope")});
            DELETE FROM "UnionPending";
            """))
        {
            Add(clear, "@scope", scope);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        var recounted = above.ToHashSet();
        await WriteAsync(Command, counted, recounted.Contains, cancellationToken);
    }

    /// <summary>How many noted deals make a full recount cheaper than following each one's links.</summary>
    private const int RebuildAbove = 5_000;

    /// <summary>
    /// Whether deals are noted. False too before the migration that creates the table: the transactions of the earlier
    /// migrations commit through the same interceptor.
    /// </summary>
    public static async Task<bool> AnyPendingAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = Create(connection, transaction, SqlDialect.TableExists(connection, "UnionPending"));
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        command.CommandText = "SELECT EXISTS (SELECT 1 FROM \"UnionPending\")";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>Counts every wider deal again from the tables: after a migration and after a bulk load that wrote around the triggers.</summary>
    public static async Task RebuildAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        DbCommand Command(string text) => Create(connection, transaction, text);
        var counted = new Dictionary<int, UnionAdjustment>();
        foreach (var figures in new[] { DealFigures, CommitmentFigures })
        {
            foreach (var (group, adjustment) in await UnionTotals.AdjustAsync(connection, figures, Command, fromLinks: true, cancellationToken))
            {
                counted[group] = adjustment;
            }
        }

        await using (var clear = Command("DELETE FROM \"UnionRests\"; DELETE FROM \"UnionPending\";"))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await WriteAsync(Command, counted, _ => true, cancellationToken);
    }

    // Only the rests the rule changes are kept: a wider deal whose parts count nothing in a group counts in full there.
    private static async Task WriteAsync(
        Func<string, DbCommand> command, IReadOnlyDictionary<int, UnionAdjustment> counted, Func<int, bool> keep, CancellationToken cancellationToken)
    {
        await using var insert = command("""
            INSERT INTO "UnionRests" ("GroupId", "WiderId", "OwnLow", "OwnHigh", "RestLow", "RestHigh", "Qualifier")
            VALUES (@group, @id, @ownLow, @ownHigh, @restLow, @restHigh, @qualifier)
            """);
        var parameters = new[] { "@group", "@id", "@ownLow", "@ownHigh", "@restLow", "@restHigh", "@qualifier" }
            .Select(name => Add(insert, name, 0)).ToArray();
        foreach (var (group, adjustment) in counted)
        {
            foreach (var deal in adjustment.Deals.Where(d => d.Unattributed != d.Own && keep(d.Id)))
            {
                object[] values = [group, deal.Id, deal.Own.Low, deal.Own.High, deal.Unattributed.Low, deal.Unattributed.High, deal.Qualifier.ToString()];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i];
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    // Every live deal's amount, and every live participation's commitment by organization, as the union rule reads them.
    private const string DealFigures = """
        SELECT 0, d."Id", COALESCE(d."AmountLow", 0), COALESCE(d."AmountHigh", d."AmountLow", 0), d."AmountQualifier"
        FROM "Deals" AS d WHERE d."DeletedAt" IS NULL
        """;

    private const string CommitmentFigures = """
        SELECT p."OrganizationId", p."DealId", COALESCE(p."CommitmentLow", 0), COALESCE(p."CommitmentHigh", p."CommitmentLow", 0), p."CommitmentQualifier"
        FROM "DealParticipants" AS p INNER JOIN "Deals" AS d ON d."Id" = p."DealId" WHERE p."DeletedAt" IS NULL AND d."DeletedAt" IS NULL
        """;

    private static string Json(IEnumerable<int> ids) => JsonSerializer.Serialize(ids);

    private static async Task<List<int>> IdsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            var ids = new List<int>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
            }

            return ids;
        }
    }

    private static DbCommand Create(DbConnection connection, DbTransaction? transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
