using System.Data.Common;
using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>
/// An organization's counted commitments, summed in SQL over all its participations however many (38,000 for the busiest
/// investor of a million deals), so the profile reads only the rows it shows.
/// </summary>
internal static class OrganizationCommitmentTotals
{
    /// <summary>
    /// The organization's deals that have another of its deals somewhere under them: their commitment is already counted
    /// through those parts. The walk goes up from each of its deals through live umbrellas (a deleted one ends the chain),
    /// so a part nested under a deal it takes no part in still reaches the umbrella above.
    /// </summary>
    public static async Task<HashSet<int>> UmbrellasAsync(AiDealsDbContext db, int organizationId, CancellationToken cancellationToken)
    {
        var umbrellas = new HashSet<int>();
        await using var command = await CommandAsync(db, organizationId, $"""
            WITH RECURSIVE {OwnDeals},
            up(Id) AS (
                SELECT d.ParentId FROM own JOIN Deals d ON d.Id = own.Id WHERE d.ParentId IS NOT NULL
                UNION
                SELECT d.ParentId FROM up JOIN Deals d ON d.Id = up.Id WHERE d.DeletedAt IS NULL AND d.ParentId IS NOT NULL)
            SELECT Id FROM up WHERE Id IN (SELECT Id FROM own)
            """, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            umbrellas.Add(reader.GetInt32(0));
        }

        return umbrellas;
    }

    // Summed as REAL, which cannot overflow as a sum of longs does (see AmountRange.Total).
    public static async Task<CommittedTotal> TotalAsync(AiDealsDbContext db, int organizationId, HashSet<int> umbrellas, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, organizationId, $"""
            SELECT TOTAL(COALESCE(p.CommitmentLow, 0)), TOTAL(COALESCE(p.CommitmentHigh, p.CommitmentLow, 0)),
                   COALESCE(MAX(p.CommitmentQualifier = 'AtLeast'), 0), COUNT(*), COALESCE(SUM(p.CommitmentQualifier = 'Undisclosed'), 0)
            {CountedFrom}
            """, cancellationToken, umbrellas);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CommittedTotal(
            AmountRange.Total(reader.GetDouble(0)),
            AmountRange.Total(reader.GetDouble(1)),
            reader.GetInt64(2) == 1,
            reader.GetInt32(3),
            reader.GetInt32(4));
    }

    /// <summary>Disclosed counted commitments by the year the deal was announced; undated deals last.</summary>
    public static async Task<List<CommittedInYear>> ByYearAsync(AiDealsDbContext db, int organizationId, HashSet<int> umbrellas, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, organizationId, $"""
            SELECT CAST(substr(d.AnnouncedOn, 1, 4) AS INTEGER), TOTAL(COALESCE(p.CommitmentLow, 0)), TOTAL(COALESCE(p.CommitmentHigh, p.CommitmentLow, 0))
            {CountedFrom} AND p.CommitmentQualifier <> 'Undisclosed'
            GROUP BY 1
            """, cancellationToken, umbrellas);
        var years = new List<CommittedInYear>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            years.Add(new CommittedInYear(
                reader.IsDBNull(0) ? null : reader.GetInt32(0),
                AmountRange.Total(reader.GetDouble(1)),
                AmountRange.Total(reader.GetDouble(2))));
        }

        return [.. years.OrderBy(y => y.Year ?? int.MaxValue)];
    }

    private const string OwnDeals = """
        own(Id) AS (
            SELECT p.DealId FROM DealParticipants p JOIN Deals d ON d.Id = p.DealId
            WHERE p.OrganizationId = $organization AND p.DeletedAt IS NULL AND d.DeletedAt IS NULL)
        """;

    private const string CountedFrom = """
        FROM DealParticipants p JOIN Deals d ON d.Id = p.DealId
        WHERE p.OrganizationId = $organization AND p.DeletedAt IS NULL AND d.DeletedAt IS NULL
          AND p.DealId NOT IN (SELECT value FROM json_each($umbrellas))
        """;

    private static async Task<DbCommand> CommandAsync(
        AiDealsDbContext db, int organizationId, string sql, CancellationToken cancellationToken, HashSet<int>? umbrellas = null)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        Add(command, "$organization", organizationId);
        Add(command, "$umbrellas", "[" + string.Join(",", (umbrellas ?? []).Select(u => u.ToString(CultureInfo.InvariantCulture))) + "]");
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
