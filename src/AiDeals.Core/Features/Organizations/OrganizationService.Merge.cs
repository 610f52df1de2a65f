using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>
/// What merging one organization into another would move, counted over live records, for the confirmation.
/// <see cref="SharedDeals"/> are deals both take part in: the merged organization's participation in them is removed
/// and the survivor's (role and commitment) kept.
/// </summary>
public sealed record MergePreview(
    OrganizationChoice Survivor,
    OrganizationChoice Merged,
    IReadOnlyList<string> NewAliases,
    int DealsAsTarget,
    int Participations,
    IReadOnlyList<DealRef> SharedDeals,
    int Valuations,
    int MarketEvents,
    int Citations);

public sealed partial class OrganizationService
{
    /// <summary>What <see cref="MergeOrganizationsAsync"/> would do; null when either organization is missing or they are the same.</summary>
    public async Task<MergePreview?> PreviewMergeAsync(int survivorId, int mergedId, CancellationToken cancellationToken = default)
    {
        if (survivorId == mergedId)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pair = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == survivorId || o.Id == mergedId)
            .Select(o => new { o.Id, o.Name, o.Slug, Aliases = o.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList() })
            .ToListAsync(cancellationToken);
        var survivor = pair.SingleOrDefault(o => o.Id == survivorId);
        var merged = pair.SingleOrDefault(o => o.Id == mergedId);
        if (survivor is null || merged is null)
        {
            return null;
        }

        var participations = db.DealParticipants.AsNoTracking().Where(p => p.OrganizationId == mergedId && p.Deal!.DeletedAt == null);
        var shared = await participations
            .Where(p => p.Deal!.Participants.Any(s => s.OrganizationId == survivorId && s.DeletedAt == null))
            .OrderBy(p => p.Deal!.Title)
            .Select(p => new DealRef(p.DealId, p.Deal!.Title))
            .ToListAsync(cancellationToken);

        return new MergePreview(
            new OrganizationChoice(survivor.Id, survivor.Name, survivor.Slug),
            new OrganizationChoice(merged.Id, merged.Name, merged.Slug),
            merged.Aliases.Prepend(merged.Name).ToList(),
            await db.Deals.CountAsync(d => d.TargetId == mergedId, cancellationToken),
            await participations.CountAsync(cancellationToken),
            shared,
            await db.Valuations.CountAsync(v => v.OrganizationId == mergedId, cancellationToken),
            await db.MarketEventOrganizations.CountAsync(e => e.OrganizationId == mergedId, cancellationToken),
            await db.Citations.CountAsync(c => c.OrganizationId == mergedId, cancellationToken));
    }

    /// <summary>
    /// Merges a duplicate into the organization that stays: the deals into it, its participations, valuations,
    /// market-event links and citations move to the survivor (deleted ones too, so that nothing restorable points at
    /// the merged record); where both take part in one deal the survivor's participation is kept and the other deleted;
    /// the merged name and aliases become the survivor's aliases; the merged organization is soft-deleted. One save,
    /// so one transaction: every row with its audit entry, each carrying the reason "Merged X into Y".
    /// </summary>
    public async Task<CommandResult> MergeOrganizationsAsync(Actor actor, int survivorId, int mergedId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        if (survivorId == mergedId)
        {
            return CommandResult.Invalid(string.Empty, "Choose another organization: an organization cannot be merged into itself.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var survivor = await db.Organizations.Include(o => o.Aliases).SingleOrDefaultAsync(o => o.Id == survivorId, cancellationToken);
        var merged = await db.Organizations.Include(o => o.Aliases).SingleOrDefaultAsync(o => o.Id == mergedId, cancellationToken);
        if (survivor is null || merged is null)
        {
            return CommandResult.NotFound;
        }

        db.ActFor(actor.UserName, $"Merged {merged.Name} into {survivor.Name}");

        foreach (var deal in await db.Deals.IgnoreQueryFilters().Where(d => d.TargetId == mergedId).ToListAsync(cancellationToken))
        {
            deal.TargetId = survivorId;
        }

        var survivorDeals = await db.DealParticipants
            .Where(p => p.OrganizationId == survivorId)
            .Select(p => p.DealId)
            .ToListAsync(cancellationToken);
        foreach (var participant in await db.DealParticipants.IgnoreQueryFilters().Where(p => p.OrganizationId == mergedId).ToListAsync(cancellationToken))
        {
            participant.OrganizationId = survivorId;
            if (participant.DeletedAt is null && survivorDeals.Contains(participant.DealId))
            {
                // A deal lists each organization once: the survivor's own participation stays.
                db.DealParticipants.Remove(participant);
            }
        }

        foreach (var valuation in await db.Valuations.IgnoreQueryFilters().Where(v => v.OrganizationId == mergedId).ToListAsync(cancellationToken))
        {
            valuation.OrganizationId = survivorId;
        }

        // An event link's key holds the organization, so the link is replaced rather than changed.
        var survivorEvents = await db.MarketEventOrganizations.IgnoreQueryFilters()
            .Where(e => e.OrganizationId == survivorId)
            .Select(e => e.MarketEventId)
            .ToListAsync(cancellationToken);
        foreach (var link in await db.MarketEventOrganizations.IgnoreQueryFilters().Where(e => e.OrganizationId == mergedId).ToListAsync(cancellationToken))
        {
            db.MarketEventOrganizations.Remove(link);
            if (!survivorEvents.Contains(link.MarketEventId))
            {
                db.MarketEventOrganizations.Add(new MarketEventOrganization { MarketEventId = link.MarketEventId, OrganizationId = survivorId });
            }
        }

        foreach (var citation in await db.Citations.IgnoreQueryFilters().Where(c => c.OrganizationId == mergedId).ToListAsync(cancellationToken))
        {
            citation.OrganizationId = survivorId;
        }

        foreach (var alias in merged.Aliases.ToList())
        {
            merged.Aliases.Remove(alias);
            survivor.Aliases.Add(alias);
        }

        var mergedKey = Organization.Normalize(merged.Name);
        var aliasOwner = await db.OrganizationAliases.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.NormalizedName == mergedKey && a.OrganizationId != survivorId)
            .Select(a => a.Organization!.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (aliasOwner is not null)
        {
            return CommandResult.Invalid(string.Empty, $"“{merged.Name}” is an alias of the deleted organization {aliasOwner}, so it cannot become an alias of {survivor.Name}.");
        }

        if (survivor.Aliases.All(a => Organization.Normalize(a.Name) != mergedKey))
        {
            survivor.Aliases.Add(new OrganizationAlias { Name = merged.Name });
        }

        // The survivor's form changes (new aliases): editors opened before the merge must conflict.
        db.Entry(survivor).Property(o => o.Version).IsModified = true;

        // With every dependent moved off it, the delete cascades to nothing; the audit turns it into a soft delete.
        db.ChangeTracker.DetectChanges();
        db.Organizations.Remove(merged);
        return await SaveAsync(db, survivor, cancellationToken);
    }
}
