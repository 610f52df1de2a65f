using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Support;

/// <summary>
/// The dashboard's figures recounted from every deal, as the dashboard read them before it kept aggregates, with the
/// union rule recounted in memory (<see cref="UnionRecount"/>): what the kept aggregates and the union SQL must always equal.
/// </summary>
internal sealed class DashboardRecount(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    private const int TopInvestors = DashboardQueries.TopInvestors;

    private const int TimelineMonths = DashboardQueries.TimelineMonths;

    public async Task<DashboardSummary> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deals = db.Deals.AsNoTracking();
        var links = await LinksAsync(db, cancellationToken);

        var dealCount = await deals.CountAsync(cancellationToken);
        var rows = await deals.Select(d => new { d.Id, d.AmountLow, d.AmountHigh, d.AmountQualifier }).ToListAsync(cancellationToken);
        var union = UnionRecount.Count(
            rows.ToDictionary(d => d.Id, d => ((double)(d.AmountLow ?? 0), (double)(d.AmountHigh ?? d.AmountLow ?? 0))), links);
        var inFull = rows.Where(d => !union.Rests.ContainsKey(d.Id)).ToList();
        var capital = rows.Count == 0 ? null : new
        {
            union.Low,
            union.High,
            OpenEnded = inFull.Any(d => d.AmountQualifier == AmountQualifier.AtLeast),
            LeafDeals = inFull.Count,
            UndisclosedDeals = inFull.Count(d => d.AmountQualifier == AmountQualifier.Undisclosed),
            UnattributedLow = union.Rests.Values.Sum(r => r.Low),
            UnattributedHigh = union.Rests.Values.Sum(r => r.High),
        };

        // Statuses are stored by name, so SQL would order them alphabetically: order the few groups by their place in a deal's life here.
        var byStatus = (await deals
                .GroupBy(d => d.Status)
                .Select(g => new StatusCount(g.Key, g.Count()))
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.Status)
            .ToList();
        var byKind = (await deals
                .GroupBy(d => d.Kind)
                .Select(g => new KindCount(g.Key, g.Count()))
                .ToListAsync(cancellationToken))
            .OrderByDescending(k => k.Count)
            .ThenBy(k => k.Kind)
            .ToList();

        return new DashboardSummary(
            dealCount,
            capital is null
                ? new CapitalTotal(0, 0, false, 0, 0)
                : new CapitalTotal(AmountRange.Total(capital.Low), AmountRange.Total(capital.High), capital.OpenEnded, capital.LeafDeals,
                    capital.UndisclosedDeals, AmountRange.Total(capital.UnattributedLow), AmountRange.Total(capital.UnattributedHigh), union.Rests.Count),
            byStatus,
            byKind,
            await LargestDealAsync(deals, cancellationToken),
            await LatestValuationAsync(db, cancellationToken),
            await db.Organizations.AsNoTracking().CountAsync(o => o.Participations.Any(p => p.Deal!.DeletedAt == null), cancellationToken),
            await CapitalByInvestorAsync(db, links, cancellationToken),
            await ActivityAsync(db, dealCount, cancellationToken));
    }

    private static async Task<LargestDeal?> LargestDealAsync(IQueryable<Deal> leaves, CancellationToken cancellationToken)
    {
        var row = await leaves
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

    private static async Task<List<(int Part, int Wider)>> LinksAsync(AiDealsDbContext db, CancellationToken cancellationToken) =>
        [.. (await db.DealLinks.AsNoTracking()
                .Where(l => l.Part!.DeletedAt == null && l.Wider!.DeletedAt == null)
                .Select(l => new { l.PartId, l.WiderId })
                .ToListAsync(cancellationToken))
            .Select(l => (l.PartId, l.WiderId))];

    private static async Task<IReadOnlyList<InvestorCapital>> CapitalByInvestorAsync(
        AiDealsDbContext db, List<(int Part, int Wider)> links, CancellationToken cancellationToken)
    {
        // Each organization's commitments by the union rule, on its own set of deals.
        var participations = await db.DealParticipants.AsNoTracking()
            .Where(p => p.Deal!.DeletedAt == null)
            .Select(p => new { p.OrganizationId, p.Organization!.Name, p.Organization.Slug, p.DealId, p.CommitmentLow, p.CommitmentHigh })
            .ToListAsync(cancellationToken);
        return [.. participations
            .GroupBy(p => new { p.OrganizationId, p.Name, p.Slug })
            .Select(g =>
            {
                var union = UnionRecount.Count(
                    g.ToDictionary(p => p.DealId, p => ((double)(p.CommitmentLow ?? 0), (double)(p.CommitmentHigh ?? p.CommitmentLow ?? 0))), links);
                return new InvestorCapital(new OrganizationRef(g.Key.Name, g.Key.Slug), AmountRange.Total(union.Low), AmountRange.Total(union.High), g.Count());
            })
            .Where(i => i.High > 0)
            .OrderByDescending(i => i.High)
            .ThenBy(i => i.Investor.Name, StringComparer.Ordinal)
            .Take(TopInvestors)];
    }

    private static async Task<ActivityTimeline> ActivityAsync(AiDealsDbContext db, int dealCount, CancellationToken cancellationToken)
    {
        // A date known only to the quarter or the year has no month: placing it in January would invent a peak.
        var dealMonths = await db.Deals.AsNoTracking()
            .Where(d => d.AnnouncedOn != null && (d.AnnouncedPrecision == DatePrecision.Day || d.AnnouncedPrecision == DatePrecision.Month))
            .GroupBy(d => new { d.AnnouncedOn!.Value.Year, d.AnnouncedOn.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var eventMonths = await db.MarketEvents.AsNoTracking()
            .Where(e => e.OccurredPrecision == DatePrecision.Day || e.OccurredPrecision == DatePrecision.Month)
            .GroupBy(e => new { e.OccurredOn.Year, e.OccurredOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var eventCount = await db.MarketEvents.AsNoTracking().CountAsync(cancellationToken);

        var deals = dealMonths.ToDictionary(m => new DateOnly(m.Year, m.Month, 1), m => m.Count);
        var events = eventMonths.ToDictionary(m => new DateOnly(m.Year, m.Month, 1), m => m.Count);
        if (deals.Count == 0 && events.Count == 0)
        {
            return new ActivityTimeline([], dealCount, eventCount);
        }

        var last = deals.Keys.Concat(events.Keys).Max();
        var months = Enumerable.Range(0, TimelineMonths)
            .Select(i => last.AddMonths(i - (TimelineMonths - 1)))
            .Select(month => new MonthActivity(month, deals.GetValueOrDefault(month), events.GetValueOrDefault(month)))
            .ToList();
        return new ActivityTimeline(months, dealCount, eventCount);
    }
}
