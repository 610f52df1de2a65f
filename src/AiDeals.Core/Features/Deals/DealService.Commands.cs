using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// The deal commands: create, update, delete, restore. Each checks the actor first, then the form, then the database,
/// and saves the deal with its participants and citations in one transaction, one audit entry per changed row.
/// </summary>
public sealed partial class DealService
{
    public async Task<CommandResult> CreateDealAsync(Actor actor, DealForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        var errors = ValidateForm(form, dealId: 0);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await CheckReferencesAsync(db, form, dealId: 0, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var deal = new Deal { Title = form.Title.Trim() };
        Apply(form, deal);
        deal.Participants.AddRange(form.Participants.Select(p => Apply(p, new DealParticipant())));
        deal.Citations.AddRange(form.Citations.Select(c => Apply(c, new Citation { Quote = string.Empty })));
        db.Deals.Add(deal);
        Stamp(db, actor, form.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(deal.Id, deal.Version);
    }

    /// <summary>
    /// Saves the form over the deal it was loaded from (<see cref="DealForm.Id"/>) if nobody saved the deal since
    /// (<see cref="DealForm.Version"/>). Participants and citations are matched by their ids: changed rows are updated,
    /// rows missing from the form are deleted (softly) and rows without an id are added.
    /// </summary>
    public async Task<CommandResult> UpdateDealAsync(Actor actor, DealForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        var errors = ValidateForm(form, form.Id);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deal = await db.Deals
            .Include(d => d.Participants)
            .Include(d => d.Citations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == form.Id, cancellationToken);
        if (deal is null)
        {
            return CommandResult.NotFound;
        }

        if (deal.Version != form.Version)
        {
            return CommandResult.Conflicted(await ConflictAsync(db, deal.Id, cancellationToken));
        }

        await CheckReferencesAsync(db, form, deal.Id, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        deal.Title = form.Title.Trim();
        Apply(form, deal);
        Merge(db, deal.Participants, form.Participants, p => p.Id, () => new DealParticipant(), Apply);
        Merge(db, deal.Citations, form.Citations, c => c.Id, () => new Citation { Quote = string.Empty }, Apply);

        db.ChangeTracker.DetectChanges();
        if (db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            // The deal's version stands for the whole deal: a change to a participant or a citation alone raises it too,
            // so that a form opened before it conflicts instead of silently putting the old rows back.
            db.Entry(deal).Property(d => d.Version).IsModified = true;
        }

        Stamp(db, actor, form.Reason);
        return await SaveAsync(db, deal, cancellationToken);
    }

    /// <summary>
    /// Deletes the deal with its participants and citations (softly: all three can be restored together). An umbrella
    /// with live parts is refused, as deleting it would silently change what the totals count.
    /// </summary>
    public async Task<CommandResult> DeleteDealAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deal = await db.Deals
            .Include(d => d.Participants)
            .Include(d => d.Citations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deal is null)
        {
            return CommandResult.NotFound;
        }

        if (deal.Version != version)
        {
            return CommandResult.Conflicted(await ConflictAsync(db, deal.Id, cancellationToken));
        }

        var parts = await db.Deals.CountAsync(d => d.ParentId == id, cancellationToken);
        if (parts > 0)
        {
            return CommandResult.Invalid(
                string.Empty,
                $"This is the umbrella of {(parts == 1 ? "one deal" : $"{parts} deals")}: move them out of it or delete them first.");
        }

        db.DealParticipants.RemoveRange(deal.Participants);
        db.Citations.RemoveRange(deal.Citations);
        db.Deals.Remove(deal);
        Stamp(db, actor, reason: null);
        return await SaveAsync(db, deal, cancellationToken);
    }

    /// <summary>
    /// Brings a deleted deal back with the participants and citations deleted with it (those removed earlier by an edit
    /// stay removed). Restoring a live deal changes nothing.
    /// </summary>
    public async Task<CommandResult> RestoreDealAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deal = await db.Deals.IgnoreQueryFilters().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deal is null)
        {
            return CommandResult.NotFound;
        }

        if (deal.DeletedAt is not { } deletedAt)
        {
            return CommandResult.Saved(deal.Id, deal.Version);
        }

        // Rows deleted with the deal carry the same DeletedAt, written by the same save.
        var participants = await db.DealParticipants.IgnoreQueryFilters()
            .Where(p => p.DealId == id && p.DeletedAt == deletedAt)
            .ToListAsync(cancellationToken);
        var citations = await db.Citations.IgnoreQueryFilters()
            .Where(c => c.DealId == id && c.DeletedAt == deletedAt)
            .ToListAsync(cancellationToken);
        deal.DeletedAt = null;
        participants.ForEach(p => p.DeletedAt = null);
        citations.ForEach(c => c.DeletedAt = null);
        Stamp(db, actor, reason: null);
        return await SaveAsync(db, deal, cancellationToken);
    }

    /// <summary>The live deal as a form to edit, at its current version; null when there is no such deal.</summary>
    public async Task<DealForm?> GetFormAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ReadFormAsync(db, id, cancellationToken);
    }

    /// <summary>
    /// The form's values as text by field name, exactly as a conflict gives the stored deal's (ids read as the names of
    /// the organizations, deals and sources), so that a page can show the analyst's values beside theirs.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string?>> DescribeFormAsync(DealForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await DescribeAsync(db, form, cancellationToken);
    }

    /// <summary>The rules each field checks alone and the rules between fields: everything that needs no database.</summary>
    private static Dictionary<string, List<string>> ValidateForm(DealForm form, int dealId)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        AddAll(errors, FormValidation.Validate(form), prefix: string.Empty);
        for (var i = 0; i < form.Participants.Count; i++)
        {
            AddAll(errors, FormValidation.Validate(form.Participants[i]), $"{nameof(DealForm.Participants)}[{i}].");
        }

        for (var i = 0; i < form.Citations.Count; i++)
        {
            AddAll(errors, FormValidation.Validate(form.Citations[i]), $"{nameof(DealForm.Citations)}[{i}].");
        }

        CheckAmount(errors, string.Empty, nameof(DealForm.AmountLow), nameof(DealForm.AmountHigh), nameof(DealForm.AmountQualifier),
            form.AmountLow, form.AmountHigh, form.AmountQualifier);
        for (var i = 0; i < form.Participants.Count; i++)
        {
            var participant = form.Participants[i];
            CheckAmount(errors, $"{nameof(DealForm.Participants)}[{i}].", nameof(ParticipantForm.CommitmentLow), nameof(ParticipantForm.CommitmentHigh),
                nameof(ParticipantForm.CommitmentQualifier), participant.CommitmentLow, participant.CommitmentHigh, participant.CommitmentQualifier);
        }

        if (form.Announced is { } announced && form.Closed is { } closed && closed.End < announced.Date)
        {
            Add(errors, nameof(DealForm.ClosedOn), $"The deal cannot close ({closed}) before it was announced ({announced}).");
        }

        if (dealId != 0 && form.ParentId == dealId)
        {
            Add(errors, nameof(DealForm.ParentId), "A deal cannot be its own umbrella.");
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < form.Participants.Count; i++)
        {
            if (form.Participants[i].OrganizationId is { } organizationId && !seen.Add(organizationId))
            {
                Add(errors, $"{nameof(DealForm.Participants)}[{i}].{nameof(ParticipantForm.OrganizationId)}",
                    "This organization is already a participant: an organization takes part once per deal.");
            }
        }

        return errors;
    }

    // AmountRange says what is wrong; the message goes next to the field that would fix it.
    private static void CheckAmount(
        Dictionary<string, List<string>> errors, string prefix, string lowField, string highField, string qualifierField,
        long? low, long? high, AmountQualifier qualifier)
    {
        if (errors.ContainsKey(prefix + lowField) || errors.ContainsKey(prefix + highField) || errors.ContainsKey(prefix + qualifierField)
            || AmountRange.Validate(low, high, qualifier) is not { } message)
        {
            return;
        }

        Add(errors, prefix + (low > high ? highField : qualifierField), message);
    }

    /// <summary>The rules that read the database: the target, the umbrella, the organizations and the sources exist and are live.</summary>
    private static async Task CheckReferencesAsync(
        AiDealsDbContext db, DealForm form, int dealId, Dictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        var organizationIds = form.Participants.Select(p => p.OrganizationId).Append(form.TargetId).OfType<int>().Distinct().ToList();
        var liveOrganizations = (await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .Select(o => o.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        if (form.TargetId is { } targetId && !liveOrganizations.Contains(targetId))
        {
            Add(errors, nameof(DealForm.TargetId), "That organization does not exist or was deleted.");
        }

        for (var i = 0; i < form.Participants.Count; i++)
        {
            if (form.Participants[i].OrganizationId is { } organizationId && !liveOrganizations.Contains(organizationId))
            {
                Add(errors, $"{nameof(DealForm.Participants)}[{i}].{nameof(ParticipantForm.OrganizationId)}", "That organization does not exist or was deleted.");
            }
        }

        var sourceIds = form.Citations.Select(c => c.SourceId).OfType<int>().Distinct().ToList();
        var liveSources = (await db.Sources.AsNoTracking()
            .Where(s => sourceIds.Contains(s.Id))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        for (var i = 0; i < form.Citations.Count; i++)
        {
            if (form.Citations[i].SourceId is { } sourceId && !liveSources.Contains(sourceId))
            {
                Add(errors, $"{nameof(DealForm.Citations)}[{i}].{nameof(CitationForm.SourceId)}", "That source does not exist or was deleted.");
            }
        }

        if (form.ParentId is not { } parentId || parentId == dealId)
        {
            return;
        }

        if (!await db.Deals.AnyAsync(d => d.Id == parentId, cancellationToken))
        {
            Add(errors, nameof(DealForm.ParentId), "That umbrella deal does not exist or was deleted.");
            return;
        }

        if (dealId == 0)
        {
            return;
        }

        // Up from the chosen umbrella: meeting this deal on the way means the umbrella is already under it.
        var visited = new HashSet<int> { parentId };
        int? current = parentId;
        while (current is { } at)
        {
            var above = await db.Deals.IgnoreQueryFilters().AsNoTracking()
                .Where(d => d.Id == at)
                .Select(d => new { d.ParentId, d.Title })
                .SingleOrDefaultAsync(cancellationToken);
            if (above?.ParentId == dealId)
            {
                var title = await db.Deals.AsNoTracking().Where(d => d.Id == parentId).Select(d => d.Title).SingleAsync(cancellationToken);
                Add(errors, nameof(DealForm.ParentId), $"“{title}” is already under this deal: an umbrella cannot be one of its own parts.");
                return;
            }

            current = above?.ParentId is { } next && visited.Add(next) ? next : null;
        }
    }

    private static void Apply(DealForm form, Deal deal)
    {
        deal.Kind = form.Kind;
        deal.Status = form.Status;
        deal.TargetId = form.TargetId;
        deal.AmountLow = form.AmountLow;
        deal.AmountHigh = form.AmountHigh;
        deal.AmountQualifier = form.AmountQualifier;
        deal.Announced = form.Announced;
        deal.Closed = form.Closed;
        deal.ParentId = form.ParentId;
        deal.Notes = Blank(form.Notes);
        deal.OutcomeNote = Blank(form.OutcomeNote);
    }

    private static DealParticipant Apply(ParticipantForm form, DealParticipant participant)
    {
        participant.OrganizationId = form.OrganizationId!.Value;
        participant.Role = form.Role;
        participant.CommitmentLow = form.CommitmentLow;
        participant.CommitmentHigh = form.CommitmentHigh;
        participant.CommitmentQualifier = form.CommitmentQualifier;
        return participant;
    }

    private static Citation Apply(CitationForm form, Citation citation)
    {
        citation.SourceId = form.SourceId!.Value;
        citation.Quote = form.Quote.Trim();
        return citation;
    }

    /// <summary>
    /// Makes the deal's rows match the form's: a form row with the id of a live row of this deal updates it, any other
    /// form row is added (an id from elsewhere never reaches another deal's row), and live rows the form left out are
    /// removed, which the audit interceptor turns into a soft delete.
    /// </summary>
    private static void Merge<TRow, TForm>(
        AiDealsDbContext db, List<TRow> rows, List<TForm> forms, Func<TForm, int?> idOf, Func<TRow> create, Func<TForm, TRow, TRow> apply)
        where TRow : EditableEntity
    {
        var existing = rows.ToDictionary(r => r.Id);
        var kept = new HashSet<int>();
        foreach (var form in forms)
        {
            if (idOf(form) is { } id && existing.TryGetValue(id, out var row) && kept.Add(id))
            {
                apply(form, row);
            }
            else
            {
                rows.Add(apply(form, create()));
            }
        }

        foreach (var row in existing.Values.Where(r => !kept.Contains(r.Id)))
        {
            db.Remove(row);
        }
    }

    private async Task<CommandResult> SaveAsync(AiDealsDbContext db, Deal deal, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved(deal.Id, deal.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: describe the deal as it is now, from a fresh context.
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            return await fresh.Deals.AnyAsync(d => d.Id == deal.Id, cancellationToken)
                ? CommandResult.Conflicted(await ConflictAsync(fresh, deal.Id, cancellationToken))
                : CommandResult.NotFound;
        }
    }

    private static async Task<ConflictInfo> ConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await ReadFormAsync(db, id, cancellationToken)
            ?? throw new InvalidOperationException($"Deal {id} is gone; a conflict needs it.");
        var participantIds = await db.DealParticipants.IgnoreQueryFilters().Where(p => p.DealId == id).Select(p => p.Id).ToListAsync(cancellationToken);
        var citationIds = await db.Citations.IgnoreQueryFilters().Where(c => c.DealId == id).Select(c => c.Id).ToListAsync(cancellationToken);
        List<(string, int)> records =
        [
            (nameof(Deal), id),
            .. participantIds.Select(p => (nameof(DealParticipant), p)),
            .. citationIds.Select(c => (nameof(Citation), c)),
        ];
        return await Conflicts.DescribeAsync(db, records, current.Version, await DescribeAsync(db, current, cancellationToken), cancellationToken);
    }

    private static async Task<DealForm?> ReadFormAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deal is null)
        {
            return null;
        }

        var participants = await db.DealParticipants.AsNoTracking().Where(p => p.DealId == id).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var citations = await db.Citations.AsNoTracking().Where(c => c.DealId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return new DealForm
        {
            Id = deal.Id,
            Version = deal.Version,
            Title = deal.Title,
            Kind = deal.Kind,
            Status = deal.Status,
            TargetId = deal.TargetId,
            AmountLow = deal.AmountLow,
            AmountHigh = deal.AmountHigh,
            AmountQualifier = deal.AmountQualifier,
            AnnouncedOn = deal.AnnouncedOn,
            AnnouncedPrecision = deal.AnnouncedPrecision,
            ClosedOn = deal.ClosedOn,
            ClosedPrecision = deal.ClosedPrecision,
            ParentId = deal.ParentId,
            Notes = deal.Notes,
            OutcomeNote = deal.OutcomeNote,
            Participants = participants.Select(p => new ParticipantForm
            {
                Id = p.Id,
                OrganizationId = p.OrganizationId,
                Role = p.Role,
                CommitmentLow = p.CommitmentLow,
                CommitmentHigh = p.CommitmentHigh,
                CommitmentQualifier = p.CommitmentQualifier,
            }).ToList(),
            Citations = citations.Select(c => new CitationForm { Id = c.Id, SourceId = c.SourceId, Quote = c.Quote }).ToList(),
        };
    }

    /// <summary>
    /// The deal's values as <see cref="Conflicts.Text"/> gives them, with the names of the organizations, deals and
    /// sources in place of their ids, a date at its precision, and one line per participant and per citation.
    /// </summary>
    private static async Task<Dictionary<string, string?>> DescribeAsync(AiDealsDbContext db, DealForm form, CancellationToken cancellationToken)
    {
        var organizationIds = form.Participants.Select(p => p.OrganizationId).Append(form.TargetId).OfType<int>().Distinct().ToList();
        var organizations = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var sourceIds = form.Citations.Select(c => c.SourceId).OfType<int>().Distinct().ToList();
        var sources = await db.Sources.IgnoreQueryFilters().AsNoTracking()
            .Where(s => sourceIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);
        var parent = form.ParentId is { } parentId
            ? await db.Deals.IgnoreQueryFilters().AsNoTracking().Where(d => d.Id == parentId).Select(d => d.Title).SingleOrDefaultAsync(cancellationToken)
            : null;

        string? NameOf(IReadOnlyDictionary<int, string> names, int? id) =>
            id is { } key ? names.GetValueOrDefault(key) ?? "#" + key.ToString(CultureInfo.InvariantCulture) : null;

        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [nameof(DealForm.Title)] = Conflicts.Text(form.Title),
            [nameof(DealForm.Kind)] = Conflicts.Text(form.Kind),
            [nameof(DealForm.Status)] = Conflicts.Text(form.Status),
            [nameof(DealForm.TargetId)] = NameOf(organizations, form.TargetId),
            [nameof(DealForm.AmountLow)] = Conflicts.Text(form.AmountLow),
            [nameof(DealForm.AmountHigh)] = Conflicts.Text(form.AmountHigh),
            [nameof(DealForm.AmountQualifier)] = Conflicts.Text(form.AmountQualifier),
            [nameof(DealForm.AnnouncedOn)] = form.Announced?.ToString(),
            [nameof(DealForm.ClosedOn)] = form.Closed?.ToString(),
            [nameof(DealForm.ParentId)] = form.ParentId is { } id ? parent ?? "#" + id.ToString(CultureInfo.InvariantCulture) : null,
            [nameof(DealForm.Notes)] = Conflicts.Text(form.Notes),
            [nameof(DealForm.OutcomeNote)] = Conflicts.Text(form.OutcomeNote),
            [nameof(DealForm.Participants)] = Conflicts.Text(form.Participants.Select(p =>
                $"{NameOf(organizations, p.OrganizationId) ?? "(no organization)"} · {Words(p.Role)} · {AmountText(p.CommitmentLow, p.CommitmentHigh, p.CommitmentQualifier)}")),
            [nameof(DealForm.Citations)] = Conflicts.Text(form.Citations.Select(c =>
                $"{NameOf(sources, c.SourceId) ?? "(no source)"}: “{c.Quote.Trim()}”")),
        };
    }

    private static string AmountText(long? low, long? high, AmountQualifier qualifier) =>
        AmountRange.Validate(low, high, qualifier) is null
            ? AmountRange.Create(low, high, qualifier).ToString()
            : string.Create(CultureInfo.InvariantCulture, $"{low}–{high} ({qualifier})");

    // "CoInvestor" → "Co investor": Web's labels are out of Core's reach, and this reads well enough in a conflict line.
    private static string Words(Enum value)
    {
        var name = value.ToString();
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(text.Length == 0 ? c : char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static void Stamp(AiDealsDbContext db, Actor actor, string? reason)
    {
        db.ActFor(actor.UserName, Blank(reason));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    private static void AddAll(Dictionary<string, List<string>> errors, Dictionary<string, string[]> found, string prefix)
    {
        foreach (var (field, messages) in found)
        {
            foreach (var message in messages)
            {
                Add(errors, prefix + field, message);
            }
        }
    }

    private static CommandResult Invalid(Dictionary<string, List<string>> errors) =>
        CommandResult.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
