using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.MarketEvents;

public sealed partial class MarketEventService
{
    /// <summary>The event's editable values with its id and version; null when there is none.</summary>
    public async Task<MarketEventForm?> GetFormAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var marketEvent = await db.MarketEvents.AsNoTracking()
            .Include(e => e.Organizations)
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return marketEvent is null ? null : FormOf(marketEvent);
    }

    public async Task<CommandResult> CreateMarketEventAsync(Actor actor, MarketEventForm form, CancellationToken cancellationToken = default)
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
        errors = await CheckOrganizationsAsync(db, form, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        db.ActFor(actor.UserName, Blank(form.Reason));
        var marketEvent = new MarketEvent { Title = form.Title.Trim() };
        Apply(form, marketEvent);
        marketEvent.Organizations.AddRange(form.OrganizationIds.Distinct().Select(id => new MarketEventOrganization { OrganizationId = id }));
        db.MarketEvents.Add(marketEvent);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(marketEvent.Id, marketEvent.Version);
    }

    public async Task<CommandResult> UpdateMarketEventAsync(Actor actor, MarketEventForm form, CancellationToken cancellationToken = default)
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
        var marketEvent = await db.MarketEvents.Include(e => e.Organizations).SingleOrDefaultAsync(e => e.Id == form.Id, cancellationToken);
        if (marketEvent is null)
        {
            return CommandResult.NotFound;
        }

        if (marketEvent.Version != form.Version)
        {
            return CommandResult.Conflicted(await ConflictAsync(db, marketEvent.Id, cancellationToken));
        }

        errors = await CheckOrganizationsAsync(db, form, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        db.ActFor(actor.UserName, Blank(form.Reason));
        Apply(form, marketEvent);
        var wanted = form.OrganizationIds.ToHashSet();
        foreach (var link in marketEvent.Organizations.Where(l => !wanted.Remove(l.OrganizationId)).ToList())
        {
            marketEvent.Organizations.Remove(link);
            db.MarketEventOrganizations.Remove(link);
        }

        marketEvent.Organizations.AddRange(wanted.Select(id => new MarketEventOrganization { MarketEventId = marketEvent.Id, OrganizationId = id }));

        // A change of organizations alone leaves the event's own row as it was: raise its version all the same, so
        // that a form opened before it conflicts instead of putting the old organizations back.
        db.Entry(marketEvent).Property(e => e.Version).IsModified = true;
        return await SaveAsync(db, marketEvent, cancellationToken);
    }

    public async Task<CommandResult> DeleteMarketEventAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (marketEvent, stop) = await EditableCommands.LoadAsync<MarketEvent>(db, id, version, includeDeleted: false, ConflictAsync, cancellationToken);
        if (marketEvent is null)
        {
            return stop!;
        }

        // The organization links stay: they are hidden with the event and come back when it is restored.
        db.ActFor(actor.UserName, reason: null);
        db.MarketEvents.Remove(marketEvent);
        return await SaveAsync(db, marketEvent, cancellationToken);
    }

    public async Task<CommandResult> RestoreMarketEventAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (marketEvent, stop) = await EditableCommands.LoadAsync<MarketEvent>(db, id, version, includeDeleted: true, ConflictAsync, cancellationToken);
        if (marketEvent is null)
        {
            return stop!;
        }

        if (marketEvent.DeletedAt is null)
        {
            return CommandResult.Saved(marketEvent.Id, marketEvent.Version);
        }

        db.ActFor(actor.UserName, reason: null);
        marketEvent.DeletedAt = null;
        return await SaveAsync(db, marketEvent, cancellationToken);
    }

    private static MarketEventForm FormOf(MarketEvent marketEvent) => new()
    {
        Id = marketEvent.Id,
        Version = marketEvent.Version,
        Occurred = PartialDate.Create(marketEvent.OccurredOn, marketEvent.OccurredPrecision).ToIsoString(),
        Title = marketEvent.Title,
        Description = marketEvent.Description,
        OrganizationIds = marketEvent.Organizations.Select(o => o.OrganizationId).Order().ToList(),
        Amount = marketEvent.Amount,
    };

    private static void Apply(MarketEventForm form, MarketEvent marketEvent)
    {
        marketEvent.Occurred = PartialDate.Parse(form.Occurred);
        marketEvent.Title = form.Title.Trim();
        marketEvent.Description = Blank(form.Description);
        marketEvent.Amount = form.Amount;
    }

    private static async Task<Dictionary<string, string[]>> CheckOrganizationsAsync(AiDealsDbContext db, MarketEventForm form, CancellationToken cancellationToken)
    {
        var ids = form.OrganizationIds.Distinct().ToList();
        var live = await db.Organizations.CountAsync(o => ids.Contains(o.Id), cancellationToken);
        return live == ids.Count
            ? []
            : new Dictionary<string, string[]> { [nameof(MarketEventForm.OrganizationIds)] = ["One of the organizations does not exist or was deleted."] };
    }

    private Task<CommandResult> SaveAsync(AiDealsDbContext db, MarketEvent marketEvent, CancellationToken cancellationToken) =>
        EditableCommands.SaveAsync(contextFactory, db, marketEvent, ConflictAsync, cancellationToken);

    /// <summary>The conflict for the event as stored now, its organizations by name, as people compare them.</summary>
    private static async Task<ConflictInfo> ConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await db.MarketEvents.IgnoreQueryFilters().AsNoTracking()
            .Include(e => e.Organizations).ThenInclude(o => o.Organization)
            .SingleAsync(e => e.Id == id, cancellationToken);
        var theirs = Conflicts.Values(FormOf(current));
        theirs[nameof(MarketEventForm.OrganizationIds)] = Conflicts.Text(current.Organizations.Select(o => o.Organization?.Name));
        return await Conflicts.DescribeAsync(db, nameof(MarketEvent), id, current.Version, theirs, cancellationToken);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
