using System.Data.Common;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>
/// An organization's counted commitments, summed in SQL over all its participations however many (38,000 for the busiest
/// investor of a million deals), so the profile reads only the rows it shows; the union rule then replaces the
/// commitments in its deals that have parts by what they add beyond those parts.
/// </summary>
internal static class OrganizationCommitmentTotals
{
    /// <summary>
    /// The union rule (<see cref="UnionTotals"/>) on the organization's commitments: its deals that have parts, with what
    /// its commitment there adds beyond its own commitments in those parts (at any depth, each part once).
    /// </summary>
    public static async Task<UnionAdjustment> WiderAsync(AiDealsDbContext db, int organizationId, CancellationToken cancellationToken)
    {
        // Kept in the transaction of every write (UnionRests): the organization's few rows, not a walk of its deals' links.
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await KeptUnion.AdjustmentAsync(db.Database.GetDbConnection(), organizationId, cancellationToken);
    }

    /// <summary>The deals whose commitment is counted through the organization's commitments in their parts, not in full.</summary>
    public static HashSet<int> CountedThroughParts(UnionAdjustment wider) =>
        [.. wider.Deals.Where(d => d.Unattributed != d.Own).Select(d => d.Id)];

    /// <summary>
    /// The organization's counted commitments summed, and its deals whose share the dollar total cannot hold, in the same
    /// pass over its participations (a second pass took as long again: 58 ms for the busiest investor of a million deals).
    /// Those are the deals where it gave no commitment in dollars, and either its commitment was reported in another
    /// currency that no rate converted, or the deal's amount, in another currency, was converted by no rate.
    /// </summary>
    // Summed as floating point, which cannot overflow as a sum of longs does (see AmountRange.Total).
    public static async Task<(CommittedTotal Total, int Unconverted)> TotalAsync(
        AiDealsDbContext db, int organizationId, UnionAdjustment wider, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(db, cancellationToken);
        await using var command = Command(connection, organizationId, $"""
            SELECT {SqlDialect.Count}, {SqlDialect.Total(connection, "COALESCE(p.\"CommitmentLow\", 0)")},
                   {SqlDialect.Total(connection, "COALESCE(p.\"CommitmentHigh\", p.\"CommitmentLow\", 0)")},
                   {SqlDialect.CountWhere("p.\"CommitmentQualifier\" = 'AtLeast'")}, {SqlDialect.CountWhere("p.\"CommitmentQualifier\" = 'Undisclosed'")},
                   CAST(COUNT(DISTINCT CASE WHEN p."CommitmentQualifier" = 'Undisclosed' AND ({ReportedFigures.UnconvertedSql("p")} OR {ReportedFigures.UnconvertedSql("d")}) THEN p."DealId" END) AS integer)
            {CountedFrom}
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = UnionTotal.Of(
            new PlainSum(reader.GetInt32(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetInt32(3), reader.GetInt32(4)), wider);
        return (new CommittedTotal(total.Low, total.High, total.OpenEnded, total.CountedInFull, total.Undisclosed), reader.GetInt32(5));
    }

    /// <summary>Disclosed counted commitments by the year the deal was announced; undated deals last.</summary>
    public static async Task<List<CommittedInYear>> ByYearAsync(AiDealsDbContext db, int organizationId, UnionAdjustment wider, CancellationToken cancellationToken)
    {
        var years = new Dictionary<int, (double Low, double High)>();
        var connection = await ConnectionAsync(db, cancellationToken);
        // The year of a date: SQLite keeps dates as 'yyyy-MM-dd' text, PostgreSQL as dates.
        var yearOf = SqlDialect.IsPostgreSql(connection)
            ? "CAST(EXTRACT(YEAR FROM d.\"AnnouncedOn\") AS integer)"
            : "CAST(substr(d.\"AnnouncedOn\", 1, 4) AS INTEGER)";
        await using (var command = Command(connection, organizationId, $"""
            SELECT COALESCE({yearOf}, -1), {SqlDialect.Total(connection, "COALESCE(p.\"CommitmentLow\", 0)")},
                   {SqlDialect.Total(connection, "COALESCE(p.\"CommitmentHigh\", p.\"CommitmentLow\", 0)")}
            {CountedFrom} AND p."CommitmentQualifier" <> 'Undisclosed'
            GROUP BY 1
            """))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                years[reader.GetInt32(0)] = (reader.GetDouble(1), reader.GetDouble(2));
            }
        }

        // Each wider deal's commitment moves from its full figure to its unattributed rest, in the year of that deal.
        var changed = wider.Deals.Where(d => d.Unattributed != d.Own && d.Qualifier != AmountQualifier.Undisclosed).ToList();
        var ids = changed.Select(d => d.Id).ToList();
        // Live deals already, read by id alone: with the live filter too, SQLite (no statistics) served "Id IN (…) AND
        // DeletedAt IS NULL" from the covering index on (DeletedAt, AnnouncedOn), a walk through every deal.
        var announced = ids.Count == 0 ? [] : await db.Deals.IgnoreQueryFilters().AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.AnnouncedOn })
            .ToDictionaryAsync(d => d.Id, d => d.AnnouncedOn, cancellationToken);
        foreach (var deal in changed)
        {
            var year = announced.GetValueOrDefault(deal.Id)?.Year ?? -1;
            var (low, high) = years.GetValueOrDefault(year);
            years[year] = (low + deal.Unattributed.Low - deal.Own.Low, high + deal.Unattributed.High - deal.Own.High);
        }

        return [.. years
            .Select(y => new CommittedInYear(y.Key == -1 ? null : y.Key, AmountRange.Total(y.Value.Low), AmountRange.Total(y.Value.High)))
            .OrderBy(y => y.Year ?? int.MaxValue)];
    }

    // Quoted identifiers and an @ parameter: read alike by SQLite and PostgreSQL.
    private const string CountedFrom = """
        FROM "DealParticipants" p JOIN "Deals" d ON d."Id" = p."DealId"
        WHERE p."OrganizationId" = @organization AND p."DeletedAt" IS NULL AND d."DeletedAt" IS NULL
        """;

    private static async Task<DbConnection> ConnectionAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db.Database.GetDbConnection();
    }

    private static DbCommand Command(DbConnection connection, int organizationId, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@organization", organizationId);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
