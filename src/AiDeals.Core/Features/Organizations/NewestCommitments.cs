using AiDeals.Core.Data;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>
/// Which of a busy investor's participations its profile shows first: the newest deals, found by walking the deals'
/// index on the announcement date and probing each deal for the investor, as the deal list filtered by a busy investor
/// does (<see cref="DealListReader.WalkWhenManyMatchAsync"/>). Read from its participations instead, SQLite joined and
/// sorted every one of them: 55 ms for an investor in 38,810 deals of a million, against 0.6 ms for the walk.
/// </summary>
internal static class NewestCommitments
{
    /// <summary>
    /// The ids of the organization's newest <paramref name="count"/> live participations in live deals, by the walk, when
    /// it is a busy investor on SQLite (<paramref name="participations"/> at least one in 400 live deals); null otherwise,
    /// when reading its participations costs less than the walk (and on PostgreSQL, whose planner counts rows itself).
    /// </summary>
    public static async Task<List<int>?> IdsAsync(AiDealsDbContext db, int organizationId, int participations, int count, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() || participations < DealListReader.MinimumParticipationsToWalk)
        {
            return null;
        }

        var deals = await db.DashboardCounts.AsNoTracking().Where(c => c.Key == "deals").Select(c => c.Count).SingleOrDefaultAsync(cancellationToken);
        if ((long)participations * DealListReader.DealsPerParticipationToWalk < deals)
        {
            return null;
        }

        // The order of the profile's query (announced newest first, then by title; undated last), the date's index walked
        // backwards and only the ties sorted. CROSS JOIN keeps SQLite from driving the join from the participations.
        return await db.Database.SqlQuery<int>($"""
            SELECT p."Id" AS "Value" FROM "Deals" AS d
            CROSS JOIN "DealParticipants" AS p ON p."DealId" = d."Id" AND p."OrganizationId" = {organizationId} AND p."DeletedAt" IS NULL
            WHERE d."DeletedAt" IS NULL
            ORDER BY d."AnnouncedOn" DESC, d."Title"
            LIMIT {count}
            """).ToListAsync(cancellationToken);
    }
}
