using System.Data.Common;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// Totals' reads of the kept rests (<see cref="UnionRests"/>): what the union rule changes in a kept plain sum of every
/// live deal (group 0) or of one organization's commitments, read from the rows of one group, never from the links.
/// </summary>
public static class KeptUnion
{
    /// <summary>The adjustment of group <paramref name="group"/>, summed in SQL (47,000 rows for the amounts of a million deals).</summary>
    public static async Task<AdjustmentSums> SumsAsync(DbConnection connection, int group, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"""
            SELECT {SqlDialect.Total(connection, "\"RestLow\" - \"OwnLow\"")}, {SqlDialect.Total(connection, "\"RestHigh\" - \"OwnHigh\"")},
                   {SqlDialect.Total(connection, "\"RestLow\"")}, {SqlDialect.Total(connection, "\"RestHigh\"")}, {SqlDialect.Count},
                   {SqlDialect.CountWhere("\"Qualifier\" = 'AtLeast'")}, {SqlDialect.CountWhere("\"Qualifier\" = 'Undisclosed'")}
            FROM "UnionRests" WHERE "GroupId" = @group
            """, group);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AdjustmentSums(
            reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6));
    }

    /// <summary>Per organization with a changed commitment, what the rule adds to its kept sums, low and high.</summary>
    public static async Task<IReadOnlyDictionary<int, (double Low, double High)>> ByOrganizationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"""
            SELECT "GroupId", {SqlDialect.Total(connection, "\"RestLow\" - \"OwnLow\"")}, {SqlDialect.Total(connection, "\"RestHigh\" - \"OwnHigh\"")}
            FROM "UnionRests" WHERE "GroupId" <> @group GROUP BY "GroupId"
            """, 0);
        var sums = new Dictionary<int, (double Low, double High)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sums[reader.GetInt32(0)] = (reader.GetDouble(1), reader.GetDouble(2));
        }

        return sums;
    }

    /// <summary>The wider deals group <paramref name="group"/> counts through their parts, each with its own figure and rest.</summary>
    public static async Task<UnionAdjustment> AdjustmentAsync(DbConnection connection, int group, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            SELECT "WiderId", "OwnLow", "OwnHigh", "RestLow", "RestHigh", "Qualifier" FROM "UnionRests" WHERE "GroupId" = @group
            """, group);
        var deals = new List<WiderDeal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deals.Add(new WiderDeal(
                reader.GetInt32(0),
                new UnionTotals.Figure(reader.GetDouble(1), reader.GetDouble(2)),
                new UnionTotals.Figure(reader.GetDouble(3), reader.GetDouble(4)),
                Enum.Parse<AmountQualifier>(reader.GetString(5))));
        }

        return new UnionAdjustment(deals);
    }

    private static DbCommand Command(DbConnection connection, string text, int group)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("@group", group);
        command.Parameters.Add(parameter);
        return command;
    }
}
