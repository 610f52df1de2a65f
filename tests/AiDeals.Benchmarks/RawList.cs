using System.Globalization;
using AiDeals.Core.Features.Deals;
using Microsoft.Data.Sqlite;

namespace AiDeals.Benchmarks;

/// <summary>
/// The limit for a deal-list view: the page's ids straight off the index that serves the view's order (or its filter),
/// then those rows with their target and their investors, each by primary key: the investors the row keeps
/// (ListInvestors) where the schema has them, else read from the participants. No count: a kept count is a one-row read.
/// </summary>
internal static class RawList
{
    private const string Live = "d.DeletedAt IS NULL";

    private const string KeptInvestors = "ListInvestors";

    private const string RowsSql = """
        SELECT d.Id, d.Title, t.Name, t.Slug, d.Kind, d.Status, d.AmountLow, d.AmountHigh, d.AmountQualifier, d.AnnouncedOn,
               d.AnnouncedPrecision, EXISTS (SELECT 1 FROM DealLinks l JOIN Deals c ON c.Id = l.PartId WHERE l.WiderId = d.Id AND l.DeletedAt IS NULL AND c.DeletedAt IS NULL){0}
        FROM json_each(@ids) AS j CROSS JOIN Deals AS d ON d.Id = j.value
        LEFT JOIN Organizations AS t ON t.Id = d.TargetId AND t.DeletedAt IS NULL
        ORDER BY j.key
        """;

    private const string InvestorsSql = """
        SELECT p.DealId, o.Name, o.Slug
        FROM json_each(@ids) AS j CROSS JOIN DealParticipants AS p ON p.DealId = j.value
        JOIN Organizations AS o ON o.Id = p.OrganizationId AND o.DeletedAt IS NULL
        WHERE p.DeletedAt IS NULL
        ORDER BY p.DealId, CASE p.Role WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.Name
        """;

    // Statuses in their place in a deal's life, as the list sorts them.
    private static readonly string[] StatusOrder = ["Rumored", "InTalks", "Announced", "Completed", "Abandoned"];

    /// <summary>The raw way for a view, or why there is none on this schema.</summary>
    public static Way For(SqliteConnection connection, Schema schema, DealFilter filter, int offset, (string AnnouncedOn, int Id)? cursor)
    {
        var keys = KeysSql(schema, filter, offset, cursor, InvestorsWalk(connection, filter), TextWalk(connection, schema, filter), out var missing);
        if (keys is null)
        {
            return Way.NotAvailable(missing!);
        }

        var keyCommand = Sql.Command(connection, keys.Value.Sql, keys.Value.Parameters);
        var kept = schema.DealsHave(KeptInvestors);
        var rowsCommand = Sql.Command(connection, string.Format(CultureInfo.InvariantCulture, RowsSql, kept ? $", d.{KeptInvestors}" : string.Empty), ("@ids", "[]"));
        var investorsCommand = kept ? null : Sql.Command(connection, InvestorsSql, ("@ids", "[]"));
        return Way.Timed(async () =>
        {
            var ids = new List<long>(25);
            await using (var reader = await keyCommand.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            var json = "[" + string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";
            rowsCommand.Parameters["@ids"].Value = json;
            var rows = await Sql.DrainAsync(rowsCommand);
            if (investorsCommand is not null)
            {
                investorsCommand.Parameters["@ids"].Value = json;
                await Sql.DrainAsync(investorsCommand);
            }

            return rows;
        });
    }

    // Whether the best way to an investor's page walks the sort's index (its deals are one in 400 or more, as the list
    // decides it): sorting all 38,810 deals of the busiest took 100 ms where the walk finds the page in about one.
    private static bool InvestorsWalk(SqliteConnection connection, DealFilter filter)
    {
        if (filter.Investors.Count == 0)
        {
            return false;
        }

        using var count = connection.CreateCommand();
        count.CommandText = """
            SELECT (SELECT COUNT(*) FROM DealParticipants AS p
                    WHERE p.OrganizationId = (SELECT Id FROM Organizations WHERE Slug = @slug AND DeletedAt IS NULL) AND p.DeletedAt IS NULL) * 400
                >= (SELECT COUNT(*) FROM Deals WHERE DeletedAt IS NULL)
            """;
        count.Parameters.AddWithValue("@slug", filter.Investors[0]);
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    // For a text alone that one deal in 30 or more matches (2,000 at least), as the list decides it, the FTS5 query with
    // each word written out, for a walk of the sort's index; null otherwise. Read once, before anything is timed.
    private static string? TextWalk(SqliteConnection connection, Schema schema, DealFilter filter)
    {
        if (filter.Text is null || schema.DealTextTable is not { } fts)
        {
            return null;
        }

        var words = new List<(string, object?)>();
        var expression = DealTextSearch.MatchExpression(filter.Text, word =>
        {
            words.Add(($"@w{words.Count}", word));
            return words[^1].Item1;
        });
        using var written = Sql.Command(connection, $"SELECT {expression}, (SELECT COUNT(*) FROM Deals WHERE DeletedAt IS NULL)", [.. words]);
        using var reader = written.ExecuteReader();
        reader.Read();
        var (match, live) = (reader.GetString(0), reader.GetInt64(1));
        if (match.Contains("\"*", StringComparison.Ordinal))
        {
            return null;
        }

        using var count = Sql.Command(connection, $"SELECT COUNT(*) FROM \"{fts}\" WHERE \"{fts}\" MATCH @match", ("@match", match));
        var matches = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        return matches >= 2_000 && matches * 30 >= live ? match : null;
    }

    private static (string Sql, (string, object?)[] Parameters)? KeysSql(
        Schema schema, DealFilter filter, int offset, (string AnnouncedOn, int Id)? cursor, bool walk, string? textWalk, out string? missing)
    {
        missing = null;
        var page = string.Create(CultureInfo.InvariantCulture, $"LIMIT 25 OFFSET {offset}");
        var desc = filter.Descending ? "DESC" : "ASC";
        var tie = schema.TiesFollowSort ? desc : "ASC";

        if (filter.Investors.Count > 0 && walk)
        {
            // The sort's index walked, each deal's participations probed by (OrganizationId, DealId).
            return ($"""
                SELECT d.Id FROM Deals AS d
                WHERE {Live} AND EXISTS (SELECT 1 FROM DealParticipants AS p
                    WHERE p.OrganizationId = (SELECT Id FROM Organizations WHERE Slug = @slug AND DeletedAt IS NULL) AND p.DealId = d.Id AND p.DeletedAt IS NULL)
                ORDER BY {Order(filter.Sort, desc, tie)} {page}
                """, [("@slug", filter.Investors[0])]);
        }

        if (filter.Investors.Count > 0)
        {
            // The investor's deals from the participants' (OrganizationId, DealId) index, each deal by id, a few sorted.
            return ($"""
                WITH ids AS MATERIALIZED (
                    SELECT DISTINCT p.DealId FROM DealParticipants AS p
                    WHERE p.OrganizationId = (SELECT Id FROM Organizations WHERE Slug = @slug AND DeletedAt IS NULL) AND p.DeletedAt IS NULL)
                SELECT d.Id FROM ids CROSS JOIN Deals AS d ON d.Id = ids.DealId
                WHERE {Live} ORDER BY {Order(filter.Sort, desc, tie)} {page}
                """, [("@slug", filter.Investors[0])]);
        }

        if (filter.Text is { } text)
        {
            if (schema.DealTextTable is not { } fts)
            {
                missing = "n/a (needs an FTS5 index over the deals' title and notes)";
                return null;
            }

            if (textWalk is not null)
            {
                // The sort's index walked, each deal probed in the free-text index by its id.
                return ($"""
                    SELECT d.Id FROM Deals AS d
                    WHERE {Live} AND EXISTS (SELECT 1 FROM "{fts}" WHERE "{fts}" MATCH @match AND rowid = d.Id)
                    ORDER BY {Order(filter.Sort, desc, tie)} {page}
                    """, [("@match", textWalk)]);
            }

            // The list's own FTS5 query for the text (each word itself or the longer words it starts, read from the
            // index's vocabulary), so that both find the same deals the same way.
            var words = new List<(string, object?)>();
            var match = DealTextSearch.MatchExpression(text, word =>
            {
                words.Add(($"@w{words.Count}", word));
                return words[^1].Item1;
            });
            return ($"""
                WITH hits AS MATERIALIZED (SELECT rowid AS Id FROM "{fts}" WHERE "{fts}" MATCH {match})
                SELECT d.Id FROM hits CROSS JOIN Deals AS d ON d.Id = hits.Id
                WHERE {Live} ORDER BY {Order(filter.Sort, desc, tie)} {page}
                """, [.. words]);
        }

        if (filter.Statuses.Count > 0 || filter.MinAmount is not null || filter.MaxAmount is not null)
        {
            // A frequent status or a wide amount range: walking the order's index and skipping the rest reads a few
            // hundred rows per page, where the filter's own index would sort every match. Unary + keeps SQLite on that walk.
            var where = Live;
            var parameters = new List<(string, object?)>();
            if (filter.Statuses.Count > 0)
            {
                where += " AND +d.Status = @status";
                parameters.Add(("@status", filter.Statuses[0].ToString()));
            }

            if (filter.MinAmount is { } min)
            {
                where += " AND +COALESCE(d.AmountHigh, d.AmountLow) >= @min";
                parameters.Add(("@min", min));
            }

            if (filter.MaxAmount is { } max)
            {
                where += " AND +COALESCE(d.AmountLow, d.AmountHigh) <= @max";
                parameters.Add(("@max", max));
            }

            return ($"SELECT d.Id FROM Deals AS d WHERE {where} ORDER BY {Order(filter.Sort, desc, tie)} {page}", [.. parameters]);
        }

        if (cursor is { } after && filter.Sort == DealSortField.Announced && filter.Descending)
        {
            // Keyset: the rows after the previous page's last (date, id), off the same index as the first page.
            if (schema.TiesFollowSort)
            {
                return ($"SELECT d.Id FROM Deals AS d WHERE {Live} AND (d.AnnouncedOn, d.Id) < (@on, @id) ORDER BY d.AnnouncedOn DESC, d.Id DESC LIMIT 25",
                    [("@on", after.AnnouncedOn), ("@id", after.Id)]);
            }

            return ($"""
                SELECT * FROM (SELECT d.Id FROM Deals AS d WHERE {Live} AND d.AnnouncedOn = @on AND d.Id > @id ORDER BY d.Id)
                UNION ALL
                SELECT * FROM (SELECT d.Id FROM Deals AS d WHERE {Live} AND d.AnnouncedOn < @on ORDER BY d.AnnouncedOn DESC, d.Id)
                LIMIT 25
                """, [("@on", after.AnnouncedOn), ("@id", after.Id)]);
        }

        switch (filter.Sort)
        {
            case DealSortField.Status:
                return StatusKeys(schema, filter.Descending, page, out missing);
            case DealSortField.Target:
            case DealSortField.Investors:
                var column = filter.Sort == DealSortField.Target
                    ? schema.DealColumnLike("Target", "Name") ?? schema.DealColumnLike("Target", "Sort")
                    : schema.DealColumnLike("Investor", "Sort") ?? schema.DealColumnLike("Investor", "First");
                if (column is null || !schema.HasIndexOn("Deals", column))
                {
                    missing = filter.Sort == DealSortField.Target
                        ? "n/a (needs an indexed target-name sort key on Deals)"
                        : "n/a (needs an indexed first-investor sort key on Deals)";
                    return null;
                }

                return ($"SELECT d.Id FROM Deals AS d WHERE {Live} ORDER BY d.\"{column}\" {desc}, d.Id {tie} {page}", []);
            default:
                return ($"SELECT d.Id FROM Deals AS d WHERE {Live} ORDER BY {Order(filter.Sort, desc, tie)} {page}", []);
        }
    }

    private static (string, (string, object?)[])? StatusKeys(Schema schema, bool descending, string page, out string? missing)
    {
        missing = null;
        var desc = descending ? "DESC" : "ASC";
        var rank = schema.DealColumnLike("Status", "Rank") ?? schema.DealColumnLike("Status", "Sort");
        if (rank is not null)
        {
            if (!schema.HasIndexOn("Deals", rank))
            {
                missing = $"n/a (needs an index on Deals.{rank})";
                return null;
            }

            return ($"SELECT d.Id FROM Deals AS d WHERE {Live} ORDER BY d.\"{rank}\" {desc}, d.Id {(schema.TiesFollowSort ? desc : "ASC")} {page}", []);
        }

        // Statuses are stored by name: one walk of the (DeletedAt, Status) index per status, in the order of a deal's life,
        // each in id order (the index ends in the rowid); SQLite runs UNION ALL arms in turn and stops at the LIMIT.
        var order = descending ? StatusOrder.Reverse() : StatusOrder;
        var arms = order.Select(s => $"SELECT * FROM (SELECT d.Id FROM Deals AS d WHERE {Live} AND d.Status = '{s}' ORDER BY d.Id)");
        return (string.Join("\nUNION ALL\n", arms) + "\n" + page, []);
    }

    private static string Order(DealSortField sort, string desc, string tie) => sort switch
    {
        DealSortField.Title => $"d.Title {desc}, d.Id {tie}",
        DealSortField.Amount => $"COALESCE(d.AmountHigh, d.AmountLow) {desc}, d.Id {tie}",
        DealSortField.Kind => $"d.Kind {desc}, d.Id {tie}",
        _ => $"d.AnnouncedOn {desc}, d.Id {tie}",
    };
}
