using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>A deal as its form: read for the editor and for a conflict, written back by the commands.</summary>
internal static class DealForms
{
    /// <summary>The live deal as a form at its current version, its rows in the order they were added; null when there is none.</summary>
    public static async Task<DealForm?> ReadAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken) =>
        (await ReadManyAsync(db, [id], cancellationToken)).SingleOrDefault();

    /// <summary>Live deals as forms, in bulk (an import matching its rows): the same forms <see cref="ReadAsync"/> reads one by one.</summary>
    public static async Task<List<DealForm>> ReadManyAsync(AiDealsDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var deals = await db.Deals.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Include(d => d.Participants).Include(d => d.Citations).Include(d => d.PartOf).AsSplitQuery().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        return [.. deals.Select(deal => new DealForm
        {
            Currency = deal.Currency,
            AmountLow = deal.Reported.Low,
            AmountHigh = deal.Reported.High,
            AmountQualifier = deal.Reported.Qualifier,
            Id = deal.Id,
            Version = deal.Version,
            Title = deal.Title,
            Kind = deal.Kind,
            Status = deal.Status,
            ExternalId = deal.ExternalId,
            TargetId = deal.TargetId,
            AnnouncedOn = deal.AnnouncedOn,
            AnnouncedPrecision = deal.AnnouncedPrecision,
            ClosedOn = deal.ClosedOn,
            ClosedPrecision = deal.ClosedPrecision,
            PartOfIds = [.. deal.PartOf.OrderBy(l => l.Id).Select(l => l.WiderId)],
            Notes = deal.Notes,
            OutcomeNote = deal.OutcomeNote,
            Participants = [.. deal.Participants.OrderBy(p => p.Id).Select(p => new ParticipantForm
            {
                Id = p.Id,
                OrganizationId = p.OrganizationId,
                Role = p.Role,
                Currency = p.Currency,
                CommitmentLow = p.Reported.Low,
                CommitmentHigh = p.Reported.High,
                CommitmentQualifier = p.Reported.Qualifier,
            })],
            Citations = [.. deal.Citations.OrderBy(c => c.Id).Select(c => new CitationForm { Id = c.Id, SourceId = c.SourceId, Quote = c.Quote })],
        })];
    }

    /// <summary>
    /// The deal's own fields from the form, its dollar figures converted at its currency's rate in <paramref name="rates"/>
    /// (see <see cref="Rates.RateLookup.ForDealAsync"/>); its participants and citations are the caller's to add or merge.
    /// </summary>
    public static void Apply(DealForm form, Deal deal, IReadOnlyDictionary<string, ExchangeRate> rates)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(rates);
        var rate = rates.GetValueOrDefault(Currencies.Normalize(form.Currency));
        deal.Title = form.Title.Trim();
        deal.Kind = form.Kind;
        deal.Status = form.Status;
        deal.ExternalId = FormText.Blank(form.ExternalId);
        deal.TargetId = form.TargetId;
        deal.Report(form.Currency ?? Currencies.Usd, AmountRange.Create(form.AmountLow, form.AmountHigh, form.AmountQualifier), rate);
        deal.Announced = form.Announced;
        deal.Closed = form.Closed;
        deal.Notes = FormText.Blank(form.Notes);
        deal.OutcomeNote = FormText.Blank(form.OutcomeNote);
    }

    /// <summary>The participant's fields from the form, its commitment converted at its currency's rate in <paramref name="rates"/>.</summary>
    public static DealParticipant Apply(ParticipantForm form, DealParticipant participant, IReadOnlyDictionary<string, ExchangeRate> rates)
    {
        participant.OrganizationId = form.OrganizationId!.Value;
        participant.Role = form.Role;
        var currency = Currencies.Normalize(form.Currency);
        participant.Report(currency, AmountRange.Create(form.CommitmentLow, form.CommitmentHigh, form.CommitmentQualifier), rates.GetValueOrDefault(currency));
        return participant;
    }

    public static Citation Apply(CitationForm form, Citation citation)
    {
        citation.SourceId = form.SourceId!.Value;
        citation.Quote = form.Quote.Trim();
        return citation;
    }

    /// <summary>
    /// Makes the deal's links to wider deals match the form's ids: links the form keeps stay as they are (a link has no
    /// field to change), links it leaves out are removed (softly, by the audit interceptor), new ids are added.
    /// </summary>
    public static void MergeLinks(AiDealsDbContext db, Deal deal, IReadOnlyCollection<int> widerIds)
    {
        foreach (var link in deal.PartOf.Where(l => !widerIds.Contains(l.WiderId)).ToList())
        {
            db.Remove(link);
        }

        var kept = deal.PartOf.Select(l => l.WiderId).ToHashSet();
        deal.PartOf.AddRange(widerIds.Distinct().Where(id => !kept.Contains(id)).Select(id => new DealLink { WiderId = id }));
    }

    public static DealParticipant NewParticipant() => new();

    public static Citation NewCitation() => new() { Quote = string.Empty };

    /// <summary>
    /// Makes the deal's rows match the form's: a form row with the id of a live row of this deal updates it, any other
    /// form row is added (an id from elsewhere never reaches another deal's row), and live rows the form left out are
    /// removed, which the audit interceptor turns into a soft delete.
    /// </summary>
    public static void Merge<TRow, TForm>(
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
}
