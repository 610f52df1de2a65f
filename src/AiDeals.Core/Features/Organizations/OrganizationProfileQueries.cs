using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Citations;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Valuations;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>An organization's profile: its deals as investor and as target, what it committed, its valuations, events and evidence.</summary>
public sealed class OrganizationProfileQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>
    /// How many deals as investor and as target the profile lists, newest first; the totals count them all, and the deal
    /// list filtered by the organization pages through the rest.
    /// </summary>
    public const int RowsShown = 50;

    /// <summary>The organization at this address, or null when there is none.</summary>
    public async Task<OrganizationProfile?> GetProfileAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Slug == slug)
            .Select(o => new
            {
                o.Id,
                o.Slug,
                o.Name,
                o.Type,
                o.Country,
                o.Website,
                o.Description,
                o.FoundedYear,
                o.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return null;
        }

        // By the organization's id: joined into the query above, SQLite read every alias of every organization.
        var id = organization.Id;
        var aliases = await db.OrganizationAliases.AsNoTracking()
            .Where(a => a.OrganizationId == id)
            .OrderBy(a => a.Name)
            .Select(a => a.Name)
            .ToListAsync(cancellationToken);
        var ownParticipations = db.DealParticipants.AsNoTracking().Where(p => p.OrganizationId == id && p.Deal!.DeletedAt == null);
        // Its live participations in live deals, kept by the aggregates' triggers: counting them took 80 ms to a second
        // for an investor in tens of thousands of deals.
        var commitmentCount = await db.OrganizationTotals.AsNoTracking()
            .Where(t => t.OrganizationId == id)
            .Select(t => t.Deals)
            .SingleOrDefaultAsync(cancellationToken);
        var newest = await NewestCommitments.IdsAsync(db, id, commitmentCount, RowsShown, cancellationToken);
        var participations = await (newest is null ? ownParticipations : ownParticipations.Where(p => newest.Contains(p.Id)))
            .OrderByDescending(p => p.Deal!.AnnouncedOn)
            .ThenBy(p => p.Deal!.Title)
            .Take(RowsShown)
            .Select(p => new
            {
                p.DealId,
                p.Deal!.Title,
                Target = p.Deal.Target == null ? null : new OrganizationRef(p.Deal.Target.Name, p.Deal.Target.Slug),
                p.Role,
                Commitment = AmountRange.Create(p.CommitmentLow, p.CommitmentHigh, p.CommitmentQualifier),
                p.Currency,
                p.ReportedLow,
                p.ReportedHigh,
                p.ReportedQualifier,
                p.RateOn,
                p.Deal.Status,
                p.Deal.AnnouncedOn,
                p.Deal.AnnouncedPrecision,
            })
            .ToListAsync(cancellationToken);

        var wider = await OrganizationCommitmentTotals.WiderAsync(db, id, cancellationToken);
        var umbrellas = OrganizationCommitmentTotals.CountedThroughParts(wider);
        var commitments = participations.Select(p => new OrganizationCommitment(
            new DealRef(p.DealId, p.Title),
            p.Target,
            p.Role,
            p.Commitment,
            p.Status,
            p.AnnouncedOn is { } on ? PartialDate.Create(on, p.AnnouncedPrecision) : null,
            !umbrellas.Contains(p.DealId))
        {
            AsReported = ReportedAmount.Of(p.Currency, p.ReportedLow, p.ReportedHigh, p.ReportedQualifier, p.Commitment, p.RateOn),
        }).ToList();

        var dealsAsTargetCount = await db.Deals.AsNoTracking().CountAsync(d => d.TargetId == id, cancellationToken);
        var dealsAsTarget = await DealsAsTargetAsync(db, id, cancellationToken);

        // Oldest first: the order of the valuation chart's line.
        var valuations = await db.Valuations.AsNoTracking()
            .Where(v => v.OrganizationId == id)
            .OrderBy(v => v.AsOf)
            .ThenBy(v => v.Id)
            .ProjectToSummaries()
            .ToListAsync(cancellationToken);

        var events = await InvolvedEvents.ReadAsync(db, [id], cancellationToken);

        var citations = await db.Citations.AsNoTracking()
            .Where(c => c.OrganizationId == id)
            .OrderBy(c => c.Id)
            .Select(CitationProjection.ToView)
            .ToListAsync(cancellationToken);

        var (total, unconverted) = await OrganizationCommitmentTotals.TotalAsync(db, id, wider, cancellationToken);
        return new OrganizationProfile(
            organization.Id,
            organization.Slug,
            organization.Name,
            organization.Type,
            organization.Country,
            organization.Website,
            organization.Description,
            organization.FoundedYear,
            aliases,
            commitments,
            total,
            await OrganizationCommitmentTotals.ByYearAsync(db, id, wider, cancellationToken),
            dealsAsTarget,
            valuations,
            events,
            citations)
        {
            Version = organization.Version,
            CommitmentCount = commitmentCount,
            DealsAsTargetCount = dealsAsTargetCount,
            UnconvertedDeals = unconverted,
        };
    }

    /// <summary>
    /// The deals that go into the organization, newest first, each with its live investors by name. The investors come
    /// in a query of their own, by the deals' target: joined into the deals' query, SQLite built the whole table of
    /// participants (2 million rows at a million deals) to read a few of them.
    /// </summary>
    private static async Task<List<TargetDeal>> DealsAsTargetAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var deals = await db.Deals.AsNoTracking()
            .Where(d => d.TargetId == id)
            .OrderByDescending(d => d.AnnouncedOn)
            .ThenBy(d => d.Title)
            .ThenBy(d => d.Id)
            .Take(RowsShown)
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.Status,
                Amount = AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier),
                Announced = d.AnnouncedOn == null ? (PartialDate?)null : PartialDate.Create(d.AnnouncedOn.Value, d.AnnouncedPrecision),
                IsUmbrella = d.Parts.Any(l => l.Part!.DeletedAt == null),
            })
            .ToListAsync(cancellationToken);
        if (deals.Count == 0)
        {
            return [];
        }

        var shown = deals.Select(d => d.Id).ToList();
        var investors = (await db.DealParticipants.AsNoTracking()
                .Where(p => shown.Contains(p.DealId))
                .OrderBy(p => p.Organization!.Name)
                .ThenBy(p => p.Id)
                .Select(p => new { p.DealId, Investor = new OrganizationRef(p.Organization!.Name, p.Organization.Slug) })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.DealId, p => p.Investor);
        return [.. deals.Select(d => new TargetDeal(new DealRef(d.Id, d.Title), [.. investors[d.Id]], d.Status, d.Amount, d.Announced, d.IsUmbrella))];
    }
}
