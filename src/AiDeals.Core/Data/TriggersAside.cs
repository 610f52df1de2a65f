using System.Data.Common;
using AiDeals.Core.Data.Aggregates;
using AiDeals.Core.Data.Configurations;
using AiDeals.Core.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AiDeals.Core.Data;

/// <summary>
/// The triggers that keep derived data (the aggregates, the deal list's sort keys, the free-text index, the wider deals
/// to recount) set aside inside a large batch's transaction, and created again before it commits, with what they keep
/// written in one pass each: the aggregates recomputed (<see cref="AggregateSql.Rebuild"/>), the sort keys and search
/// entries of the deals the batch touched written as the triggers write them, and the wider deals the triggers would
/// have noted noted at once (<see cref="UnionRestSql.NoteBatchWhere"/>), whose rests the commit counts again.
/// SQLite compiles a table's triggers into every statement that writes it: with them, each of a batch's inserts costs
/// several times what it does alone, and a deal's search entry is written again for each of its participants. A batch
/// that rolls back takes the dropped triggers back with it; other connections see the schema change only at the
/// commit, by which time the triggers are back. On PostgreSQL: <see cref="TriggersAsidePostgreSql"/>.
/// </summary>
internal class TriggersAside
{
    private readonly AiDealsDbContext _db;
    private readonly List<string> _definitions;

    protected TriggersAside(AiDealsDbContext db, List<string> definitions) => (_db, _definitions) = (db, definitions);

    public static async Task<TriggersAside> SetAsideAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return await TriggersAsidePostgreSql.SetAsideAsync(db, cancellationToken);
        }

        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var read = Command(db, """
            SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (substr(name, 1, length($aggregate)) = $aggregate
                OR substr(name, 1, length($search)) = $search OR substr(name, -length($keys)) = $keys
                OR substr(name, 1, length($union)) = $union)
            """))
        {
            Parameter(read, "$aggregate", AggregateSql.TriggerPrefix);
            Parameter(read, "$search", DealSearchSql.TriggerPrefix);
            Parameter(read, "$keys", DealListKeys.TriggerSuffix);
            Parameter(read, "$union", UnionRestSql.TriggerPrefix);
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

        return new TriggersAside(db, [.. definitions.Values]);
    }

    /// <summary>
    /// Writes what the triggers would have written for the rows the batch audited under <paramref name="batch"/>, then
    /// creates the triggers again, in the batch's transaction.
    /// </summary>
    public async Task RestoreAsync(string batch, CancellationToken cancellationToken)
    {
        await using (var refresh = Command(_db, RefreshSql))
        {
            Parameter(refresh, BatchParameter, batch);
            await refresh.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var definition in _definitions)
        {
            await ExecuteAsync(_db, definition, cancellationToken);
        }
    }

    /// <summary>What the set-aside triggers would have written, for the deals of the batch named by <see cref="BatchParameter"/>.</summary>
    protected virtual string RefreshSql => TouchedDealsSql + "\n"
        + DealListKeys.RefreshWhere(Touched, postgreSql: false) + "\n"
        + DealSearchSql.RefreshDealsWhere(Touched) + "\n"
        + UnionRestSql.NoteBatchWhere(Touched) + "\n"
        + "DROP TABLE temp.\"BatchDeals\";\n"
        + AggregateSql.Rebuild;

    protected virtual string BatchParameter => "$batch";

    private const string Touched = "d.\"Id\" IN (SELECT \"Id\" FROM temp.\"BatchDeals\")";

    /// <summary>
    /// The deals whose sort keys or search entry the triggers would have written again, from the batch's audit entries
    /// (every row a batch writes has one, with its old and new values): the deals it wrote, the deals of the participants
    /// it wrote (where they were and where they are), and every deal of an organization whose name, deletion or aliases
    /// it changed, as target or participant: the same events the triggers answer.
    /// </summary>
    private static string TouchedDealsSql => """
        CREATE TEMP TABLE "BatchDeals" ("Id" INTEGER PRIMARY KEY);
        CREATE TEMP TABLE "BatchOrganizations" ("Id" INTEGER PRIMARY KEY);
        INSERT OR IGNORE INTO temp."BatchDeals"
            SELECT CAST(a."EntityId" AS INTEGER) FROM "AuditEntries" AS a WHERE a."Batch" = $batch AND a."EntityType" = 'Deal';
        INSERT OR IGNORE INTO temp."BatchDeals"
            SELECT p."DealId" FROM "AuditEntries" AS a JOIN "DealParticipants" AS p ON p."Id" = CAST(a."EntityId" AS INTEGER)
            WHERE a."Batch" = $batch AND a."EntityType" = 'DealParticipant'
            UNION SELECT json_extract(a."Changes", '$.DealId.old') FROM "AuditEntries" AS a
            WHERE a."Batch" = $batch AND a."EntityType" = 'DealParticipant' AND json_extract(a."Changes", '$.DealId.old') IS NOT NULL;
        INSERT OR IGNORE INTO temp."BatchOrganizations"
            SELECT CAST(a."EntityId" AS INTEGER) FROM "AuditEntries" AS a
            WHERE a."Batch" = $batch AND a."EntityType" = 'Organization'
                AND (json_type(a."Changes", '$.Name') IS NOT NULL OR json_type(a."Changes", '$.DeletedAt') IS NOT NULL);
        INSERT OR IGNORE INTO temp."BatchOrganizations"
            SELECT al."OrganizationId" FROM "AuditEntries" AS a JOIN "OrganizationAliases" AS al ON al."Id" = CAST(a."EntityId" AS INTEGER)
            WHERE a."Batch" = $batch AND a."EntityType" = 'OrganizationAlias'
            UNION SELECT json_extract(a."Changes", '$.OrganizationId.old') FROM "AuditEntries" AS a
            WHERE a."Batch" = $batch AND a."EntityType" = 'OrganizationAlias' AND json_extract(a."Changes", '$.OrganizationId.old') IS NOT NULL;
        INSERT OR IGNORE INTO temp."BatchDeals"
            SELECT d."Id" FROM "Deals" AS d WHERE d."TargetId" IN (SELECT "Id" FROM temp."BatchOrganizations")
            UNION SELECT p."DealId" FROM "DealParticipants" AS p WHERE p."OrganizationId" IN (SELECT "Id" FROM temp."BatchOrganizations");
        DROP TABLE temp."BatchOrganizations";
        """;

    protected static void Parameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value);
        command.Parameters.Add(parameter);
    }

    protected static async Task ExecuteAsync(AiDealsDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected static DbCommand Command(AiDealsDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The triggers are set aside only inside a batch's transaction.");
        command.CommandText = sql;
        return command;
    }
}
