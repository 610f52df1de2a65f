using System.Data.Common;
using System.Globalization;
using System.Text;
using AiDeals.Core.Data.Configurations;
using AiDeals.Core.Data.Search;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// The deal list's filter as SQL over the live deals (alias <c>d</c>), with its values as parameters: the same rows as
/// <see cref="DealFiltering.Filter(Data.AiDealsDbContext, DealFilter)"/>, written by hand for the list's hot path (see
/// <see cref="DealListReader"/>). Only whole numbers the code made itself (limits, ids) are written into the text.
/// </summary>
internal sealed partial class DealListSql
{
    private const string LiveOrganization = "o.\"DeletedAt\" IS NULL";

    // Where a condition may search an index ("{+}" in its text): a unary plus makes SQLite leave that index alone.
    private const string Plus = "{+}";

    private readonly List<object> _values = [];
    private readonly List<string> _conditions = ["d.\"DeletedAt\" IS NULL"];
    private readonly List<(IndexKey Key, string Condition)> _ranges = [];
    private string? _keptCount;
    private readonly bool _postgreSql;
    private string _from = "\"Deals\" AS d";

    // Whether the filter finds its deals off an index of its own (an investor's participations, the free-text index) and
    // sorts them, rather than walking the sort's index.
    private bool _sortsWhatItFinds;

    // For a filter by investors alone: their organizations' ids, and whether the page walks the sort's index instead,
    // probing each deal's participations (see WalkTheSortsIndex).
    private string? _investorIds;
    private string? _textAlone;
    private string? _walk;

    private DealListSql(bool postgreSql) => _postgreSql = postgreSql;

    /// <summary>
    /// The live deals the filter matches, in SQLite's SQL or PostgreSQL's: the same text but for the free-text index
    /// (FTS5 or a tsvector), the dates (ISO text or date values) and the unary plus, which PostgreSQL's planner needs not.
    /// </summary>
    public static DealListSql For(DealFilter filter, bool postgreSql = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = new DealListSql(postgreSql);
        sql._keptCount = KeptCountKeys(filter) is { } keys ? $"SELECT COALESCE(SUM(\"Count\"), 0) FROM \"DashboardCounts\" WHERE \"Key\" IN ({sql.List(keys)})" : null;
        if (filter.Targets.Count > 0)
        {
            sql._conditions.Add($"d.\"TargetId\" IN (SELECT o.\"Id\" FROM \"Organizations\" AS o WHERE {LiveOrganization} AND o.\"Slug\" IN ({sql.List(filter.Targets)}))");
        }

        if (filter.Statuses.Count > 0)
        {
            sql._conditions.Add($"d.\"Status\" IN ({sql.List(filter.Statuses.Select(s => s.ToString()))})");
        }

        if (filter.Kinds.Count > 0)
        {
            sql._conditions.Add($"d.\"Kind\" IN ({sql.List(filter.Kinds.Select(k => k.ToString()))})");
        }

        if (filter.AnnouncedFrom is { } from)
        {
            // As in DealFiltering: a range on the AnnouncedOn index first, refined by the period's precision.
            var month = new DateOnly(from.Year, from.Month, 1);
            var quarter = new DateOnly(from.Year, ((from.Month - 1) / 3 * 3) + 1, 1);
            var year = new DateOnly(from.Year, 1, 1);
            sql._ranges.Add((IndexKey.Announced, $"{Plus}d.\"AnnouncedOn\" >= {sql.Date(year)} AND (d.\"AnnouncedOn\" >= {sql.Date(from)}"
                + $" OR d.\"AnnouncedPrecision\" = '{DatePrecision.Year}'"
                + $" OR (d.\"AnnouncedPrecision\" = '{DatePrecision.Quarter}' AND d.\"AnnouncedOn\" >= {sql.Date(quarter)})"
                + $" OR (d.\"AnnouncedPrecision\" = '{DatePrecision.Month}' AND d.\"AnnouncedOn\" >= {sql.Date(month)}))"));
        }

        if (filter.AnnouncedTo is { } to)
        {
            sql._ranges.Add((IndexKey.Announced, $"{Plus}d.\"AnnouncedOn\" <= {sql.Date(to)}"));
        }

        // The amount indexes' own expressions, so that SQLite can search them.
        if (filter.MinAmount is { } min)
        {
            sql._ranges.Add((IndexKey.AmountHigh, $"{Plus}COALESCE(d.\"AmountHigh\", d.\"AmountLow\") >= {sql.Value(min)}"));
        }

        if (filter.MaxAmount is { } max)
        {
            sql._ranges.Add((IndexKey.AmountLow, $"{Plus}COALESCE(d.\"AmountLow\", d.\"AmountHigh\") <= {sql.Value(max)}"));
        }

        var match = DealTextSearch.Match(filter.Text);
        var expression = match is null || postgreSql ? null : DealTextSearch.MatchExpression(filter.Text, word => sql.Value(word));
        var matching = match is null ? null : postgreSql
            ? DealSearchSqlPostgreSql.Matching(sql.Value(DealTextSearch.TsQuery(filter.Text)!))
            : $"SELECT rowid AS \"DealId\" FROM \"{DealSearchSql.Table}\" WHERE \"{DealSearchSql.Table}\" MATCH {expression}";
        sql._sortsWhatItFinds |= filter.Investors.Count > 0 || match is not null;
        if (filter.Investors.Count > 0)
        {
            // The investors' deals, each once, off the participants' (OrganizationId, DealId) index, then each deal by its
            // id: said as IN or EXISTS, SQLite walks every live deal and probes the participants for each. A CROSS JOIN
            // keeps its left side as the outer loop.
            var slugs = sql.List(filter.Investors);
            sql._from = "(SELECT DISTINCT p.\"DealId\" FROM \"DealParticipants\" AS p INNER JOIN \"Organizations\" AS o ON o.\"Id\" = p.\"OrganizationId\""
                + $" WHERE p.\"DeletedAt\" IS NULL AND {LiveOrganization} AND o.\"Slug\" IN ({slugs})) AS ids CROSS JOIN \"Deals\" AS d";
            sql._conditions.Add("d.\"Id\" = ids.\"DealId\"");
            var investorsAlone = match is null && filter.Targets.Count == 0 && filter.Statuses.Count == 0 && filter.Kinds.Count == 0 && sql._ranges.Count == 0;
            sql._investorIds = investorsAlone ? $"SELECT o.\"Id\" FROM \"Organizations\" AS o WHERE {LiveOrganization} AND o.\"Slug\" IN ({slugs})" : null;
            if (match is not null)
            {
                sql._conditions.Add($"d.\"Id\" IN ({matching})");
            }
        }
        else if (match is not null)
        {
            // The deals the free-text index finds, each then read by its id, as an investor's are (see DealTextSearch).
            sql._from = $"({matching}) AS ids CROSS JOIN \"Deals\" AS d";
            sql._conditions.Add("d.\"Id\" = ids.\"DealId\"");
            var textAlone = filter.Targets.Count == 0 && filter.Statuses.Count == 0 && filter.Kinds.Count == 0 && sql._ranges.Count == 0;
            sql._textAlone = textAlone ? expression : null;
        }

        return sql;
    }

    /// <summary>
    /// The page's rows in the sort's order, <paramref name="range"/> (a keyset range) added to the filter. SQLite walks
    /// the sort's index and keeps the rows that match on the way, so a page stops after its last row whatever the
    /// filter's size; a date or amount range on another key than the sort's is kept out of the index choice, as SQLite
    /// would otherwise take the range's index and sort every row in it (61,000 deals for $1B–2B). The investor and target
    /// filters are the exception: their own indexes find their few deals, which are then sorted.
    /// </summary>
    public string Page(DealSortField sort, string? range, string orderBy, int take, int skip)
    {
        var sorts = _sortsWhatItFinds && _walk is null;
        var page = new StringBuilder(sorts ? "SELECT d.\"Id\" AS \"PageId\" FROM " : " FROM ").Append(_walk is not null ? "\"Deals\" AS d" : _from);
        if (!sorts)
        {
            page.Append(" LEFT JOIN \"Organizations\" AS t ON t.\"Id\" = d.\"TargetId\" AND t.\"DeletedAt\" IS NULL");
        }

        page.Append(" WHERE ").AppendJoin(" AND ", _walk is not null ? ["d.\"DeletedAt\" IS NULL", _walk] : Conditions(SortKey(sort)));
        if (range is not null)
        {
            page.Append(" AND ").Append(range);
        }

        page.Append(" ORDER BY ").Append(orderBy).Append(CultureInfo.InvariantCulture, $" LIMIT {take}");
        if (skip > 0)
        {
            page.Append(CultureInfo.InvariantCulture, $" OFFSET {skip}");
        }

        // A found set is sorted by its keys alone, and only the page's rows are read whole (their target, whether they
        // are wider deals): of an investor's 38,810 deals, the rows of all of them took twice the time of the page.
        var from = sorts
            ? $" FROM ({page}) AS page CROSS JOIN \"Deals\" AS d LEFT JOIN \"Organizations\" AS t ON t.\"Id\" = d.\"TargetId\" AND t.\"DeletedAt\" IS NULL WHERE d.\"Id\" = page.\"PageId\" ORDER BY {orderBy}"
            : page.ToString();
        var text = new StringBuilder("SELECT d.\"Id\", d.\"Title\", t.\"Name\", t.\"Slug\", d.\"Kind\", d.\"Status\", d.\"AmountLow\", d.\"AmountHigh\",")
            .Append(" d.\"AmountQualifier\", d.\"AnnouncedOn\", d.\"AnnouncedPrecision\",")
            .Append(" EXISTS (SELECT 1 FROM \"DealLinks\" AS l INNER JOIN \"Deals\" AS c ON c.\"Id\" = l.\"PartId\" WHERE l.\"WiderId\" = d.\"Id\" AND l.\"DeletedAt\" IS NULL AND c.\"DeletedAt\" IS NULL), ")
            // The kept key of a sort by target or investors, for the page's cursors; the other sorts' keys are columns read anyway.
            .Append(sort is DealSortField.Target or DealSortField.Investors ? DealKeyset.KeySql(sort) : "''")
            .Append(", d.\"Currency\", d.\"ReportedLow\", d.\"ReportedHigh\", d.\"ReportedQualifier\", d.\"RateOn\"")
            .Append(CultureInfo.InvariantCulture, $", d.\"{DealListKeys.Investors}\"")
            .Append(from);
        return text.ToString();
    }

    /// <summary>
    /// How many deals match: a kept count where the dashboard keeps one, else counting no further than
    /// <paramref name="cap"/>. Of an amount range, only the lower bound's
    /// index is offered: read from the bound up, the first entries mostly match the upper bound too, where the upper
    /// bound's index, read from the smallest amount up, holds few that reach the lower one.
    /// </summary>
    public string Count(int cap)
    {
        if (_keptCount is not null)
        {
            return _keptCount;
        }

        var key = _ranges.Any(r => r.Key == IndexKey.AmountHigh) ? IndexKey.AmountHigh : _ranges.Select(r => r.Key).FirstOrDefault();
        return string.Create(CultureInfo.InvariantCulture,
            $"SELECT COUNT(*) FROM (SELECT 1 FROM {_from} WHERE {string.Join(" AND ", Conditions(key))} LIMIT {cap}) AS capped");
    }

    /// <summary>
    /// The matching deals (no more than <paramref name="cap"/>) with what their union total needs, in one search: id, low,
    /// high and qualifier as the union rule reads them (see <see cref="UnionTotals"/>); 1 for a deal reported in another
    /// currency that no rate converted, which the dollar figures leave out (as
    /// <see cref="Rates.RateQueries.UnconvertedCountAsync(CancellationToken)"/> counts them for all deals); 1 for a wider
    /// deal with live parts, whose figures the rule adjusts.
    /// </summary>
    public string Totals(int cap) => string.Create(CultureInfo.InvariantCulture, $"""
        SELECT d."Id", COALESCE(d."AmountLow", 0), COALESCE(d."AmountHigh", d."AmountLow", 0), d."AmountQualifier",
            CASE WHEN {ReportedFigures.UnconvertedSql("d")} THEN 1 ELSE 0 END,
            CASE WHEN EXISTS (SELECT 1 FROM "DealLinks" AS l INNER JOIN "Deals" AS p ON p."Id" = l."PartId"
                WHERE l."WiderId" = d."Id" AND l."DeletedAt" IS NULL AND p."DeletedAt" IS NULL) THEN 1 ELSE 0 END
        FROM {_from} WHERE {string.Join(" AND ", Conditions(IndexKey.None))} LIMIT {cap}
        """);

    /// <summary>
    /// The figures of these deals as the union rule reads them (group, id, low, high, qualifier), by primary key: the set
    /// <see cref="Totals"/> found, for the adjustment of its wider deals, without searching again.
    /// </summary>
    public static string FiguresOf(IEnumerable<int> ids) =>
        "SELECT 0, d.\"Id\", COALESCE(d.\"AmountLow\", 0), COALESCE(d.\"AmountHigh\", d.\"AmountLow\", 0), d.\"AmountQualifier\" FROM \"Deals\" AS d WHERE d.\"Id\" IN ("
        + string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + ")";

    // Every deal, the deals of some statuses, or of some kinds: the dashboard keeps those counts (Data/Aggregates), kept
    // up to date by triggers in the transaction of every write, so the count is a read of a row or a few.
    private static IEnumerable<string>? KeptCountKeys(DealFilter filter)
    {
        var onlyStatuses = filter.Statuses.Count > 0 && filter.Kinds.Count == 0;
        var onlyKinds = filter.Kinds.Count > 0 && filter.Statuses.Count == 0;
        if (filter.Investors.Count > 0 || filter.Targets.Count > 0 || filter.AnnouncedFrom is not null || filter.AnnouncedTo is not null
            || filter.MinAmount is not null || filter.MaxAmount is not null || DealTextSearch.Match(filter.Text) is not null
            || (filter.Statuses.Count > 0 && filter.Kinds.Count > 0))
        {
            return null;
        }

        return onlyStatuses ? filter.Statuses.Distinct().Select(s => "status:" + s)
            : onlyKinds ? filter.Kinds.Distinct().Select(k => "kind:" + k)
            : ["deals"];
    }

    // The index each sort walks, as far as the ranges are concerned.
    private static IndexKey SortKey(DealSortField sort) => sort switch
    {
        DealSortField.Announced => IndexKey.Announced,
        DealSortField.Amount => IndexKey.AmountHigh,
        _ => IndexKey.None,
    };

    // The filter's conditions, only the ranges on the given key left free to search its index.
    private IEnumerable<string> Conditions(IndexKey indexed) =>
        _conditions.Concat(_ranges.Select(r => r.Condition.Replace(
            Plus, _postgreSql || (r.Key == indexed && r.Key != IndexKey.None) ? string.Empty : "+", StringComparison.Ordinal)));

    /// <summary>A keyset range's condition with its values made parameters of this command.</summary>
    public string Range(string condition, object?[] values) =>
        string.Format(CultureInfo.InvariantCulture, condition, [.. values.Select(v => (object)Value(
            _postgreSql && v is string text && condition.Contains("\"AnnouncedOn\"", StringComparison.Ordinal)
                ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : v!))]);

    /// <summary>A command on the connection with this SQL's values bound.</summary>
    public DbCommand Command(DbConnection connection, string text)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in Parameters())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        if (_postgreSql)
        {
            AiDeals.Core.Data.PostgreSqlNulInterceptor.ReplaceNul(command);
        }

        return command;
    }

    /// <summary>This SQL's values by parameter name (<c>@v0</c>, <c>@v1</c>…), as <see cref="Command"/> binds them.</summary>
    public IReadOnlyDictionary<string, object?> Parameters() =>
        _values.Select((value, i) => (Name: Name(i), Value: (object?)value)).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    private static string Name(int index) => "@v" + index.ToString(CultureInfo.InvariantCulture);

    private string Value(object value)
    {
        _values.Add(value);
        return Name(_values.Count - 1);
    }

    // Dates are stored as ISO text on SQLite, as EF writes a DateOnly; PostgreSQL's are dates.
    private string Date(DateOnly date) => _postgreSql ? Value(date) : Value(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => Value(v)));

    private enum IndexKey
    {
        None,
        Announced,
        AmountHigh,
        AmountLow,
    }
}
