using System.Data.Common;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// The deal list's union total of a filter's matches in one search of them (<see cref="DealListSql.Totals"/>): the plain
/// sum and the deals left out are added up here, and only a set that holds a wider deal is read again, by primary key,
/// for the rule's adjustment. A search of the free-text index is the dearest part of a text filter: it ran four times for
/// the count, the sum, the adjustment and the deals left out.
/// </summary>
internal static class DealListTotals
{
    /// <summary>The total of the matches, or null past <paramref name="cap"/> of them.</summary>
    public static async Task<UnionTotal?> ReadAsync(
        DbConnection connection, DealListSql sql, int cap, Func<string, DbCommand> filtered, Func<string, DbCommand> plain, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        long low = 0, high = 0;
        int atLeast = 0, undisclosed = 0, unconverted = 0;
        var anyWider = false;
        await using (var read = filtered(sql.Totals(cap + 1)))
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (ids.Count == cap)
                {
                    return null;
                }

                ids.Add(reader.GetInt32(0));
                // Whole dollars as SQLite stores them, a bigint on PostgreSQL; summed exactly, then as a double the sum.
                low += reader.GetInt64(1);
                high += reader.GetInt64(2);
                var qualifier = reader.GetString(3);
                atLeast += qualifier == nameof(AmountQualifier.AtLeast) ? 1 : 0;
                undisclosed += qualifier == nameof(AmountQualifier.Undisclosed) ? 1 : 0;
                unconverted += reader.GetInt32(4);
                anyWider |= reader.GetInt32(5) == 1;
            }
        }

        var sum = new PlainSum(ids.Count, low, high, atLeast, undisclosed);
        if (!anyWider)
        {
            return UnionTotal.Of(sum, UnionAdjustment.None).LeavingOut(unconverted);
        }

        var adjustments = await UnionTotals.AdjustAsync(connection, DealListSql.FiguresOf(ids), plain, fromLinks: false, cancellationToken);
        return UnionTotal.Of(sum, adjustments.Values.SingleOrDefault() ?? UnionAdjustment.None).LeavingOut(unconverted);
    }
}
