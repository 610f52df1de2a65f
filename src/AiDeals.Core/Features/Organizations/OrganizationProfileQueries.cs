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
        var participations = await db.DealParticipants.AsNoTracking()
            .Where(p => p.OrganizationId == id && p.Deal!.DeletedAt == null)
            .OrderByDescending(p => p.Deal!.AnnouncedOn)
            .ThenBy(p => p.Deal!.Title)
            .Select(p => new
            {
                p.DealId,
                p.Deal!.ParentId,
                p.Deal.Title,
                Target = p.Deal.Target == null ? null : new OrganizationRef(p.Deal.Target.Name, p.Deal.Target.Slug),
                p.Role,
                Commitment = AmountRange.Create(p.CommitmentLow, p.CommitmentHigh, p.CommitmentQualifier),
                p.Deal.Status,
                p.Deal.AnnouncedOn,
                p.Deal.AnnouncedPrecision,
            })
            .ToListAsync(cancellationToken);

        var knownParents = participations.GroupBy(p => p.DealId).ToDictionary(g => g.Key, g => g.First().ParentId);
        var umbrellas = await UmbrellasOverAsync(db, knownParents, cancellationToken);
        var commitments = participations.Select(p => new OrganizationCommitment(
            new DealRef(p.DealId, p.Title),
            p.Target,
            p.Role,
            p.Commitment,
            p.Status,
            p.AnnouncedOn is { } on ? PartialDate.Create(on, p.AnnouncedPrecision) : null,
            !umbrellas.Contains(p.DealId))).ToList();

        var dealsAsTarget = await DealsAsTargetAsync(db, id, cancellationToken);

        // Oldest first: the order of the valuation chart's line.
        var valuations = await db.Valuations.AsNoTracking()
            .Where(v => v.OrganizationId == id)
            .OrderBy(v => v.AsOf)
            .ThenBy(v => v.Id)
            .ProjectToSummaries()
            .ToListAsync(cancellationToken);

        var events = await db.MarketEvents.AsNoTracking()
            .Involving([id])
            .ProjectToSummaries()
            .ToListAsync(cancellationToken);

        var citations = await db.Citations.AsNoTracking()
            .Where(c => c.OrganizationId == id)
            .OrderBy(c => c.Id)
            .Select(CitationProjection.ToView)
            .ToListAsync(cancellationToken);

        var counted = commitments.Where(c => c.IsCounted).ToList();
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
            Total(counted),
            ByYear(counted),
            dealsAsTarget,
            valuations,
            events,
            citations)
        {
            Version = organization.Version,
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
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.Status,
                Amount = AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier),
                Announced = d.AnnouncedOn == null ? (PartialDate?)null : PartialDate.Create(d.AnnouncedOn.Value, d.AnnouncedPrecision),
                IsUmbrella = d.Children.Any(),
            })
            .ToListAsync(cancellationToken);
        if (deals.Count == 0)
        {
            return [];
        }

        var investors = (await db.DealParticipants.AsNoTracking()
                .Where(p => p.Deal!.TargetId == id)
                .OrderBy(p => p.Organization!.Name)
                .ThenBy(p => p.Id)
                .Select(p => new { p.DealId, Investor = new OrganizationRef(p.Organization!.Name, p.Organization.Slug) })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.DealId, p => p.Investor);
        return [.. deals.Select(d => new TargetDeal(new DealRef(d.Id, d.Title), [.. investors[d.Id]], d.Status, d.Amount, d.Announced, d.IsUmbrella))];
    }

    /// <summary>
    /// The organization's deals that have another of its deals somewhere under them. Their commitment is already
    /// counted through those parts, so adding it would count the same dollars twice. Parents outside the
    /// organization's own deals are looked up level by level, so a part nested under a deal it takes no part in
    /// still reaches the umbrella above.
    /// </summary>
    private static async Task<HashSet<int>> UmbrellasOverAsync(
        AiDealsDbContext db, Dictionary<int, int?> parents, CancellationToken cancellationToken)
    {
        var ownDeals = parents.Keys.ToHashSet();
        var missing = MissingParents(parents);
        while (missing.Count > 0)
        {
            var found = await db.Deals.AsNoTracking()
                .Where(d => missing.Contains(d.Id))
                .Select(d => new { d.Id, d.ParentId })
                .ToListAsync(cancellationToken);
            foreach (var id in missing)
            {
                // A deleted or missing parent ends the chain.
                parents[id] = found.FirstOrDefault(f => f.Id == id)?.ParentId;
            }

            missing = MissingParents(parents);
        }

        var umbrellas = new HashSet<int>();
        foreach (var deal in ownDeals)
        {
            var seen = new HashSet<int> { deal };
            for (var parent = parents[deal]; parent is { } p && seen.Add(p); parent = parents.GetValueOrDefault(p))
            {
                if (ownDeals.Contains(p))
                {
                    umbrellas.Add(p);
                }
            }
        }

        return umbrellas;
    }

    private static List<int> MissingParents(Dictionary<int, int?> parents) =>
        parents.Values.OfType<int>().Where(p => !parents.ContainsKey(p)).Distinct().ToList();

    // Summed as double, which cannot overflow as a sum of longs does (see AmountRange.Total).
    private static CommittedTotal Total(List<OrganizationCommitment> counted) => new(
        AmountRange.Total(counted.Sum(c => (double)(c.Commitment.Low ?? 0))),
        AmountRange.Total(counted.Sum(c => (double)(c.Commitment.High ?? c.Commitment.Low ?? 0))),
        counted.Any(c => c.Commitment.Qualifier == AmountQualifier.AtLeast),
        counted.Count,
        counted.Count(c => !c.Commitment.IsDisclosed));

    private static List<CommittedInYear> ByYear(List<OrganizationCommitment> counted) =>
        counted
            .Where(c => c.Commitment.IsDisclosed)
            .GroupBy(c => c.Announced?.Date.Year)
            .OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g => new CommittedInYear(
                g.Key,
                AmountRange.Total(g.Sum(c => (double)(c.Commitment.Low ?? 0))),
                AmountRange.Total(g.Sum(c => (double)(c.Commitment.High ?? c.Commitment.Low ?? 0)))))
            .ToList();
}
