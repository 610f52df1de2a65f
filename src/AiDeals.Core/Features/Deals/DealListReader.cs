using System.Data.Common;
using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Data.Configurations;
using AiDeals.Core.Domain;
using Microsoft.Data.Sqlite;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// Runs the deal list's page (each row with the investors it keeps) and its count as plain SQL commands on an open
/// connection, and reads them by column. The list is the app's hottest read: through EF's query pipeline the same SQL
/// took ten times what SQLite spends on it (measured on a million deals: ~5 ms a page on a quiet machine where SQLite
/// takes ~0.5 ms), and the limit of the list's speed is meant to be SQLite's.
/// </summary>
internal static class DealListReader
{
    /// <summary>The fewest participations of a filter's investors for which their page walks the sort's index.</summary>
    public const int MinimumParticipationsToWalk = 500;

    /// <summary>An investor in at least one of every this many live deals is busy enough for its deals to be found by walking an index of all deals.</summary>
    public const int DealsPerParticipationToWalk = 400;

    /// <summary>The fewest entries of the free-text index a text must match for its page to walk the sort's index.</summary>
    public const int MinimumTextMatchesToWalk = 2_000;

    /// <summary>
    /// A text that one of every this many live deals matches walks the sort's index. Measured on a million deals: a probe
    /// of the index costs 8–30 µs a deal, so a page of 26 walks through some 800 of them (6–23 ms); sorting the 33,000
    /// matches first costs about the same (0.8 µs a match), and less below that.
    /// </summary>
    public const int DealsPerTextMatchToWalk = 30;

    /// <summary>
    /// Reads the rows of one range of the list into <paramref name="rows"/>: on SQLite through its own statement
    /// (<see cref="SqliteStatement"/>: reading the values of 100 rows cost more than finding them), elsewhere through ADO.NET.
    /// </summary>
    public static async Task ReadPageAsync(
        DbConnection connection, DealListSql sql, string text, List<DealRow> rows, Action<string>? observer, CancellationToken cancellationToken)
    {
        observer?.Invoke(text);
        if (connection is SqliteConnection sqlite)
        {
            using var statement = new SqliteStatement(sqlite, text, sql.Parameters());
            while (statement.Step())
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows.Add(Row(statement));
            }

            return;
        }

        await using var command = sql.Command(connection, text);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new ReaderColumns(reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Row(columns));
        }
    }

    /// <summary>The row a read of <see cref="DealListSql.Page"/> is on, its columns in that SQL's order.</summary>
    internal static DealRow Row(IRowColumns row) => new(
        row.Int32(0),
        row.Text(1),
        row.IsNull(2) ? null : new OrganizationRef(row.Text(2), row.Text(3)),
        row.Enum<DealKind>(4),
        row.Enum<DealStatus>(5),
        row.IsNull(6) ? null : row.Int64(6),
        row.IsNull(7) ? null : row.Int64(7),
        row.Enum<AmountQualifier>(8),
        row.IsNull(9) ? null : row.Date(9),
        row.Enum<DatePrecision>(10),
        row.Boolean(11),
        row.Text(12),
        row.Text(13),
        row.IsNull(14) ? null : row.Int64(14),
        row.IsNull(15) ? null : row.Int64(15),
        row.IsNull(16) ? null : row.Enum<AmountQualifier>(16),
        row.IsNull(17) ? null : row.Date(17),
        Investors(row.Text(18)));

    /// <summary>The investors a deal's row keeps for the list (<see cref="DealListKeys.Investors"/>), in its order.</summary>
    internal static IReadOnlyList<OrganizationRef> Investors(string kept)
    {
        if (kept.Length == 0)
        {
            return [];
        }

        var investors = new List<OrganizationRef>(2);
        foreach (var range in kept.AsSpan().Split(DealListKeys.InvestorEnd))
        {
            var investor = kept.AsSpan(range);
            var end = investor.IndexOf(DealListKeys.NameEnd);
            investors.Add(end < 0
                ? new OrganizationRef(investor.ToString(), string.Empty)
                : new OrganizationRef(investor[..end].ToString(), investor[(end + 1)..].ToString()));
        }

        return investors;
    }

    /// <summary>
    /// A filter by investors alone with at least one participation in every 400 live deals (and 500 at least: a few
    /// hundred deals sort in well under a millisecond), or by a text of whole words that one of every 30 live deals
    /// matches (and 2,000 at least), has its page walk the sort's index (<see cref="DealListSql.WalkTheSortsIndex()"/>,
    /// <see cref="DealListSql.WalkTheSortsIndex(string)"/>). Every count is a read of an index or a kept row, stopped at
    /// the threshold.
    /// </summary>
    public static async Task WalkWhenManyMatchAsync(DbConnection connection, DealListSql sql, Action<string>? observer, CancellationToken cancellationToken)
    {
        if (!sql.ByInvestorsAlone && !sql.ByTextAlone)
        {
            return;
        }

        const string Deals = "SELECT COALESCE(SUM(\"Count\"), 0) FROM \"DashboardCounts\" WHERE \"Key\" = 'deals'";
        await using var deals = sql.Command(connection, Deals);
        observer?.Invoke(Deals);
        var live = Convert.ToInt64(await deals.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (sql.ByInvestorsAlone)
        {
            var threshold = (int)Math.Max(MinimumParticipationsToWalk, live / DealsPerParticipationToWalk);
            var text = sql.InvestorsParticipations(threshold)!;
            await using var participations = sql.Command(connection, text);
            observer?.Invoke(text);
            if (Convert.ToInt32(await participations.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) >= threshold)
            {
                sql.WalkTheSortsIndex();
            }

            return;
        }

        var enough = (int)Math.Max(MinimumTextMatchesToWalk, live / DealsPerTextMatchToWalk);
        var matches = sql.TextMatches(enough)!;
        await using var command = sql.Command(connection, matches);
        observer?.Invoke(matches);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // A query with a prefix reads 0 matches: it does not walk.
        if (await reader.ReadAsync(cancellationToken) && reader.GetInt32(1) >= enough)
        {
            sql.WalkTheSortsIndex(reader.GetString(0));
        }
    }

    /// <summary>The most deleted deals for which a text's count may be read from the free-text index alone.</summary>
    public const int MostDeletedForTextEntries = 10_000;

    /// <summary>How many deals the SQL matches, counting no further than <paramref name="cap"/>.</summary>
    public static async Task<int> CountAsync(DbConnection connection, DealListSql sql, int cap, Action<string>? observer, CancellationToken cancellationToken)
    {
        if (cap < int.MaxValue && sql.ByTextAlone && await ReachesFromTheTextIndexAsync(connection, sql, cap, observer, cancellationToken))
        {
            return cap;
        }

        var text = sql.Count(cap);
        await using var command = sql.Command(connection, text);
        observer?.Invoke(text);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Whether a text alone matches at least <paramref name="cap"/> live deals, read from the free-text index alone: the
    /// index keeps a deleted deal's entry, so its matching entries less every deleted deal is a floor of the live deals
    /// that match. Counting 10,001 entries took 0.8 ms at a million deals where reading as many deals took 8.4 ms
    /// ("helix"). Below the floor, or with more than <see cref="MostDeletedForTextEntries"/> deleted deals, the deals are
    /// counted as for any filter.
    /// </summary>
    private static async Task<bool> ReachesFromTheTextIndexAsync(DbConnection connection, DealListSql sql, int cap, Action<string>? observer, CancellationToken cancellationToken)
    {
        var deleted = await ScalarAsync(DealListSql.DeletedDeals(MostDeletedForTextEntries + 1));
        return deleted <= MostDeletedForTextEntries && await ScalarAsync(sql.TextEntries(cap + deleted)!) - deleted >= cap;

        async Task<int> ScalarAsync(string text)
        {
            await using var command = sql.Command(connection, text);
            observer?.Invoke(text);
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
    }
}
