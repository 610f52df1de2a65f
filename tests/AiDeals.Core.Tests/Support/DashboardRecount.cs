using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Support;

/// <summary>
/// The dashboard's figures recounted from every deal, as the dashboard read them before it kept aggregates: what the
/// kept aggregates must always equal.
/// </summary>
internal sealed class DashboardRecount(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    private const int TopInvestors = DashboardQueries.TopInvestors;

    private const int TimelineMonths = DashboardQueries.TimelineMonths;

    public async Task<DashboardSummary> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deals = db.Deals.AsNoTracking();
        var leaves = deals.Where(d => !d.Children.Any());

        var dealCount = await deals.CountAsync(cancellationToken);
        // Summed as REAL: SQLite's integer SUM fails the whole query on overflow (see AmountRange.Total).
        var capital = await leaves
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Low = g.Sum(d => (double)(d.AmountLow ?? 0)),
                High = g.Sum(d => (double)(d.AmountHigh ?? d.AmountLow ?? 0)),
                OpenEnded = g.Any(d => d.AmountQualifier == AmountQualifier.AtLeast),
                LeafDeals = g.Count(),
                UndisclosedDeals = g.Count(d => d.AmountQualifier == AmountQualifier.Undisclosed),
            })
            .SingleOrDefaultAsync(cancellationToken);

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
                : new CapitalTotal(AmountRange.Total(capital.Low), AmountRange.Total(capital.High), capital.OpenEnded, capital.LeafDeals, capital.UndisclosedDeals),
            byStatus,
            byKind,
            await LargestLeafDealAsync(leaves, cancellationToken),
            await LatestValuationAsync(db, cancellationToken),
            await db.Organizations.AsNoTracking().CountAsync(o => o.Participations.Any(p => p.Deal!.DeletedAt == null), cancellationToken),
            await CapitalByInvestorAsync(db, cancellationToken),
            await ActivityAsync(db, dealCount, cancellationToken));
    }

    private static async Task<LargestDeal?> LargestLeafDealAsync(IQueryable<Deal> leaves, CancellationToken cancellationToken)
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

    private static async Task<IReadOnlyList<InvestorCapital>> CapitalByInvestorAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        // Commitments of leaf deals only: the umbrella's own "more than $40B" is already its parts' commitments.
        var rows = await db.DealParticipants.AsNoTracking()
            .Where(p => !p.Deal!.Children.Any())
            .GroupBy(p => new { p.OrganizationId, p.Organization!.Name, p.Organization.Slug })
            .Select(g => new
            {
                g.Key.Name,
                g.Key.Slug,
                Low = g.Sum(p => (double)(p.CommitmentLow ?? 0)),
                High = g.Sum(p => (double)(p.CommitmentHigh ?? p.CommitmentLow ?? 0)),
                Deals = g.Count(),
            })
            .Where(r => r.High > 0)
            .OrderByDescending(r => r.High)
            .ThenBy(r => r.Name)
            .Take(TopInvestors)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new InvestorCapital(new OrganizationRef(r.Name, r.Slug), AmountRange.Total(r.Low), AmountRange.Total(r.High), r.Deals)).ToList();
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
