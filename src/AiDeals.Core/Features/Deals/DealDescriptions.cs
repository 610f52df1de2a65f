using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// A deal's values as text by field, as the conflict panel compares them: the stored deal's (theirs) and a form's
/// (the analyst's), with names in place of ids.
/// </summary>
internal static class DealDescriptions
{
    /// <summary>The conflict for the deal as stored now: who saved it or one of its rows last, and its values.</summary>
    public static async Task<ConflictInfo> ConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await DealForms.ReadAsync(db, id, cancellationToken)
            ?? throw new InvalidOperationException($"Deal {id} is gone; a conflict needs it.");
        var participantIds = await db.DealParticipants.IgnoreQueryFilters().Where(p => p.DealId == id).Select(p => p.Id).ToListAsync(cancellationToken);
        var citationIds = await db.Citations.IgnoreQueryFilters().Where(c => c.DealId == id).Select(c => c.Id).ToListAsync(cancellationToken);
        List<(string, int)> records =
        [
            (nameof(Deal), id),
            .. participantIds.Select(p => (nameof(DealParticipant), p)),
            .. citationIds.Select(c => (nameof(Citation), c)),
        ];
        return await Conflicts.DescribeAsync(db, records, current, await DescribeAsync(db, current, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The deal's values as <see cref="Conflicts.Text"/> gives them, with the names of the organizations, deals and
    /// sources in place of their ids, a date at its precision, and one line per participant and per citation.
    /// </summary>
    public static async Task<Dictionary<string, string?>> DescribeAsync(AiDealsDbContext db, DealForm form, CancellationToken cancellationToken)
    {
        var organizationIds = form.Participants.Select(p => p.OrganizationId).Append(form.TargetId).OfType<int>().Distinct().ToList();
        var organizations = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var sourceIds = form.Citations.Select(c => c.SourceId).OfType<int>().Distinct().ToList();
        var sources = await db.Sources.IgnoreQueryFilters().AsNoTracking()
            .Where(s => sourceIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);
        var widerIds = form.PartOfIds;
        var wider = await db.Deals.IgnoreQueryFilters().AsNoTracking()
            .Where(d => widerIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);

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
            [nameof(DealForm.PartOfIds)] = form.PartOfIds.Count == 0 ? null : Conflicts.Text(form.PartOfIds.Select(id => NameOf(wider, id)!)),
            [nameof(DealForm.Notes)] = Conflicts.Text(form.Notes),
            [nameof(DealForm.OutcomeNote)] = Conflicts.Text(form.OutcomeNote),
            [nameof(DealForm.Participants)] = Conflicts.Text(form.Participants.Select(p =>
                $"{NameOf(organizations, p.OrganizationId) ?? "(no organization)"} · {Labels.Of(p.Role)} · {AmountText(p.CommitmentLow, p.CommitmentHigh, p.CommitmentQualifier, p.Currency)}")),
            [nameof(DealForm.Citations)] = Conflicts.Text(form.Citations.Select(c =>
                $"{NameOf(sources, c.SourceId) ?? "(no source)"}: “{c.Quote.Trim()}”")),
        };
    }

    /// <summary>An amount as people read it; figures that break the amount rules (an unsaved form's) as they were entered.</summary>
    public static string AmountText(long? low, long? high, AmountQualifier qualifier, string? currency = null) =>
        AmountRange.Validate(low, high, qualifier) is null
            ? AmountRange.Create(low, high, qualifier).ToString(Currencies.Normalize(currency))
            : string.Create(CultureInfo.InvariantCulture, $"{low}–{high} ({qualifier})") + (Currencies.IsUsd(currency) ? string.Empty : " " + Currencies.Normalize(currency));
}
