using AiDeals.Core.Data.Aggregates;
using Microsoft.Data.Sqlite;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// The aggregate triggers (<see cref="AggregateSql"/>) and those noting wider deals to recount (<see cref="UnionRestSql"/>),
/// set aside while a run writes and created again from their own SQL afterwards, when the aggregates and the wider deals'
/// rests are recomputed from the tables in one pass: a million deals' triggers, each updating the same few counters,
/// would cost more than the rows themselves.
/// </summary>
internal sealed class SyntheticAggregates
{
    private readonly List<string> _definitions = [];

    public void Drop(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        var names = new List<string>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'trigger' AND (substr(name, 1, length($prefix)) = $prefix OR substr(name, 1, length($union)) = $union)
                """;
            read.Parameters.AddWithValue("$prefix", AggregateSql.TriggerPrefix);
            read.Parameters.AddWithValue("$union", UnionRestSql.TriggerPrefix);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
                _definitions.Add(reader.GetString(1));
            }
        }

        foreach (var name in names)
        {
            connection.Execute(transaction, $"DROP TRIGGER \"{name}\"");
        }

        transaction.Commit();
    }

    /// <summary>Creates the triggers again and recomputes the aggregates, then the wider deals' rests, in one transaction.</summary>
    public void Restore(SqliteConnection connection, SyntheticPhases phases)
    {
        using var transaction = connection.BeginTransaction();
        phases.Run("Counting the dashboard's aggregates", () =>
        {
            foreach (var definition in _definitions)
            {
                connection.Execute(transaction, definition);
            }

            connection.Execute(transaction, AggregateSql.Rebuild);
        });
        phases.Run("Counting the wider deals' rests", () =>
            Features.Deals.UnionRests.RebuildAsync(connection, transaction, CancellationToken.None).GetAwaiter().GetResult());
        transaction.Commit();
        _definitions.Clear();
    }
}
