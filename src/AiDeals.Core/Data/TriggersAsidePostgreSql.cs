using AiDeals.Core.Data.Aggregates;
using AiDeals.Core.Data.Configurations;
using AiDeals.Core.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Data;

/// <summary>
/// <see cref="TriggersAside"/>'s twin on PostgreSQL: the same triggers (by the same names) switched off inside the
/// batch's transaction (<c>ALTER TABLE … DISABLE TRIGGER</c>, which a rollback undoes), and before the commit the same
/// derived data written in one pass each (sort keys, search entries, wider deals to recount, aggregates) and the
/// triggers switched on again. Other sessions never see them off: the switch is part of the uncommitted transaction,
/// and it holds the tables' lock against other writers until the commit, as SQLite's write lock does.
/// </summary>
internal sealed class TriggersAsidePostgreSql : TriggersAside
{
    // Restoring is switching the same triggers on again.
    private TriggersAsidePostgreSql(AiDealsDbContext db, List<(string Table, string Trigger)> disabled)
        : base(db, [.. disabled.Select(d => $"ALTER TABLE \"{d.Table}\" ENABLE TRIGGER \"{d.Trigger}\"")])
    {
    }

    public static new async Task<TriggersAside> SetAsideAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        var disabled = new List<(string Table, string Trigger)>();
        await using (var read = Command(db, """
            SELECT c.relname, t.tgname FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relnamespace = current_schema()::regnamespace
                AND (starts_with(t.tgname, @aggregate) OR starts_with(t.tgname, @search) OR right(t.tgname, length(@keys)) = @keys
                    OR starts_with(t.tgname, @union))
            ORDER BY c.relname, t.tgname
            """))
        {
            Parameter(read, "@aggregate", AggregateSql.TriggerPrefix);
            Parameter(read, "@search", DealSearchSql.TriggerPrefix);
            Parameter(read, "@keys", DealListKeys.TriggerSuffix);
            Parameter(read, "@union", UnionRestSql.TriggerPrefix);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                disabled.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, trigger) in disabled)
        {
            await ExecuteAsync(db, $"ALTER TABLE \"{table}\" DISABLE TRIGGER \"{trigger}\"", cancellationToken);
        }

        return new TriggersAsidePostgreSql(db, disabled);
    }

    protected override string RefreshSql => TouchedDealsSql + "\n"
        + DealListKeys.RefreshWhere(Touched, postgreSql: true) + "\n"
        + DealSearchSqlPostgreSql.RefreshDealsWhere(Touched) + "\n"
        + UnionRestSqlPostgreSql.NoteBatchWhere(Touched) + "\n"
        + "DROP TABLE pg_temp.\"BatchDeals\";\n"
        + AggregateSqlPostgreSql.Rebuild;

    protected override string BatchParameter => "@batch";

    private const string Touched = "d.\"Id\" IN (SELECT \"Id\" FROM pg_temp.\"BatchDeals\")";

    /// <summary>The deals the triggers would have written again, found from the batch's audit entries as on SQLite.</summary>
    private const string TouchedDealsSql = """
        CREATE TEMP TABLE "BatchDeals" ("Id" integer PRIMARY KEY);
        CREATE TEMP TABLE "BatchOrganizations" ("Id" integer PRIMARY KEY);
        INSERT INTO pg_temp."BatchDeals"
            SELECT CAST(a."EntityId" AS integer) FROM "AuditEntries" AS a WHERE a."Batch" = @batch AND a."EntityType" = 'Deal'
            ON CONFLICT DO NOTHING;
        INSERT INTO pg_temp."BatchDeals"
            SELECT p."DealId" FROM "AuditEntries" AS a JOIN "DealParticipants" AS p ON p."Id" = CAST(a."EntityId" AS integer)
            WHERE a."Batch" = @batch AND a."EntityType" = 'DealParticipant'
            UNION SELECT CAST(CAST(a."Changes" AS jsonb) -> 'DealId' ->> 'old' AS integer) FROM "AuditEntries" AS a
            WHERE a."Batch" = @batch AND a."EntityType" = 'DealParticipant' AND CAST(a."Changes" AS jsonb) -> 'DealId' ->> 'old' IS NOT NULL
            ON CONFLICT DO NOTHING;
        INSERT INTO pg_temp."BatchOrganizations"
            SELECT CAST(a."EntityId" AS integer) FROM "AuditEntries" AS a
            WHERE a."Batch" = @batch AND a."EntityType" = 'Organization'
                AND (jsonb_exists(CAST(a."Changes" AS jsonb), 'Name') OR jsonb_exists(CAST(a."Changes" AS jsonb), 'DeletedAt'))
            ON CONFLICT DO NOTHING;
        INSERT INTO pg_temp."BatchOrganizations"
            SELECT al."OrganizationId" FROM "AuditEntries" AS a JOIN "OrganizationAliases" AS al ON al."Id" = CAST(a."EntityId" AS integer)
            WHERE a."Batch" = @batch AND a."EntityType" = 'OrganizationAlias'
            UNION SELECT CAST(CAST(a."Changes" AS jsonb) -> 'OrganizationId' ->> 'old' AS integer) FROM "AuditEntries" AS a
            WHERE a."Batch" = @batch AND a."EntityType" = 'OrganizationAlias' AND CAST(a."Changes" AS jsonb) -> 'OrganizationId' ->> 'old' IS NOT NULL
            ON CONFLICT DO NOTHING;
        INSERT INTO pg_temp."BatchDeals"
            SELECT d."Id" FROM "Deals" AS d WHERE d."TargetId" IN (SELECT "Id" FROM pg_temp."BatchOrganizations")
            UNION SELECT p."DealId" FROM "DealParticipants" AS p WHERE p."OrganizationId" IN (SELECT "Id" FROM pg_temp."BatchOrganizations")
            ON CONFLICT DO NOTHING;
        DROP TABLE pg_temp."BatchOrganizations";
        """;
}
