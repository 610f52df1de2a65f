using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AiDeals.Benchmarks;

/// <summary>
/// The limit for the dashboard, a profile and a deal page: the same figures and rows read with the fewest passes the
/// schema allows. Where the schema keeps no aggregates, the dashboard's limit is one pass over the deals and one over
/// the participants: that, not a page of rows, is what its figures cost until they are kept up to date as deals change.
/// </summary>
internal static class RawPages
{
    private const string Leaf =
        "NOT EXISTS (SELECT 1 FROM DealLinks AS l JOIN Deals AS c ON c.Id = l.PartId WHERE l.WiderId = d.Id AND l.DeletedAt IS NULL AND c.DeletedAt IS NULL)";

    private static readonly string[] DashboardSql =
    [
        "SELECT COUNT(*) FROM Deals WHERE DeletedAt IS NULL",
        "SELECT Status, COUNT(*) FROM Deals WHERE DeletedAt IS NULL GROUP BY Status",
        "SELECT Kind, COUNT(*) FROM Deals WHERE DeletedAt IS NULL GROUP BY Kind",
        $"""
        SELECT SUM(CAST(COALESCE(d.AmountLow, 0) AS REAL)), SUM(CAST(COALESCE(d.AmountHigh, d.AmountLow, 0) AS REAL)),
               MAX(d.AmountQualifier = 'AtLeast'), COUNT(*), SUM(d.AmountQualifier = 'Undisclosed')
        FROM Deals AS d WHERE d.DeletedAt IS NULL AND {Leaf}
        """,
        $"""
        SELECT d.Id, d.Title, d.AmountLow, d.AmountHigh, d.AmountQualifier, t.Name, t.Slug
        FROM Deals AS d LEFT JOIN Organizations AS t ON t.Id = d.TargetId AND t.DeletedAt IS NULL
        WHERE d.DeletedAt IS NULL AND COALESCE(d.AmountHigh, d.AmountLow) IS NOT NULL AND {Leaf}
        ORDER BY COALESCE(d.AmountHigh, d.AmountLow) DESC, d.Id LIMIT 1
        """,
        """
        SELECT o.Name, o.Slug, v.Amount, v.AsOf, v.AsOfPrecision, v.Kind
        FROM Valuations AS v JOIN Organizations AS o ON o.Id = v.OrganizationId AND o.DeletedAt IS NULL
        WHERE v.DeletedAt IS NULL ORDER BY v.AsOf DESC, v.Id DESC LIMIT 1
        """,
        $"""
        WITH live AS MATERIALIZED (
            SELECT p.OrganizationId, p.CommitmentLow, p.CommitmentHigh, {Leaf} AS IsLeaf
            FROM Deals AS d JOIN DealParticipants AS p ON p.DealId = d.Id AND p.DeletedAt IS NULL
            WHERE d.DeletedAt IS NULL)
        SELECT (SELECT COUNT(DISTINCT OrganizationId) FROM live), o.Name, o.Slug, g.Low, g.High, g.Deals
        FROM (SELECT OrganizationId, SUM(CAST(COALESCE(CommitmentLow, 0) AS REAL)) AS Low,
                     SUM(CAST(COALESCE(CommitmentHigh, CommitmentLow, 0) AS REAL)) AS High, COUNT(*) AS Deals
              FROM live WHERE IsLeaf GROUP BY OrganizationId) AS g
        JOIN Organizations AS o ON o.Id = g.OrganizationId AND o.DeletedAt IS NULL
        WHERE g.High > 0 ORDER BY g.High DESC, o.Name LIMIT 8
        """,
        """
        SELECT substr(AnnouncedOn, 1, 7), COUNT(*) FROM Deals
        WHERE DeletedAt IS NULL AND AnnouncedPrecision IN ('Day', 'Month')
          AND AnnouncedOn >= date((SELECT MAX(AnnouncedOn) FROM Deals WHERE DeletedAt IS NULL), 'start of month', '-11 months')
        GROUP BY 1
        """,
        """
        SELECT substr(OccurredOn, 1, 7), COUNT(*) FROM MarketEvents
        WHERE DeletedAt IS NULL AND OccurredPrecision IN ('Day', 'Month') GROUP BY 1
        """,
    ];

    private static readonly string[] ProfileSql =
    [
        "SELECT Name FROM OrganizationAliases WHERE OrganizationId = @id ORDER BY Name",
        """
        SELECT p.DealId, d.Title, t.Name, t.Slug, p.Role, p.CommitmentLow, p.CommitmentHigh, p.CommitmentQualifier,
               d.Status, d.AnnouncedOn, d.AnnouncedPrecision
        FROM DealParticipants AS p JOIN Deals AS d ON d.Id = p.DealId AND d.DeletedAt IS NULL
        LEFT JOIN Organizations AS t ON t.Id = d.TargetId AND t.DeletedAt IS NULL
        WHERE p.OrganizationId = @id AND p.DeletedAt IS NULL
        ORDER BY d.AnnouncedOn DESC, d.Title LIMIT 50
        """,
        // The page shows its first 50 deals as investor and says how many there are: the kept count.
        "SELECT Deals FROM OrganizationTotals WHERE OrganizationId = @id",
        // What it committed and the deals left out of its dollar total, then its disclosed commitments by year: a pass over
        // its participations each (one pass grouping all of them by year cost more than the two).
        """
        SELECT COUNT(*), TOTAL(COALESCE(p.CommitmentLow, 0)), TOTAL(COALESCE(p.CommitmentHigh, p.CommitmentLow, 0)),
               SUM(p.CommitmentQualifier = 'AtLeast'), SUM(p.CommitmentQualifier = 'Undisclosed'),
               COUNT(DISTINCT CASE WHEN p.CommitmentQualifier = 'Undisclosed' AND ((p.Currency <> 'USD' AND p.RateOn IS NULL AND p.ReportedQualifier <> 'Undisclosed')
                   OR (d.Currency <> 'USD' AND d.RateOn IS NULL AND d.ReportedQualifier <> 'Undisclosed')) THEN p.DealId END)
        FROM DealParticipants AS p JOIN Deals AS d ON d.Id = p.DealId AND d.DeletedAt IS NULL
        WHERE p.OrganizationId = @id AND p.DeletedAt IS NULL
        """,
        """
        SELECT COALESCE(CAST(substr(d.AnnouncedOn, 1, 4) AS INTEGER), -1), TOTAL(COALESCE(p.CommitmentLow, 0)), TOTAL(COALESCE(p.CommitmentHigh, p.CommitmentLow, 0))
        FROM DealParticipants AS p JOIN Deals AS d ON d.Id = p.DealId AND d.DeletedAt IS NULL
        WHERE p.OrganizationId = @id AND p.DeletedAt IS NULL AND p.CommitmentQualifier <> 'Undisclosed' GROUP BY 1
        """,
        $"""
        SELECT d.Id, d.Title, d.Status, d.AmountLow, d.AmountHigh, d.AmountQualifier, d.AnnouncedOn, d.AnnouncedPrecision, {Leaf}
        FROM Deals AS d WHERE d.TargetId = @id AND d.DeletedAt IS NULL ORDER BY d.AnnouncedOn DESC, d.Title, d.Id
        """,
        """
        SELECT p.DealId, o.Name, o.Slug FROM Deals AS d
        JOIN DealParticipants AS p ON p.DealId = d.Id AND p.DeletedAt IS NULL
        JOIN Organizations AS o ON o.Id = p.OrganizationId AND o.DeletedAt IS NULL
        WHERE d.TargetId = @id AND d.DeletedAt IS NULL ORDER BY o.Name, p.Id
        """,
        "SELECT Id, AsOf, AsOfPrecision, Amount, Kind, DealId FROM Valuations WHERE OrganizationId = @id AND DeletedAt IS NULL ORDER BY AsOf, Id",
        """
        SELECT e.Id, e.Title, e.OccurredOn, e.Amount FROM MarketEventOrganizations AS m
        JOIN MarketEvents AS e ON e.Id = m.MarketEventId AND e.DeletedAt IS NULL WHERE m.OrganizationId = @id ORDER BY e.OccurredOn DESC
        """,
        """
        SELECT c.Id, c.Quote, s.Title, s.Url, s.PublishedOn FROM Citations AS c JOIN Sources AS s ON s.Id = c.SourceId
        WHERE c.OrganizationId = @id AND c.DeletedAt IS NULL ORDER BY c.Id
        """,
    ];

    // The profile's newest deals as investor for an investor in one deal of 400 or more: the date index walked and each
    // deal probed for it (as the service does), instead of joining and sorting all its participations.
    private const string ProfileNewestByWalkSql = """
        SELECT p.DealId, d.Title, t.Name, t.Slug, p.Role, p.CommitmentLow, p.CommitmentHigh, p.CommitmentQualifier,
               d.Status, d.AnnouncedOn, d.AnnouncedPrecision
        FROM Deals AS d CROSS JOIN DealParticipants AS p ON p.DealId = d.Id AND p.OrganizationId = @id AND p.DeletedAt IS NULL
        LEFT JOIN Organizations AS t ON t.Id = d.TargetId AND t.DeletedAt IS NULL
        WHERE d.DeletedAt IS NULL
        ORDER BY d.AnnouncedOn DESC, d.Title LIMIT 50
        """;

    private static readonly string[] DetailSql =
    [
        """
        SELECT d.Id, d.Version, d.Title, d.Kind, d.Status, d.AmountLow, d.AmountHigh, d.AmountQualifier, d.AnnouncedOn,
               d.AnnouncedPrecision, d.ClosedOn, d.ClosedPrecision, d.TargetId, t.Name, t.Slug, d.Notes, d.OutcomeNote
        FROM Deals AS d LEFT JOIN Organizations AS t ON t.Id = d.TargetId AND t.DeletedAt IS NULL
        WHERE d.Id = @id AND d.DeletedAt IS NULL
        """,
        """
        SELECT w.Id, w.Title FROM DealLinks AS l JOIN Deals AS w ON w.Id = l.WiderId AND w.DeletedAt IS NULL
        WHERE l.PartId = @id AND l.DeletedAt IS NULL ORDER BY l.Id
        """,
        """
        SELECT p.OrganizationId, o.Name, o.Slug, p.Role, p.CommitmentLow, p.CommitmentHigh, p.CommitmentQualifier
        FROM DealParticipants AS p JOIN Organizations AS o ON o.Id = p.OrganizationId AND o.DeletedAt IS NULL
        WHERE p.DealId = @id AND p.DeletedAt IS NULL
        ORDER BY CASE p.Role WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.Name
        """,
        """
        SELECT d.Id, d.Title, d.Status, d.AmountLow, d.AmountHigh, d.AmountQualifier FROM DealLinks AS l JOIN Deals AS d ON d.Id = l.PartId
        WHERE l.WiderId = @id AND l.DeletedAt IS NULL AND d.DeletedAt IS NULL ORDER BY d.AnnouncedOn, d.Title
        """,
        """
        SELECT c.Id, c.Quote, s.Title, s.Url, s.PublishedOn FROM Citations AS c JOIN Sources AS s ON s.Id = c.SourceId
        WHERE c.DealId = @id AND c.DeletedAt IS NULL ORDER BY c.Id
        """,
        "SELECT Id, AsOf, Amount, Kind FROM Valuations WHERE DealId = @id AND DeletedAt IS NULL ORDER BY AsOf DESC, Id",
        "SELECT Id, EntityType, AtUtc FROM AuditEntries WHERE EntityType = 'Deal' AND EntityId = CAST(@id AS TEXT) ORDER BY Id DESC LIMIT 20",
    ];

    /// <summary>The dashboard's figures; its rows are the live deal count, as the deal-count tile shows it.</summary>
    public static Way Dashboard(SqliteConnection connection)
    {
        var commands = DashboardSql.Select(sql => Sql.Command(connection, sql)).ToList();
        return Way.Timed(async () =>
        {
            var count = (long)(await commands[0].ExecuteScalarAsync())!;
            foreach (var command in commands.Skip(1))
            {
                await Sql.DrainAsync(command);
            }

            return count;
        });
    }

    /// <summary>A profile; its rows are the organization's deals as investor that the page shows (the first 50).</summary>
    public static Way Profile(SqliteConnection connection, string slug)
    {
        var find = Sql.Command(connection, "SELECT Id, Slug, Name, Type, Country, Website, Description, FoundedYear, Version FROM Organizations WHERE Slug = @slug AND DeletedAt IS NULL", ("@slug", slug));
        using var busy = Sql.Command(connection, """
            SELECT COALESCE((SELECT t.Deals FROM OrganizationTotals AS t JOIN Organizations AS o ON o.Id = t.OrganizationId WHERE o.Slug = @slug), 0) * 400
                >= (SELECT Count FROM DashboardCounts WHERE Key = 'deals')
            """, ("@slug", slug));
        var walk = Convert.ToInt64(busy.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
        var commands = ProfileSql.Select((sql, i) => Sql.Command(connection, i == 1 && walk ? ProfileNewestByWalkSql : sql, ("@id", 0L))).ToList();
        return Way.Timed(async () =>
        {
            long id;
            await using (var reader = await find.ExecuteReaderAsync())
            {
                id = await reader.ReadAsync() ? reader.GetInt64(0) : 0;
            }

            long deals = 0;
            foreach (var command in commands)
            {
                command.Parameters["@id"].Value = id;
                var rows = await Sql.DrainAsync(command);
                deals = command == commands[1] ? rows : deals;
            }

            return deals;
        });
    }

    /// <summary>A deal's page; its rows are the deal's participants.</summary>
    public static Way Detail(SqliteConnection connection, int id)
    {
        var commands = DetailSql.Select(sql => Sql.Command(connection, sql, ("@id", id))).ToList();
        return Way.Timed(async () =>
        {
            long participants = 0;
            foreach (var command in commands)
            {
                var rows = await Sql.DrainAsync(command);
                participants = command == commands[2] ? rows : participants;
            }

            return participants;
        });
    }
}
