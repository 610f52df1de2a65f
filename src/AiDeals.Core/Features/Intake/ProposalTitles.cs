using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Intake;

/// <summary>A proposal's title as an analyst would write it ("SoftBank investment in OpenAI"), which they can change.</summary>
public static class ProposalTitles
{
    public static string Of(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var investors = Names(proposal.Investors);
        var target = proposal.Target?.Name ?? "?";
        return proposal.Kind switch
        {
            ProposalKind.Valuation => $"{target} valuation",
            ProposalKind.MarketEvent when proposal.Change is { } change =>
                $"{investors} market value {(change < 0 ? "drops" : "rises")} by {Money(Math.Abs(change), proposal.Currency)}",
            ProposalKind.MarketEvent => proposal.Title,
            _ => proposal.DealKind switch
            {
                DealKind.Partnership => $"{investors}–{target} partnership",
                DealKind.Acquisition => $"{investors} acquisition of {target}",
                DealKind.InfrastructureCommitment when proposal.Investors.Count > 1 => $"{target} project",
                DealKind.InfrastructureCommitment => $"{investors} commitment to {target}",
                DealKind.Debt => $"{investors} financing for {target}",
                _ when proposal.Investors.Count > 2 => $"{target} funding round",
                _ => $"{investors} investment in {target}",
            },
        };
    }

    /// <summary>An event's title: its sentence from the subject to the end of the verb's clause, cut at a word within 90 characters.</summary>
    public static string Clause(string sentence, int subjectStart, int verbEnd)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var end = sentence.IndexOfAny([',', ';', '.', '—'], verbEnd);
        var clause = sentence[subjectStart..(end < 0 ? sentence.Length : end)].Trim();
        if (clause.Length > 90)
        {
            var cut = clause.LastIndexOf(' ', 90);
            clause = clause[..(cut > 0 ? cut : 90)] + "…";
        }

        return char.ToUpperInvariant(clause[0]) + clause[1..];
    }

    private static string Names(IReadOnlyList<ProposedParty> parties) => parties.Count switch
    {
        0 => "?",
        1 => parties[0].Name,
        2 => $"{parties[0].Name} and {parties[1].Name}",
        _ => $"{parties[0].Name} and others",
    };

    private static string Money(long amount, string currency) =>
        currency == "USD" ? AmountRange.Format(amount) : $"{AmountRange.Format(amount).TrimStart('$')} {currency}";
}
