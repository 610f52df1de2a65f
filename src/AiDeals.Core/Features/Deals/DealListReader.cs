using System.Data.Common;
using System.Globalization;
using System.Text;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// Runs the deal list's page, its investors and its count as plain SQL commands on an open connection, and reads them by
/// column. The list is the app's hottest read: through EF's query pipeline the same SQL took ten times what SQLite
/// spends on it (measured on a million deals: ~5 ms a page on a quiet machine where SQLite takes ~0.5 ms), and the
/// limit of the list's speed is meant to be SQLite's.
/// </summary>
internal static class DealListReader
{
    /// <summary>The fewest participations of a filter's investors for which their page walks the sort's index.</summary>
    public const int MinimumParticipationsToWalk = 500;

    /// <summary>An investor in at least one of every this many live deals is busy enough for its deals to be found by walking an index of all deals.</summary>
    public const int DealsPerParticipationToWalk = 400;

    /// <summary>Reads the rows of one range of the list into <paramref name="rows"/>.</summary>
    public static async Task ReadPageAsync(
        DbConnection connection, DealListSql sql, string text, List<DealRow> rows, Action<string>? observer, CancellationToken cancellationToken)
    {
        await using var command = sql.Command(connection, text);
        observer?.Invoke(text);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DealRow(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : new OrganizationRef(reader.GetString(2), reader.GetString(3)),
                Enum.Parse<DealKind>(reader.GetString(4)),
                Enum.Parse<DealStatus>(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7),
                Enum.Parse<AmountQualifier>(reader.GetString(8)),
                ReadDate(reader, 9),
                Enum.Parse<DatePrecision>(reader.GetString(10)),
                reader.GetBoolean(11),
                reader.GetString(12),
                reader.GetString(13),
                reader.GetString(14),
                reader.IsDBNull(15) ? null : reader.GetInt64(15),
                reader.IsDBNull(16) ? null : reader.GetInt64(16),
                reader.IsDBNull(17) ? null : Enum.Parse<AmountQualifier>(reader.GetString(17)),
                ReadDate(reader, 18)));
        }
    }

    // ISO text on SQLite, a date on PostgreSQL.
    private static DateOnly? ReadDate(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null
        : reader.GetFieldType(column) == typeof(string) ? DateOnly.ParseExact(reader.GetString(column), "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : reader.GetFieldValue<DateOnly>(column);

    /// <summary>The live investors of the deals, lead first, then by role and name, by deal id.</summary>
    public static async Task<ILookup<int, OrganizationRef>> InvestorsAsync(
        DbConnection connection, IReadOnlyCollection<int> dealIds, Action<string>? observer, CancellationToken cancellationToken)
    {
        var found = new List<(int DealId, OrganizationRef Investor)>();
        if (dealIds.Count > 0)
        {
            // Ids are whole numbers read from the database: written into the text, they need no parameters.
            var text = new StringBuilder("SELECT p.\"DealId\", o.\"Name\", o.\"Slug\" FROM \"DealParticipants\" AS p")
                .Append(" INNER JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\"")
                .Append(" WHERE p.\"DeletedAt\" IS NULL AND o.\"DeletedAt\" IS NULL AND p.\"DealId\" IN (")
                .AppendJoin(", ", dealIds.Select(id => id.ToString(CultureInfo.InvariantCulture)))
                .Append(") ORDER BY p.\"DealId\", CASE p.\"Role\" WHEN 'Lead' THEN 0 WHEN 'CoInvestor' THEN 1 WHEN 'Backer' THEN 2 ELSE 3 END, o.\"Name\"")
                .ToString();
            await using var command = connection.CreateCommand();
            command.CommandText = text;
            observer?.Invoke(text);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetInt32(0), new OrganizationRef(reader.GetString(1), reader.GetString(2))));
            }
        }

        return found.ToLookup(f => f.DealId, f => f.Investor);
    }

    /// <summary>
    /// A filter by investors alone with at least one participation in every 400 live deals (and 500 at least: a few
    /// hundred deals sort in well under a millisecond) has its page walk the sort's index (<see cref="DealListSql.WalkTheSortsIndex"/>).
    /// Both counts are reads of an index or a kept row, stopped at the threshold.
    /// </summary>
    public static async Task WalkForManyInvestorsAsync(DbConnection connection, DealListSql sql, Action<string>? observer, CancellationToken cancellationToken)
    {
        if (!sql.ByInvestorsAlone)
        {
            return;
        }

        const string Deals = "SELECT COALESCE(SUM(\"Count\"), 0) FROM \"DashboardCounts\" WHERE \"Key\" = 'deals'";
        await using var deals = sql.Command(connection, Deals);
        observer?.Invoke(Deals);
        var threshold = (int)Math.Max(MinimumParticipationsToWalk, Convert.ToInt64(await deals.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) / DealsPerParticipationToWalk);
        var text = sql.InvestorsParticipations(threshold)!;
        await using var participations = sql.Command(connection, text);
        observer?.Invoke(text);
        if (Convert.ToInt32(await participations.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) >= threshold)
        {
            sql.WalkTheSortsIndex();
        }
    }

    /// <summary>How many deals the SQL matches, counting no further than <paramref name="cap"/>.</summary>
    public static async Task<int> CountAsync(DbConnection connection, DealListSql sql, int cap, Action<string>? observer, CancellationToken cancellationToken)
    {
        var text = sql.Count(cap);
        await using var command = sql.Command(connection, text);
        observer?.Invoke(text);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
