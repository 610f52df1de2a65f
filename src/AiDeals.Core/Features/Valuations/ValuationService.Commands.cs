using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Valuations;

public sealed partial class ValuationService
{
    /// <summary>The valuation's editable values with its id and version; null when there is none.</summary>
    public async Task<ValuationForm?> GetFormAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var valuation = await db.Valuations.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        return valuation is null ? null : FormOf(valuation);
    }

    /// <summary>The live deals a valuation of the organization can come from: those into it and those it takes part in.</summary>
    public async Task<IReadOnlyList<DealRef>> DealChoicesAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Deals.AsNoTracking()
            .Where(d => d.TargetId == organizationId || d.Participants.Any(p => p.OrganizationId == organizationId))
            .OrderByDescending(d => d.AnnouncedOn)
            .ThenBy(d => d.Title)
            .Select(d => new DealRef(d.Id, d.Title))
            .ToListAsync(cancellationToken);
    }

    public async Task<CommandResult> CreateValuationAsync(Actor actor, ValuationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        errors = await CheckReferencesAsync(db, form, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        db.AuditUser = actor.UserName;
        db.AuditReason = Blank(form.Reason);
        var valuation = new Valuation();
        Apply(form, valuation);
        db.Valuations.Add(valuation);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(valuation.Id, valuation.Version);
    }

    public async Task<CommandResult> UpdateValuationAsync(Actor actor, ValuationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var valuation = await db.Valuations.SingleOrDefaultAsync(v => v.Id == form.Id, cancellationToken);
        if (valuation is null)
        {
            return CommandResult.NotFound;
        }

        if (valuation.Version != form.Version)
        {
            return CommandResult.Conflicted(await ConflictAsync(db, valuation.Id, cancellationToken));
        }

        errors = await CheckReferencesAsync(db, form, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        db.AuditUser = actor.UserName;
        db.AuditReason = Blank(form.Reason);
        Apply(form, valuation);
        return await SaveAsync(db, valuation, cancellationToken);
    }

    public async Task<CommandResult> DeleteValuationAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (valuation, stop) = await EditableCommands.LoadAsync<Valuation>(db, id, version, includeDeleted: false, ConflictAsync, cancellationToken);
        if (valuation is null)
        {
            return stop!;
        }

        db.AuditUser = actor.UserName;
        db.Valuations.Remove(valuation);
        return await SaveAsync(db, valuation, cancellationToken);
    }

    /// <summary>Brings a deleted valuation back, once its organization is live again.</summary>
    public async Task<CommandResult> RestoreValuationAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (valuation, stop) = await EditableCommands.LoadAsync<Valuation>(db, id, version, includeDeleted: true, ConflictAsync, cancellationToken);
        if (valuation is null)
        {
            return stop!;
        }

        if (valuation.DeletedAt is null)
        {
            return CommandResult.Saved(valuation.Id, valuation.Version);
        }

        var organization = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Id == valuation.OrganizationId)
            .Select(o => new { o.Name, o.DeletedAt })
            .SingleAsync(cancellationToken);
        if (organization.DeletedAt is not null)
        {
            return CommandResult.Invalid(string.Empty, $"The valuation belongs to {organization.Name}, which is deleted: restore {organization.Name} first.");
        }

        db.AuditUser = actor.UserName;
        valuation.DeletedAt = null;
        return await SaveAsync(db, valuation, cancellationToken);
    }

    private static ValuationForm FormOf(Valuation valuation) => new()
    {
        Id = valuation.Id,
        Version = valuation.Version,
        OrganizationId = valuation.OrganizationId,
        AsOf = PartialDate.Create(valuation.AsOf, valuation.AsOfPrecision).ToIsoString(),
        Amount = valuation.Amount,
        Kind = valuation.Kind,
        DealId = valuation.DealId,
    };

    private static void Apply(ValuationForm form, Valuation valuation)
    {
        valuation.OrganizationId = form.OrganizationId;
        valuation.AsOfDate = PartialDate.Parse(form.AsOf);
        valuation.Amount = form.Amount!.Value;
        valuation.Kind = form.Kind;
        valuation.DealId = form.DealId;
    }

    /// <summary>The organization and the deal must be live records: a valuation of a deleted one would be hidden with it.</summary>
    private static async Task<Dictionary<string, string[]>> CheckReferencesAsync(AiDealsDbContext db, ValuationForm form, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!await db.Organizations.AnyAsync(o => o.Id == form.OrganizationId, cancellationToken))
        {
            errors[nameof(ValuationForm.OrganizationId)] = ["That organization does not exist or was deleted."];
        }

        if (form.DealId is { } dealId && !await db.Deals.AnyAsync(d => d.Id == dealId, cancellationToken))
        {
            errors[nameof(ValuationForm.DealId)] = ["That deal does not exist or was deleted."];
        }

        return errors;
    }

    private Task<CommandResult> SaveAsync(AiDealsDbContext db, Valuation valuation, CancellationToken cancellationToken) =>
        EditableCommands.SaveAsync(contextFactory, db, valuation, ConflictAsync, cancellationToken);

    /// <summary>The conflict for the valuation as stored now; the organization and the deal by name, as people compare them.</summary>
    private static async Task<ConflictInfo> ConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await db.Valuations.IgnoreQueryFilters().AsNoTracking()
            .Include(v => v.Organization)
            .Include(v => v.Deal)
            .SingleAsync(v => v.Id == id, cancellationToken);
        var theirs = Conflicts.Values(FormOf(current));
        theirs[nameof(ValuationForm.OrganizationId)] = current.Organization?.Name;
        theirs[nameof(ValuationForm.DealId)] = current.Deal?.Title;
        return await Conflicts.DescribeAsync(db, nameof(Valuation), id, current.Version, theirs, cancellationToken);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
