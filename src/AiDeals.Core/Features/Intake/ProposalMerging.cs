using System.Text.RegularExpressions;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Intake;

/// <summary>
/// The rules that join what several sentences say: the same deal told twice is one proposal citing both sentences
/// (with the surer figure), and deals that are parts of wider ones are linked.
/// </summary>
public static partial class ProposalMerging
{
    /// <summary>
    /// Joins deals with the same target, kind and investors whose figures agree ("up to $25B" and "$15B to $25B" are one
    /// deal of $15B–$25B): the first keeps its place, gains the other's sentences, and takes the more precise figure.
    /// </summary>
    public static void MergeSameDeals(List<Proposal> proposals)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        for (var i = 0; i < proposals.Count; i++)
        {
            for (var j = proposals.Count - 1; j > i; j--)
            {
                var (first, later) = (proposals[i], proposals[j]);
                if (!SameDeal(first, later))
                {
                    continue;
                }

                first.Quotes.AddRange(later.Quotes.Where(q => first.Quotes.All(f => f.Start != q.Start)));
                first.Why.AddRange(later.Why.Where(w => !first.Why.Contains(w)));
                first.PartOf.AddRange(later.PartOf.Where(k => !first.PartOf.Contains(k)));
                if (Precision(later.Amount) < Precision(first.Amount))
                {
                    first.Amount = later.Amount;
                }

                first.Date ??= later.Date;
                first.Outcome ??= later.Outcome;
                proposals.RemoveAt(j);
                foreach (var other in proposals)
                {
                    other.PartOf = [.. other.PartOf.Select(k => k == later.Key ? first.Key : k).Distinct()];
                }
            }
        }
    }

    /// <summary>
    /// After the umbrella sentences: a deal told in the same sentence as a part, by the same investor, "in addition to"
    /// it, is a part of the same wider deals; and a deal inside another of the same target (its investors among the
    /// other's, its figure at most the other's lowest) is a part of it too.
    /// </summary>
    public static void LinkParts(List<Proposal> proposals, string text)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(text);
        var deals = proposals.Where(p => p.Kind == ProposalKind.Deal).ToList();
        foreach (var part in deals.Where(d => d.PartOf.Count > 0).ToList())
        {
            foreach (var quote in part.Quotes.Where(q => Besides().IsMatch(q.Text)))
            {
                foreach (var sibling in deals.Where(d => d != part && d.Quotes.Any(q => q.Start == quote.Start) && SharesInvestor(d, part)))
                {
                    foreach (var wider in part.PartOf.Where(k => k != sibling.Key && !sibling.PartOf.Contains(k)))
                    {
                        sibling.PartOf.Add(wider);
                        sibling.Why.Add($"part of the same wider deal: “{Besides().Match(quote.Text).Value}”");
                    }
                }
            }
        }

        foreach (var part in deals)
        {
            foreach (var wider in deals.Where(w => w != part && Inside(part, w) && !part.PartOf.Contains(w.Key) && !w.PartOf.Contains(part.Key)))
            {
                part.PartOf.Add(wider.Key);
                part.Why.Add($"inside the wider deal for {wider.Target?.Name} (same target, a smaller figure)");
            }
        }
    }

    private static bool SameDeal(Proposal a, Proposal b) =>
        a.Kind == ProposalKind.Deal && b.Kind == ProposalKind.Deal
        && a.DealKind == b.DealKind
        && a.Target is not null && b.Target is not null && ArticleReading.Same(a.Target, b.Target)
        && a.Investors.Count == b.Investors.Count && a.Investors.All(i => b.Investors.Any(j => ArticleReading.Same(i, j)))
        && a.Currency == b.Currency
        && !a.PartOf.Contains(b.Key) && !b.PartOf.Contains(a.Key)
        && Overlap(a.Amount, b.Amount);

    private static bool Inside(Proposal part, Proposal wider) =>
        part.Target is not null && wider.Target is not null && ArticleReading.Same(part.Target, wider.Target)
        && part.Investors.All(i => wider.Investors.Any(w => ArticleReading.Same(i, w)))
        && part.Amount.High is { } high && wider.Amount.Low is { } low && high < low;

    private static bool SharesInvestor(Proposal a, Proposal b) => a.Investors.Any(i => b.Investors.Any(j => ArticleReading.Same(i, j)));

    private static bool Overlap(AmountRange a, AmountRange b) =>
        (a.Low ?? 0) <= (b.High ?? long.MaxValue) && (b.Low ?? 0) <= (a.High ?? long.MaxValue);

    // Lower is more precise: an exact figure, then a range, an estimate, a bound, nothing.
    private static int Precision(AmountRange amount) => amount.Qualifier switch
    {
        AmountQualifier.Exact => 0,
        AmountQualifier.Range => 1,
        AmountQualifier.Estimated => 2,
        AmountQualifier.UpTo or AmountQualifier.AtLeast => 3,
        _ => 4,
    };

    [GeneratedRegex(@"\b(?:in\s+addition\s+to|as\s+well\s+as|on\s+top\s+of|besides)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Besides();
}
