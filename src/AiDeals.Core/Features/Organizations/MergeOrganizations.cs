using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>
/// Merges a duplicate into the organization that stays: the deals into it, its participations, valuations,
/// market-event links and citations move to the survivor (deleted ones too, so that nothing restorable points at
/// the merged record); where both take part in one deal the survivor's participation is kept and the other deleted;
/// the merged name and aliases become the survivor's aliases; the merged organization is soft-deleted. One save,
/// so one transaction: every row with its audit entry, each carrying the reason "Merged X into Y".
/// </summary>
/// <remarks>
/// Two rows change, so the command takes the runner's steps itself rather than those of a one-row command.
/// </remarks>
public sealed class MergeOrganizations(int survivorId, int mergedId) : Command
{
    private Organization? _survivor;

    public int SurvivorId { get; } = survivorId;

    public int MergedId { get; } = mergedId;

    public override void Validate(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (SurvivorId == MergedId)
        {
            errors.Add(string.Empty, "Choose another organization: an organization cannot be merged into itself.");
        }
    }

    protected internal override async Task<CommandResult?> PrepareAsync(CommandScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (db, cancellationToken) = (scope.Db, scope.CancellationToken);
        var survivor = await db.Organizations.Include(o => o.Aliases).SingleOrDefaultAsync(o => o.Id == SurvivorId, cancellationToken);
        var merged = await db.Organizations.Include(o => o.Aliases).SingleOrDefaultAsync(o => o.Id == MergedId, cancellationToken);
        if (survivor is null || merged is null)
        {
            return CommandResult.NotFound;
        }

        var mergedKey = Organization.Normalize(merged.Name);
        var aliasOwner = await db.OrganizationAliases.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.NormalizedName == mergedKey && a.OrganizationId != SurvivorId)
            .Select(a => a.Organization!.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (aliasOwner is not null)
        {
            scope.Errors.Add(string.Empty, $"“{merged.Name}” is an alias of the deleted organization {aliasOwner}, so it cannot become an alias of {survivor.Name}.");
            return null;
        }

        // The reason names both organizations, so it is known only once they are loaded.
        scope.Because($"Merged {merged.Name} into {survivor.Name}");
        await MoveDependentsAsync(db, cancellationToken);
        foreach (var alias in merged.Aliases.ToList())
        {
            merged.Aliases.Remove(alias);
            survivor.Aliases.Add(alias);
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
        _survivor = survivor;
        return null;
    }

    protected internal override CommandResult Saved() => CommandResult.Saved(_survivor!.Id, _survivor.Version);

    protected internal override async Task<CommandResult> ConcurrentSaveAsync(AiDealsDbContext fresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        return await fresh.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Id == SurvivorId, cancellationToken)
            ? CommandResult.Conflicted(await OrganizationForms.ConflictAsync(fresh, SurvivorId, cancellationToken))
            : CommandResult.NotFound;
    }

    protected internal override Task<CommandResult?> SaveRefusedAsync(AiDealsDbContext fresh, DbUpdateException exception, CancellationToken cancellationToken) =>
        OrganizationForms.NamesTakenAsync(fresh, exception, SurvivorId, _survivor!.Name, _survivor.Aliases.Select(a => a.Name).ToList(), cancellationToken);

    /// <summary>Points every row that refers to the merged organization, deleted ones included, at the survivor.</summary>
    private async Task MoveDependentsAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        foreach (var deal in await db.Deals.IgnoreQueryFilters().Where(d => d.TargetId == MergedId).ToListAsync(cancellationToken))
        {
            deal.TargetId = SurvivorId;
        }

        var survivorDeals = await db.DealParticipants
            .Where(p => p.OrganizationId == SurvivorId)
            .Select(p => p.DealId)
            .ToListAsync(cancellationToken);
        foreach (var participant in await db.DealParticipants.IgnoreQueryFilters().Where(p => p.OrganizationId == MergedId).ToListAsync(cancellationToken))
        {
            participant.OrganizationId = SurvivorId;
            if (participant.DeletedAt is null && survivorDeals.Contains(participant.DealId))
            {
                // A deal lists each organization once: the survivor's own participation stays.
                db.DealParticipants.Remove(participant);
            }
        }

        foreach (var valuation in await db.Valuations.IgnoreQueryFilters().Where(v => v.OrganizationId == MergedId).ToListAsync(cancellationToken))
        {
            valuation.OrganizationId = SurvivorId;
        }

        // An event link's key holds the organization, so the link is replaced rather than changed.
        var survivorEvents = await db.MarketEventOrganizations.IgnoreQueryFilters()
            .Where(e => e.OrganizationId == SurvivorId)
            .Select(e => e.MarketEventId)
            .ToListAsync(cancellationToken);
        foreach (var link in await db.MarketEventOrganizations.IgnoreQueryFilters().Where(e => e.OrganizationId == MergedId).ToListAsync(cancellationToken))
        {
            db.MarketEventOrganizations.Remove(link);
            if (!survivorEvents.Contains(link.MarketEventId))
            {
                db.MarketEventOrganizations.Add(new MarketEventOrganization { MarketEventId = link.MarketEventId, OrganizationId = SurvivorId });
            }
        }

        foreach (var citation in await db.Citations.IgnoreQueryFilters().Where(c => c.OrganizationId == MergedId).ToListAsync(cancellationToken))
        {
            citation.OrganizationId = SurvivorId;
        }
    }
}
