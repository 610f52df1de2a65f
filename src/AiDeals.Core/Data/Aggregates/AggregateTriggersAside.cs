using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AiDeals.Core.Data.Aggregates;

/// <summary>
/// The aggregate triggers set aside inside a large batch's transaction and created again, with the aggregates
/// recomputed in one pass (<see cref="AggregateSql.Rebuild"/>), before it commits. SQLite compiles a table's triggers
/// into every statement that writes it: with them, each of a batch's inserts costs several times what it does alone.
/// A batch that rolls back takes the dropped triggers back with it; other connections see the schema change only at
/// the commit, by which time the triggers are back. The triggers that note wider deals to recount (<see cref="UnionRestSql"/>)
/// have another prefix and stay: the batch's commit counts the noted ones again (<see cref="UnionRestsInterceptor"/>).
/// </summary>
internal sealed class AggregateTriggersAside
{
    private readonly AiDealsDbContext _db;
    private readonly List<string> _definitions;

    private AggregateTriggersAside(AiDealsDbContext db, List<string> definitions) => (_db, _definitions) = (db, definitions);

    public static async Task<AggregateTriggersAside> SetAsideAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var read = Command(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, length($prefix)) = $prefix"))
        {
            var prefix = read.CreateParameter();
            (prefix.ParameterName, prefix.Value) = ("$prefix", AggregateSql.TriggerPrefix);
            read.Parameters.Add(prefix);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                definitions[reader.GetString(0)] = reader.GetString(1);
            }
        }

        foreach (var name in definitions.Keys)
        {
            await ExecuteAsync(db, $"DROP TRIGGER \"{name}\"", cancellationToken);
        }

        return new AggregateTriggersAside(db, [.. definitions.Values]);
    }

    /// <summary>Creates the triggers again and recomputes the aggregates from the tables, in the batch's transaction.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in _definitions)
        {
            await ExecuteAsync(_db, definition, cancellationToken);
        }

        await ExecuteAsync(_db, AggregateSql.Rebuild, cancellationToken);
    }

    private static async Task ExecuteAsync(AiDealsDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(AiDealsDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The aggregate triggers are set aside only inside a batch's transaction.");
        command.CommandText = sql;
        return command;
    }
}
