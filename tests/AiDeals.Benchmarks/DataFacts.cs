using Microsoft.Data.Sqlite;

namespace AiDeals.Benchmarks;

/// <summary>
/// The records the cases ask for, picked from the database itself (the generator is deterministic by seed, so a
/// regenerated database gives the same picks): an investor of about as many deals as a typical filter shows, the
/// busiest investor for the profile, the deal with the most participants for the detail page, and the deep page's cursor.
/// </summary>
internal sealed record DataFacts(
    long Deals,
    string FilterInvestor,
    long FilterInvestorDeals,
    string BusyInvestor,
    string BusyInvestorName,
    long BusyInvestorDeals,
    int DetailDealId,
    string DetailDealTitle,
    int DeepPage,
    (string AnnouncedOn, int Id)? DeepCursor)
{
    public const int PageSize = 25;

    /// <summary>The typical size of an investor filter's result the issue measured (68 deals).</summary>
    private const int TypicalInvestorDeals = 68;

    public static async Task<DataFacts> ReadAsync(SqliteConnection connection, Schema schema)
    {
        var deals = await Sql.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM Deals WHERE DeletedAt IS NULL");
        var perInvestor = await Sql.ListAsync(connection, """
            SELECT o.Slug, o.Name, c.Deals FROM (
                SELECT OrganizationId, COUNT(DISTINCT DealId) AS Deals FROM DealParticipants WHERE DeletedAt IS NULL GROUP BY OrganizationId) AS c
            JOIN Organizations AS o ON o.Id = c.OrganizationId AND o.DeletedAt IS NULL
            ORDER BY c.Deals DESC, o.Slug
            """, r => (Slug: r.GetString(0), Name: r.GetString(1), Deals: r.GetInt64(2)));
        if (perInvestor.Count == 0)
        {
            throw new InvalidOperationException("The database has no investors: generate one with the CLI's generate command.");
        }

        var typical = perInvestor.MinBy(i => Math.Abs(i.Deals - TypicalInvestorDeals));
        var busiest = perInvestor[0];
        var detail = await Sql.ListAsync(connection, """
            SELECT d.Id, d.Title FROM Deals AS d
            WHERE d.DeletedAt IS NULL AND d.Id = (SELECT DealId FROM DealParticipants GROUP BY DealId ORDER BY COUNT(*) DESC, DealId LIMIT 1)
            """, r => (Id: r.GetInt32(0), Title: r.GetString(1)));

        // The middle of the list: an OFFSET walks half the index, a keyset starts where the previous page ended.
        var deepPage = (int)(deals / PageSize / 2);
        var cursor = deepPage == 0 ? [] : await Sql.ListAsync(connection,
            $"SELECT AnnouncedOn, Id FROM Deals WHERE DeletedAt IS NULL ORDER BY AnnouncedOn DESC, Id {(schema.TiesFollowSort ? "DESC" : "ASC")} LIMIT 1 OFFSET @offset",
            r => (r.IsDBNull(0) ? null : r.GetString(0), r.GetInt32(1)),
            ("@offset", (deepPage * PageSize) - 1));

        return new DataFacts(
            deals,
            typical.Slug,
            typical.Deals,
            busiest.Slug,
            busiest.Name,
            busiest.Deals,
            detail.Count == 0 ? 0 : detail[0].Id,
            detail.Count == 0 ? string.Empty : detail[0].Title,
            deepPage,
            cursor.Count == 1 && cursor[0].Item1 is { } on ? (on, cursor[0].Item2) : null);
    }
}
