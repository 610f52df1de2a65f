using System.Globalization;
using System.Text.Json;
using AiDeals.Core.Data.Aggregates;
using AiDeals.Core.Data;

namespace AiDeals.Core.Tests.Support;

/// <summary>
/// Compares the aggregates the triggers kept with a full recomputation: the tables as kept, then as
/// <see cref="AggregateSql.Rebuild"/> computes them from every row; and the dashboard read from them with the
/// dashboard recounted from every deal (<see cref="DashboardRecount"/>).
/// </summary>
internal static class AggregateCheck
{
    public static async Task AssertMatchRecomputationAsync(TestDatabase database, string step)
    {
        var token = TestContext.Current.CancellationToken;
        var summary = JsonSerializer.Serialize(await database.Dashboard.GetSummaryAsync(token));
        var recounted = JsonSerializer.Serialize(await new DashboardRecount(database.Contexts).GetSummaryAsync(token));
        Assert.True(recounted == summary, $"After {step}, the dashboard from the aggregates differs from a recount:\n{summary}\n{recounted}");

        var kept = await ReadAsync(database);
        await using (var connection = await database.OpenConnectionAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync(token);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = database.Provider == DatabaseProvider.PostgreSql ? AggregateSqlPostgreSql.Rebuild : AggregateSql.Rebuild;
            await command.ExecuteNonQueryAsync(token);
            await transaction.CommitAsync(token);
        }

        var rebuilt = await ReadAsync(database);
        Assert.True(rebuilt.SequenceEqual(kept), $"After {step}, the kept aggregates differ from a rebuild:\n"
            + string.Join("\n", kept.Except(rebuilt).Select(r => "kept    " + r).Concat(rebuilt.Except(kept).Select(r => "rebuilt " + r))));
    }

    /// <summary>Every aggregate row as text, sorted; rows of nothing but zeros left out (a rebuild writes none).</summary>
    public static async Task<List<string>> ReadAsync(TestDatabase database)
    {
        var token = TestContext.Current.CancellationToken;
        await using var connection = await database.OpenConnectionAsync();
        var rows = new List<string>();
        foreach (var table in new[] { "DashboardCounts", "ActivityMonths", "OrganizationTotals" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)).ToList();
                if (values.Skip(1).All(v => Convert.ToDouble(v, CultureInfo.InvariantCulture) == 0))
                {
                    continue;
                }

                // A sum is compared as the number it is, whether SQLite holds it as an integer or as a real.
                rows.Add(table + " " + string.Join(" | ", values.Select(v => v is double or long ? Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture))));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
