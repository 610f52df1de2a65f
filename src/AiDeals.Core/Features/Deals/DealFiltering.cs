using System.Linq.Expressions;
using AiDeals.Core.Data;
using AiDeals.Core.Data.Configurations;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// The deal list's filter and sort as expressions SQL runs: the one place the list, its export and the umbrella
/// type-ahead start from.
/// </summary>
internal static class DealFiltering
{
    // A free-text query of more words than this is cut: each word is one more LIKE over every row.
    private const int MaxTextTerms = 8;

    private const string LikeEscape = "\\";

    /// <summary>Roles are stored by name: ranked so that the lead comes first rather than the alphabet's first.</summary>
    public static readonly Expression<Func<DealParticipant, int>> ParticipantRank = p =>
        p.Role == ParticipantRole.Lead ? 0 : p.Role == ParticipantRole.CoInvestor ? 1 : p.Role == ParticipantRole.Backer ? 2 : 3;

    /// <summary>The same rank (<see cref="ParticipantRank"/>) for rows already in memory.</summary>
    public static int RankOf(ParticipantRole role) => role switch
    {
        ParticipantRole.Lead => 0,
        ParticipantRole.CoInvestor => 1,
        ParticipantRole.Backer => 2,
        _ => 3,
    };

    /// <summary>The filtered, sorted deals as SQL would run them: the one place both the list and the export start from.</summary>
    public static IOrderedQueryable<Deal> Query(AiDealsDbContext db, DealFilter filter) => Sort(db, Filter(db, filter), filter);

    /// <summary>The deals in the list's order on the context's engine (see <see cref="Sort(IQueryable{Deal}, DealSortField, bool, bool)"/>).</summary>
    public static IOrderedQueryable<Deal> Sort(AiDealsDbContext db, IQueryable<Deal> deals, DealFilter filter) =>
        Sort(deals, filter.Sort, filter.Descending, nullsLargest: db.Database.IsNpgsql());

    /// <summary>
    /// The deals in the list's order: the sort key, then the id in the same direction, so that the order is total (paging
    /// neither skips nor repeats a row) and is exactly the order of the key's index, which ends with the row id. Keys that
    /// live elsewhere or are computed are read from the deal's own row (see <see cref="DealListKeys"/>).
    /// </summary>
    /// <remarks>
    /// A deal with no amount or no announced date comes first ascending and last descending, as SQLite sorts NULL and the
    /// keyset list reads its ranges. PostgreSQL sorts NULL the other way (<paramref name="nullsLargest"/>): there the
    /// key's NULLs are ordered apart first, with the same result.
    /// </remarks>
    public static IOrderedQueryable<Deal> Sort(IQueryable<Deal> deals, DealSortField sort, bool descending, bool nullsLargest = false)
    {
        var ordered = nullsLargest && sort is DealSortField.Amount or DealSortField.Announced
            ? SortNullable(deals, sort, descending)
            : (sort, descending) switch
            {
                (DealSortField.Title, false) => deals.OrderBy(d => d.Title),
                (DealSortField.Title, true) => deals.OrderByDescending(d => d.Title),
                (DealSortField.Target, false) => deals.OrderBy(d => EF.Property<string>(d, DealListKeys.Target)),
                (DealSortField.Target, true) => deals.OrderByDescending(d => EF.Property<string>(d, DealListKeys.Target)),
                (DealSortField.Investors, false) => deals.OrderBy(d => EF.Property<string>(d, DealListKeys.Investor)),
                (DealSortField.Investors, true) => deals.OrderByDescending(d => EF.Property<string>(d, DealListKeys.Investor)),
                (DealSortField.Kind, false) => deals.OrderBy(d => d.Kind),
                (DealSortField.Kind, true) => deals.OrderByDescending(d => d.Kind),
                // Statuses sort by their place in a deal's life, not alphabetically.
                (DealSortField.Status, false) => deals.OrderBy(d => EF.Property<int>(d, DealListKeys.StatusRank)),
                (DealSortField.Status, true) => deals.OrderByDescending(d => EF.Property<int>(d, DealListKeys.StatusRank)),
                (DealSortField.Amount, false) => deals.OrderBy(d => d.AmountHigh ?? d.AmountLow),
                (DealSortField.Amount, true) => deals.OrderByDescending(d => d.AmountHigh ?? d.AmountLow),
                (_, false) => deals.OrderBy(d => d.AnnouncedOn),
                _ => deals.OrderByDescending(d => d.AnnouncedOn),
            };

        return descending ? ordered.ThenByDescending(d => d.Id) : ordered.ThenBy(d => d.Id);
    }

    // The amount or the announced date where NULL sorts as the largest value: deals without one apart, first ascending.
    private static IOrderedQueryable<Deal> SortNullable(IQueryable<Deal> deals, DealSortField sort, bool descending)
    {
        var apart = (sort, descending) switch
        {
            (DealSortField.Amount, false) => deals.OrderBy(d => d.AmountHigh == null && d.AmountLow == null ? 0 : 1),
            (DealSortField.Amount, true) => deals.OrderByDescending(d => d.AmountHigh == null && d.AmountLow == null ? 0 : 1),
            (_, false) => deals.OrderBy(d => d.AnnouncedOn == null ? 0 : 1),
            _ => deals.OrderByDescending(d => d.AnnouncedOn == null ? 0 : 1),
        };
        return (sort, descending) switch
        {
            (DealSortField.Amount, false) => apart.ThenBy(d => d.AmountHigh ?? d.AmountLow),
            (DealSortField.Amount, true) => apart.ThenByDescending(d => d.AmountHigh ?? d.AmountLow),
            (_, false) => apart.ThenBy(d => d.AnnouncedOn),
            _ => apart.ThenByDescending(d => d.AnnouncedOn),
        };
    }

    /// <summary>The live deals the filter matches, unsorted, read without tracking.</summary>
    public static IQueryable<Deal> Filter(AiDealsDbContext db, DealFilter filter) => Filter(db, filter, db.Deals);

    /// <summary>The live deals of <paramref name="source"/> (the table, or a keyset segment of it) the filter matches.</summary>
    public static IQueryable<Deal> Filter(AiDealsDbContext db, DealFilter filter, IQueryable<Deal> source)
    {
        var deals = source.AsNoTracking();
        if (filter.Targets.Count > 0)
        {
            var slugs = filter.Targets.ToList();
            deals = deals.Where(d => d.Target != null && slugs.Contains(d.Target.Slug));
        }

        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.ToList();
            deals = deals.Where(d => statuses.Contains(d.Status));
        }

        if (filter.Kinds.Count > 0)
        {
            var kinds = filter.Kinds.ToList();
            deals = deals.Where(d => kinds.Contains(d.Kind));
        }

        if (filter.AnnouncedFrom is { } from)
        {
            // AnnouncedOn holds the first day of the announced period (PartialDate normalizes it), so "the period ends on
            // or after from" is "it starts on or after the first day of from's period at the deal's precision". Said so,
            // the first condition is a range on the AnnouncedOn index and the rest only refines it.
            var month = new DateOnly(from.Year, from.Month, 1);
            var quarter = new DateOnly(from.Year, ((from.Month - 1) / 3 * 3) + 1, 1);
            var year = new DateOnly(from.Year, 1, 1);
            deals = deals.Where(d => d.AnnouncedOn >= year
                && (d.AnnouncedOn >= from
                    || d.AnnouncedPrecision == DatePrecision.Year
                    || (d.AnnouncedPrecision == DatePrecision.Quarter && d.AnnouncedOn >= quarter)
                    || (d.AnnouncedPrecision == DatePrecision.Month && d.AnnouncedOn >= month)));
        }

        if (filter.AnnouncedTo is { } to)
        {
            deals = deals.Where(d => d.AnnouncedOn <= to);
        }

        // A range may reach the figure: "at least" looks at the high end, "at most" at the low end. These are the same
        // expressions as the amount indexes (see the AmountKeyIndexes migration), so SQLite can use them.
        if (filter.MinAmount is { } min)
        {
            deals = deals.Where(d => (d.AmountHigh ?? d.AmountLow) >= min);
        }

        if (filter.MaxAmount is { } max)
        {
            deals = deals.Where(d => (d.AmountLow ?? d.AmountHigh) <= max);
        }

        if (DealTextSearch.Match(filter.Text) is { } match)
        {
            // The deals the free-text index finds (see DealTextSearch for what matches).
            var found = db.Database.IsNpgsql()
                ? db.Database.SqlQuery<int>($"SELECT \"DealId\" AS \"Value\" FROM \"DealSearch\" WHERE \"Document\" @@ CAST({DealTextSearch.TsQuery(filter.Text)} AS tsquery)")
                : db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"DealSearch\" WHERE \"DealSearch\" MATCH {match}");
            deals = deals.Where(d => found.Contains(d.Id));
        }

        if (filter.Investors.Count > 0)
        {
            // The investors' deals, each once, from the participants' (OrganizationId, DealId) index, then each deal by its
            // id. Said as EXISTS or IN, SQLite walked every live deal and probed the participants for each (seconds at a
            // million deals); EF writes this shape as a CROSS JOIN, whose left side SQLite keeps as the outer loop. Last,
            // so that the deals' own conditions stay together in the one query over them.
            var slugs = filter.Investors.ToList();
            var dealIds = db.DealParticipants.AsNoTracking()
                .Where(p => slugs.Contains(p.Organization!.Slug))
                .Select(p => p.DealId)
                .Distinct();
            var live = deals;
            deals = from id in dealIds
                    from d in live
                    where d.Id == id
                    select d;
        }

        return deals;
    }

    /// <summary>Deals whose title holds every word of the text, in any case (ASCII letters).</summary>
    public static IQueryable<Deal> TitleHas(AiDealsDbContext db, IQueryable<Deal> deals, string? text)
    {
        // Any case: SQLite's LIKE ignores it, PostgreSQL's does not (its ILIKE does).
        var onPostgreSql = db.Database.IsNpgsql();
        foreach (var term in Terms(text))
        {
            var pattern = LikePattern(term);
            deals = onPostgreSql
                ? deals.Where(d => EF.Functions.ILike(d.Title, pattern, LikeEscape))
                : deals.Where(d => EF.Functions.Like(d.Title, pattern, LikeEscape));
        }

        return deals;
    }

    /// <summary>The words of a free-text query, as the filter matches them.</summary>
    public static IReadOnlyList<string> Terms(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTextTerms)];

    // '%' and '_' typed by a person are letters to find, not wildcards.
    public static string LikePattern(string term) =>
        "%" + term.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal) + "%";
}
