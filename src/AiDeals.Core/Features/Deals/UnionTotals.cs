using System.Globalization;
using System.Data.Common;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// The one rule by which every total counts money: the union of the deals, each once. A deal with no live part counts
/// its whole figure. A wider deal (one with live parts) counts only what its own figure says beyond the figures its
/// parts count, all of them and each once however deep and however many wider deals share them: for the low end and the
/// high end alike, max(0, its figure − what its distinct parts below count). That rest is "unattributed" money; a wider
/// deal smaller than its parts adds nothing. Feeds the dashboard, capital by investor, an organization's committed total
/// and the deal list's total.
/// </summary>
/// <remarks>
/// The figures come from SQL the caller writes: rows (group, deal id, low, high, qualifier), one per deal in the set,
/// the group being 0 for deal amounts or an organization's id for its commitments. Only the wider deals of the set and
/// what lies below them are read and computed here (48,000 of a million generated deals); the rest is a plain sum, kept
/// by the dashboard's aggregates or summed by SQL.
/// </remarks>
public static class UnionTotals
{
    /// <summary>The union total of one set of figures (one group): their plain sum in SQL, then the wider deals' adjustment.</summary>
    public static async Task<(UnionTotal Total, UnionAdjustment Wider)> SumAsync(
        DbConnection connection, string figures, Func<string, DbCommand> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        PlainSum sum;
        await using (var read = command($"""
            WITH s(G, Id, Low, High, Q) AS ({figures})
            SELECT {SqlDialect.Count}, {SqlDialect.Total(connection, "Low")}, {SqlDialect.Total(connection, "High")},
                {SqlDialect.CountWhere("Q = 'AtLeast'")}, {SqlDialect.CountWhere("Q = 'Undisclosed'")} FROM s
            """))
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            sum = new PlainSum(reader.GetInt32(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetInt32(3), reader.GetInt32(4));
        }

        var adjustments = await AdjustAsync(connection, figures, command, fromLinks: false, cancellationToken);
        var wider = adjustments.Values.SingleOrDefault() ?? UnionAdjustment.None;
        return (UnionTotal.Of(sum, wider), wider);
    }

    /// <summary>What the rule changes in a plain sum of the figures: per group, the wider deals with their own and counted figures.</summary>
    public static async Task<IReadOnlyDictionary<int, UnionAdjustment>> AdjustAsync(
        DbConnection connection, string figures, Func<string, DbCommand> command, bool fromLinks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        // The wider deals of the set: off the links' index when the set is everything, else by probing each row of the set.
        // CROSS JOIN keeps SQLite's join order as written, from the few links and wider deals outwards: with no statistics
        // it would take "DeletedAt IS NULL" on an index of the deals as selective and walk every deal (PostgreSQL plans a
        // CROSS JOIN with its WHERE as the inner join it is).
        var wider = fromLinks
            ? $"""
              SELECT s.* FROM (SELECT DISTINCT l."WiderId" AS Id FROM "DealLinks" AS l CROSS JOIN "Deals" AS p
                               WHERE p."Id" = l."PartId" AND l."DeletedAt" IS NULL AND p."DeletedAt" IS NULL) AS w
              CROSS JOIN s WHERE s.Id = w.Id
              """
            : $"""
              SELECT s.* FROM s WHERE EXISTS (SELECT 1 FROM "DealLinks" AS l INNER JOIN "Deals" AS p ON p."Id" = l."PartId"
                                             WHERE l."WiderId" = s.Id AND l."DeletedAt" IS NULL AND p."DeletedAt" IS NULL)
              """;
        var text = $"""
            WITH RECURSIVE s(G, Id, Low, High, Q) AS NOT MATERIALIZED ({figures}),
            w AS MATERIALIZED ({wider}),
            -- From the few wider deals down their links: CROSS JOIN keeps that order on SQLite, which would otherwise
            -- walk every live deal to find the parts of a handful (seconds at a million deals).
            down(Top, Id) AS (
                SELECT w.Id, l."PartId" FROM w CROSS JOIN "DealLinks" AS l CROSS JOIN "Deals" AS p
                    WHERE l."WiderId" = w.Id AND p."Id" = l."PartId" AND l."DeletedAt" IS NULL AND p."DeletedAt" IS NULL
                UNION
                SELECT down.Top, l."PartId" FROM down INNER JOIN "DealLinks" AS l ON l."WiderId" = down.Id
                    INNER JOIN "Deals" AS p ON p."Id" = l."PartId" WHERE l."DeletedAt" IS NULL AND p."DeletedAt" IS NULL)
            SELECT 1, w.G, w.Id, w.Low, w.High, w.Q, 0 FROM w
            UNION ALL
            SELECT 0, s.G, s.Id, s.Low, s.High, s.Q, down.Top FROM down CROSS JOIN s
                INNER JOIN w ON w.Id = down.Top AND w.G = s.G WHERE s.Id = down.Id
            """;
        var widerFigures = new Dictionary<(int Group, int Id), (Figure Figure, AmountQualifier Qualifier)>();
        var below = new Dictionary<(int Group, int Top), Dictionary<int, Figure>>();
        await using (var read = command(text))
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var group = reader.GetInt32(1);
                // Whole dollars as SQLite stores them, a bigint on PostgreSQL: read as numbers either way.
                var figure = new Figure(
                    Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture));
                if (reader.GetInt32(0) == 1)
                {
                    widerFigures[(group, reader.GetInt32(2))] = (figure, Enum.Parse<AmountQualifier>(reader.GetString(5)));
                }
                else
                {
                    var key = (group, reader.GetInt32(6));
                    if (!below.TryGetValue(key, out var parts))
                    {
                        below[key] = parts = [];
                    }

                    parts[reader.GetInt32(2)] = figure;
                }
            }
        }

        // A deal with parts, none of them in this group's set (an organization's commitment in a deal whose parts it
        // has no share in), is a deal without parts for this total: counted in full.
        return widerFigures.Where(w => below.ContainsKey(w.Key)).GroupBy(w => w.Key.Group).ToDictionary(
            g => g.Key,
            g => Count(g.ToDictionary(w => w.Key.Id, w => w.Value), id => below.GetValueOrDefault((g.Key, id)) ?? []));
    }

    /// <summary>
    /// The union rule on one group: <paramref name="wider"/> the wider deals of the set with their figures,
    /// <paramref name="below"/> each one's distinct deals of the set below it (at any depth) with their figures.
    /// </summary>
    public static UnionAdjustment Count(
        IReadOnlyDictionary<int, (Figure Figure, AmountQualifier Qualifier)> wider, Func<int, IReadOnlyDictionary<int, Figure>> below)
    {
        ArgumentNullException.ThrowIfNull(wider);
        ArgumentNullException.ThrowIfNull(below);
        var counted = new Dictionary<int, Figure>();
        var inProgress = new HashSet<int>();

        Figure Counted(int id, Figure figure)
        {
            if (!wider.ContainsKey(id))
            {
                return figure;
            }

            if (counted.TryGetValue(id, out var known))
            {
                return known;
            }

            // A cycle cannot be saved (the validator refuses it); should one be found, its deals count in full rather than loop.
            if (!inProgress.Add(id))
            {
                return figure;
            }

            double low = 0, high = 0;
            foreach (var (partId, partFigure) in below(id))
            {
                var part = Counted(partId, partFigure);
                low += part.Low;
                high += part.High;
            }

            var rest = new Figure(Math.Max(0, figure.Low - low), Math.Max(0, figure.High - high));
            counted[id] = rest;
            return rest;
        }

        var deals = wider.Select(w => new WiderDeal(w.Key, w.Value.Figure, Counted(w.Key, w.Value.Figure), w.Value.Qualifier)).ToList();
        return new UnionAdjustment(deals);
    }

    /// <summary>A figure as totals sum it: low, and high (the low end where there is no high end); 0 where undisclosed.</summary>
    public readonly record struct Figure(double Low, double High);
}

/// <summary>A wider deal of a set: its own figure and the rest of it that the total counts, beyond its parts.</summary>
public sealed record WiderDeal(int Id, UnionTotals.Figure Own, UnionTotals.Figure Unattributed, AmountQualifier Qualifier);

/// <summary>What the union rule changes in the plain sum of a set's figures: each wider deal's own figure out, its unattributed rest in.</summary>
public sealed record UnionAdjustment(IReadOnlyList<WiderDeal> Deals)
{
    public static readonly UnionAdjustment None = new([]);

    public double Low => Deals.Sum(d => d.Unattributed.Low - d.Own.Low);

    public double High => Deals.Sum(d => d.Unattributed.High - d.Own.High);

    public double UnattributedLow => Deals.Where(d => d.Unattributed != d.Own).Sum(d => d.Unattributed.Low);

    public double UnattributedHigh => Deals.Where(d => d.Unattributed != d.Own).Sum(d => d.Unattributed.High);

    /// <summary>
    /// Wider deals that the rule changes (their rest differs from their own figure) count only through their parts and
    /// rest: they leave the plain counts of deals counted in full. One whose parts count nothing still counts in full.
    /// </summary>
    public int Count(AmountQualifier? qualifier = null) => Deals.Count(d => d.Unattributed != d.Own && (qualifier is null || d.Qualifier == qualifier));

    public IReadOnlySet<int> Ids => Deals.Select(d => d.Id).ToHashSet();

    public WiderDeal? For(int id) => Deals.FirstOrDefault(d => d.Id == id);

    /// <summary>What totals need of the adjustment: the sums and counts that the kept rests give in SQL too.</summary>
    public AdjustmentSums Sums => new(
        Low, High, UnattributedLow, UnattributedHigh, Count(), Count(AmountQualifier.AtLeast), Count(AmountQualifier.Undisclosed));
}

/// <summary>
/// A <see cref="UnionAdjustment"/> summed: what it adds to a plain sum low and high, the wider deals' unattributed rests,
/// and how many wider deals it changes (of them, how many open-ended and undisclosed).
/// </summary>
public sealed record AdjustmentSums(double Low, double High, double UnattributedLow, double UnattributedHigh, int Count, int AtLeast, int Undisclosed)
{
    public static readonly AdjustmentSums None = new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>A set's figures summed plainly, each deal in full: how many, low, high, how many open-ended and undisclosed.</summary>
public sealed record PlainSum(int Count, double Low, double High, int AtLeast, int Undisclosed);

/// <summary>
/// A union total: every deal once, wider deals adding only their unattributed rest (see <see cref="UnionTotals"/>).
/// <see cref="CountedInFull"/> deals count their whole figure; <see cref="WiderDeals"/> count through their parts and rest.
/// Open-ended when a deal counted in full has no upper bound ("more than"): a wider deal's "more than $40B" adds its
/// low end beyond its parts, and leaves the high end to them.
/// </summary>
public sealed record UnionTotal(
    long Low, long High, bool OpenEnded, int CountedInFull, int Undisclosed, long UnattributedLow, long UnattributedHigh, int WiderDeals)
{
    /// <summary>
    /// Deals of the set that no rate converted (reported in another currency): left out of the dollar figures, and not
    /// among <see cref="Undisclosed"/>, so that each deal is said once.
    /// </summary>
    public int LeftOut { get; init; }

    /// <summary>
    /// The total with <paramref name="unconverted"/> deals of its set said as left out: their dollar amount reads
    /// undisclosed (never a made-up rate), so the plain sum counted them in full among the undisclosed ones.
    /// </summary>
    public UnionTotal LeavingOut(int unconverted) => this with
    {
        CountedInFull = Math.Max(0, CountedInFull - unconverted),
        Undisclosed = Math.Max(0, Undisclosed - unconverted),
        LeftOut = unconverted,
    };

    public static UnionTotal Of(PlainSum sum, UnionAdjustment adjustment)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        return Of(sum, adjustment.Sums);
    }

    public static UnionTotal Of(PlainSum sum, AdjustmentSums adjustment)
    {
        ArgumentNullException.ThrowIfNull(sum);
        ArgumentNullException.ThrowIfNull(adjustment);
        return new UnionTotal(
            AmountRange.Total(sum.Low + adjustment.Low),
            AmountRange.Total(sum.High + adjustment.High),
            sum.AtLeast - adjustment.AtLeast > 0,
            sum.Count - adjustment.Count,
            sum.Undisclosed - adjustment.Undisclosed,
            AmountRange.Total(adjustment.UnattributedLow),
            AmountRange.Total(adjustment.UnattributedHigh),
            adjustment.Count);
    }
}
