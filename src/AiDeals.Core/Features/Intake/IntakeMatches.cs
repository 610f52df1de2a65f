using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Intake;

/// <summary>
/// The stored deal a deal proposal is: the same target and an investor in common, in an overlapping period (a deal with
/// no date overlaps any), of the same kind or with an overlapping figure — never a silent duplicate. Each stored deal
/// answers one proposal of the article.
/// </summary>
internal static class IntakeMatches
{
    public static async Task<ExistingDeal?> FindAsync(AiDealsDbContext db, Proposal proposal, HashSet<int> claimed, CancellationToken cancellationToken)
    {
        if (proposal.Target?.OrganizationId is not int targetId || proposal.Investors.Select(i => i.OrganizationId).OfType<int>().ToList() is not { Count: > 0 } investors)
        {
            return null;
        }

        var candidates = await db.Deals.AsNoTracking()
            .Where(d => d.TargetId == targetId && d.Participants.Any(p => investors.Contains(p.OrganizationId)))
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Title, d.Kind, d.Status, d.AmountLow, d.AmountHigh, d.AmountQualifier, d.AnnouncedOn, d.AnnouncedPrecision, Quotes = d.Citations.Select(c => c.Quote).ToList() })
            .Take(100)
            .ToListAsync(cancellationToken);
        var live = candidates
            .Where(d => !claimed.Contains(d.Id) && Overlaps(proposal.Date, d.AnnouncedOn is { } on ? PartialDate.Create(on, d.AnnouncedPrecision) : null))
            .Select(d => (Deal: d, Amount: AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier)))
            .ToList();
        var best = live.FirstOrDefault(d => d.Deal.Kind == proposal.DealKind && Overlaps(d.Amount, proposal.Amount));
        if (best.Deal is null)
        {
            best = live.FirstOrDefault(d => d.Deal.Kind == proposal.DealKind);
        }

        if (best.Deal is null)
        {
            best = live.FirstOrDefault(d => d.Amount.IsDisclosed && Overlaps(d.Amount, proposal.Amount));
        }

        if (best.Deal is not { } stored)
        {
            return null;
        }

        claimed.Add(stored.Id);
        var changes = new List<FieldChange>();
        if (proposal.InDollars && proposal.Amount.IsDisclosed && best.Amount != proposal.Amount)
        {
            changes.Add(new FieldChange("Amount", best.Amount.ToString(), proposal.Amount.ToString()));
        }

        if (stored.Status != proposal.Status)
        {
            changes.Add(new FieldChange("Status", Labels.Of(stored.Status), Labels.Of(proposal.Status)));
        }

        if (stored.Kind != proposal.DealKind)
        {
            changes.Add(new FieldChange("Kind", Labels.Of(stored.Kind), Labels.Of(proposal.DealKind)));
        }

        var newQuotes = proposal.Quotes.Count(q => !stored.Quotes.Contains(q.Text.Trim()));
        if (newQuotes > 0)
        {
            changes.Add(new FieldChange("Quotes", $"{stored.Quotes.Count} quoted", $"+{newQuotes} from this article"));
        }

        return new ExistingDeal(stored.Id, stored.Title, changes);
    }

    private static bool Overlaps(PartialDate? a, PartialDate? b) =>
        a is not { } x || b is not { } y || (x.Date <= y.End && y.Date <= x.End);

    private static bool Overlaps(AmountRange a, AmountRange b) =>
        a.IsDisclosed && b.IsDisclosed && (a.Low ?? 0) <= (b.High ?? long.MaxValue) && (b.Low ?? 0) <= (a.High ?? long.MaxValue);
}
