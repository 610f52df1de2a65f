using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Dashboard;

/// <summary>
/// The dashboard's figures, read from the aggregates the database keeps in the transaction of every write
/// (<see cref="Data.Aggregates.AggregateSql"/>) and from two indexes (the largest amount, the latest valuation), so a
/// request costs the same at six deals and at a million. Money totals are the union of the deals (<see cref="UnionTotals"/>):
/// the kept sums count every live deal in full, and the kept rests (<see cref="UnionRests"/>) replace the wider deals'
/// figures by what they add beyond their parts.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>How many investors the capital chart shows: more bars than this no longer fit a phone.</summary>
    public const int TopInvestors = 8;

    /// <summary>How many months the activity chart spans, ending at the latest dated month.</summary>
    public const int TimelineMonths = 12;

    public async Task<DashboardSummary> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A few dozen rows kept by the database's triggers (AggregateSql): no request reads every deal.
        var counts = await db.DashboardCounts.AsNoTracking().ToDictionaryAsync(c => c.Key, cancellationToken);
        long Count(string key) => counts.TryGetValue(key, out var count) ? count.Count : 0;

        var dealCount = (int)Count("deals");
        var amounts = counts.GetValueOrDefault("amounts");
        var plain = new PlainSum(
            (int)(amounts?.Count ?? 0),
            amounts?.Low ?? 0,
            amounts?.High ?? 0,
            (int)Count("amounts:" + nameof(AmountQualifier.AtLeast)),
            (int)Count("amounts:" + nameof(AmountQualifier.Undisclosed)));
        await db.Database.OpenConnectionAsync(cancellationToken);
        var wider = await KeptUnion.SumsAsync(db.Database.GetDbConnection(), 0, cancellationToken);
        var capital = CapitalTotal.Of(UnionTotal.Of(plain, wider));

        // Statuses in their place in a deal's life; kinds most frequent first.
        var byStatus = Enum.GetValues<DealStatus>()
            .Select(status => new StatusCount(status, (int)Count("status:" + status)))
            .Where(s => s.Count > 0)
            .ToList();
        var byKind = Enum.GetValues<DealKind>()
            .Select(kind => new KindCount(kind, (int)Count("kind:" + kind)))
            .Where(k => k.Count > 0)
            .OrderByDescending(k => k.Count)
            .ThenBy(k => k.Kind)
            .ToList();

        return new DashboardSummary(
            dealCount,
            capital,
            byStatus,
            byKind,
            await LargestDealAsync(db.Deals.AsNoTracking(), cancellationToken),
            await LatestValuationAsync(db, cancellationToken),
            (int)Count("investors"),
            await CapitalByInvestorAsync(db, cancellationToken),
            await ActivityAsync(db, dealCount, (int)Count("events"), cancellationToken));
    }

    // Any deal, a wider one too: its figure is the deal as announced (Stargate's $100–500B), only totals count it beyond its parts.
    private static async Task<LargestDeal?> LargestDealAsync(IQueryable<Deal> deals, CancellationToken cancellationToken)
    {
        var row = await deals
            .Where(d => d.AmountHigh != null || d.AmountLow != null)
            .OrderByDescending(d => d.AmountHigh ?? d.AmountLow)
            .ThenBy(d => d.Id)
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.AmountLow,
                d.AmountHigh,
                d.AmountQualifier,
                Target = d.Target == null ? null : new OrganizationRef(d.Target.Name, d.Target.Slug),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new LargestDeal(row.Id, row.Title, AmountRange.Create(row.AmountLow, row.AmountHigh, row.AmountQualifier), row.Target);
    }

    private static async Task<LatestValuation?> LatestValuationAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Valuations.AsNoTracking()
            .OrderByDescending(v => v.AsOf)
            .ThenByDescending(v => v.Id)
            .Select(v => new
            {
                Organization = new OrganizationRef(v.Organization!.Name, v.Organization.Slug),
                v.Amount,
                v.AsOf,
                v.AsOfPrecision,
                v.Kind,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new LatestValuation(row.Organization, row.Amount, PartialDate.Create(row.AsOf, row.AsOfPrecision), row.Kind);
    }

    private static async Task<IReadOnlyList<InvestorCapital>> CapitalByInvestorAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        // The kept sums count every commitment in full; the union rule changes only those of organizations in deals with
        // parts. The top by kept sums, enough of them that the changed ones cannot push the true top out, and the changed ones
        // in a query of their own: one filter for both would scan every organization instead of reading down the LeafHigh index.
        var adjusted = await KeptUnion.ByOrganizationAsync(db.Database.GetDbConnection(), cancellationToken);
        var changed = adjusted.Where(a => a.Value.Low != 0 || a.Value.High != 0).Select(a => a.Key).ToList();
        var rows = await db.OrganizationTotals.AsNoTracking()
            .Where(t => t.LeafHigh > 0)
            .Join(db.Organizations.AsNoTracking(), t => t.OrganizationId, o => o.Id, (t, o) => new { t.OrganizationId, t.LeafLow, t.LeafHigh, t.Deals, o.Name, o.Slug })
            .OrderByDescending(r => r.LeafHigh)
            .ThenBy(r => r.Name)
            .Take(TopInvestors + changed.Count)
            .ToListAsync(cancellationToken);
        var missing = changed.Except(rows.Select(r => r.OrganizationId)).ToList();
        if (missing.Count > 0)
        {
            rows.AddRange(await db.OrganizationTotals.AsNoTracking()
                .Where(t => missing.Contains(t.OrganizationId))
                .Join(db.Organizations.AsNoTracking(), t => t.OrganizationId, o => o.Id, (t, o) => new { t.OrganizationId, t.LeafLow, t.LeafHigh, t.Deals, o.Name, o.Slug })
                .ToListAsync(cancellationToken));
        }

        return [.. rows
            .Select(r =>
            {
                var adjustment = adjusted.GetValueOrDefault(r.OrganizationId);
                return new InvestorCapital(
                    new OrganizationRef(r.Name, r.Slug),
                    AmountRange.Total(r.LeafLow + adjustment.Low),
                    AmountRange.Total(r.LeafHigh + adjustment.High),
                    r.Deals);
            })
            .Where(i => i.High > 0)
            .OrderByDescending(i => i.High)
            .ThenBy(i => i.Investor.Name, StringComparer.Ordinal)
            .Take(TopInvestors)];
    }

    private static async Task<ActivityTimeline> ActivityAsync(AiDealsDbContext db, int dealCount, int eventCount, CancellationToken cancellationToken)
    {
        // Kept per month ("2025-01") by the triggers, counting only dates known to the day or the month.
        var months = await db.ActivityMonths.AsNoTracking()
            .Where(m => m.Deals > 0 || m.Events > 0)
            .ToListAsync(cancellationToken);
        if (months.Count == 0)
        {
            return new ActivityTimeline([], dealCount, eventCount);
        }

        var byMonth = months.ToDictionary(m => DateOnly.ParseExact(m.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var last = byMonth.Keys.Max();
        var timeline = Enumerable.Range(0, TimelineMonths)
            .Select(i => last.AddMonths(i - (TimelineMonths - 1)))
            .Select(month => byMonth.TryGetValue(month, out var m) ? new MonthActivity(month, m.Deals, m.Events) : new MonthActivity(month, 0, 0))
            .ToList();
        return new ActivityTimeline(timeline, dealCount, eventCount);
    }
}
