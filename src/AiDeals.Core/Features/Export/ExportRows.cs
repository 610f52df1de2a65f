using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;

namespace AiDeals.Core.Features.Export;

/// <summary>
/// The rows of one export batch from its deals, their participations and citations and the names: a deal's investors
/// lead first, then by role and by name, and its source URLs oldest first, each URL once, as the deal list orders them.
/// </summary>
/// <remarks>
/// One sort of the batch's investors and one of its sources (by deal, then rank), then a walk: a lookup per deal with an ordering per group cost about a third of the time of
/// a batch's completion, for a few investors a deal.
/// </remarks>
internal sealed class ExportRows
{
    // Kept from one batch to the next: as large as a batch, they would otherwise be new objects on the large object heap
    // at every batch, and their collections full ones.
    private readonly Dictionary<int, int> _slots = [];
    private readonly List<Ranked> _investors = [];
    private readonly List<Ranked> _sources = [];

    public List<DealExportRow> Of(
        List<ExportDeal> batch, List<ExportParticipant> participants, List<(int DealId, int SourceId)> citations, ExportNames names)
    {
        var (slots, investors, sources) = (_slots, _investors, _sources);
        slots.Clear();
        investors.Clear();
        sources.Clear();
        for (var i = 0; i < batch.Count; i++)
        {
            slots[batch[i].Id] = i;
        }

        // A deleted organization's participation and a deleted or URL-less source are left out, as the joins left them.
        for (var i = 0; i < participants.Count; i++)
        {
            var participant = participants[i];
            if (names.Organization(participant.OrganizationId) is { } name && slots.TryGetValue(participant.DealId, out var slot))
            {
                investors.Add(new Ranked(slot, DealFiltering.RankOf(participant.Role), name.Rank, participant.Id, i, name.Text!));
            }
        }

        for (var i = 0; i < citations.Count; i++)
        {
            if (names.SourceUrl(citations[i].SourceId) is { } url && slots.TryGetValue(citations[i].DealId, out var slot))
            {
                sources.Add(new Ranked(slot, 0, url.Rank, i, i, url.Text!));
            }
        }

        investors.Sort();
        sources.Sort();
        var rows = new List<DealExportRow>(batch.Count);
        int nextInvestor = 0, nextSource = 0;
        for (var slot = 0; slot < batch.Count; slot++)
        {
            var deal = batch[slot];
            var firstInvestor = nextInvestor;
            while (nextInvestor < investors.Count && investors[nextInvestor].Slot == slot)
            {
                nextInvestor++;
            }

            var firstSource = nextSource;
            while (nextSource < sources.Count && sources[nextSource].Slot == slot)
            {
                nextSource++;
            }

            var amount = AmountRange.Create(deal.AmountLow, deal.AmountHigh, deal.AmountQualifier);
            rows.Add(new DealExportRow(
                deal.Id,
                deal.Title,
                deal.TargetId is { } targetId ? names.Organization(targetId)?.Text : null,
                Names(investors, firstInvestor, nextInvestor),
                deal.Kind,
                deal.Status,
                amount,
                deal.AnnouncedOn is { } on ? PartialDate.Create(on, deal.AnnouncedPrecision) : null,
                // Two citations of one deal may quote the same source, or two sources give the same URL.
                DistinctUrls(sources, firstSource, nextSource))
            {
                AsReported = ReportedAmount.Of(deal.Currency, deal.ReportedLow, deal.ReportedHigh, deal.ReportedQualifier, amount, deal.RateOn),
                Commitments = Commitments(investors, firstInvestor, nextInvestor, participants),
            });
        }

        return rows;
    }

    private static string[] Names(List<Ranked> investors, int first, int end)
    {
        if (first == end)
        {
            return [];
        }

        var names = new string[end - first];
        for (var i = first; i < end; i++)
        {
            names[i - first] = investors[i].Text;
        }

        return names;
    }

    private static string[] DistinctUrls(List<Ranked> sources, int first, int end)
    {
        if (first == end)
        {
            return [];
        }

        var urls = new List<string>(end - first);
        for (var i = first; i < end; i++)
        {
            // A deal cites a few sources: a scan of those kept is cheaper than a set.
            if (!urls.Contains(sources[i].Text, StringComparer.Ordinal))
            {
                urls.Add(sources[i].Text);
            }
        }

        return [.. urls];
    }

    // "SoftBank Group: €600M (≈ $646.38M at the rate of 11 Jun 2024)", in the order of the investors.
    private static string[] Commitments(List<Ranked> investors, int first, int end, List<ExportParticipant> participants)
    {
        List<string>? commitments = null;
        for (var i = first; i < end; i++)
        {
            var participant = participants[investors[i].Index];
            if (participant.HasCommitment)
            {
                var amount = ReportedAmount.Of(participant.Currency, participant.ReportedLow, participant.ReportedHigh, participant.ReportedQualifier,
                    AmountRange.Create(participant.CommitmentLow, participant.CommitmentHigh, participant.CommitmentQualifier), participant.RateOn);
                (commitments ??= []).Add($"{investors[i].Text}: " + amount);
            }
        }

        return commitments is null ? [] : [.. commitments];
    }

    /// <summary>
    /// An investor or source of the batch's deal at <see cref="Slot"/>, in the order the CSV lists them; between two
    /// participations of one organization in one role (rare), the older first. <see cref="Index"/> is its place as read.
    /// </summary>
    private readonly record struct Ranked(int Slot, int Group, int Rank, int Tie, int Index, string Text) : IComparable<Ranked>
    {
        public int CompareTo(Ranked other) =>
            Slot != other.Slot ? Slot.CompareTo(other.Slot)
            : Group != other.Group ? Group.CompareTo(other.Group)
            : Rank != other.Rank ? Rank.CompareTo(other.Rank)
            : Tie.CompareTo(other.Tie);
    }
}
