using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Intake;

public enum ProposalKind
{
    Deal,
    Valuation,
    MarketEvent,
}

/// <summary>What an analyst does with a proposal: take it, leave it, or (until they say) nothing yet.</summary>
public enum ProposalDecision
{
    Undecided,
    Accepted,
    Rejected,
}

/// <summary>
/// An organization a proposal names: a known one (its id), or a name the article uses that the database does not know,
/// to be created (with <see cref="Type"/>) or mapped by the analyst to an existing organization.
/// </summary>
public sealed record ProposedParty(string Name, int? OrganizationId, OrganizationType Type = OrganizationType.Company)
{
    public bool IsKnown => OrganizationId is not null;
}

/// <summary>A sentence of the article that states a proposal's figure: where it stands in the text, and its words.</summary>
public sealed record ProposalQuote(int Start, string Text)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// A deal, a valuation or a market event read from an article, as the editors would save it, with the sentences that
/// state it and the words that decided it. Mutable like the editors' forms: the analyst corrects a field before accepting.
/// </summary>
public sealed class Proposal
{
    /// <summary>Stable within one reading of an article ("deal-1", "valuation-1", "event-2"); part-of links use it.</summary>
    public required string Key { get; init; }

    public required ProposalKind Kind { get; init; }

    public string Title { get; set; } = string.Empty;

    /// <summary>A deal's investors; a valuation's or an event's organizations.</summary>
    public List<ProposedParty> Investors { get; set; } = [];

    /// <summary>A deal's target; a valuation's organization.</summary>
    public ProposedParty? Target { get; set; }

    public ParticipantRole InvestorRole { get; set; } = ParticipantRole.Lead;

    /// <summary>The currency the article gives (ISO 4217); figures are in its whole units.</summary>
    public string Currency { get; set; } = "USD";

    public AmountRange Amount { get; set; } = AmountRange.Undisclosed;

    /// <summary>A market event's signed change (a market value lost is negative).</summary>
    public long? Change { get; set; }

    public DealKind DealKind { get; set; } = DealKind.EquityInvestment;

    public DealStatus Status { get; set; } = DealStatus.Announced;

    public ValuationKind ValuationKind { get; set; } = ValuationKind.PostMoney;

    /// <summary>A deal's announced date, a valuation's as-of date, an event's date: as precise as the words.</summary>
    public PartialDate? Date { get; set; }

    public string? Outcome { get; set; }

    public List<ProposalQuote> Quotes { get; set; } = [];

    /// <summary>The words that decided the proposal ("in talks" → in talks, "up to" → up to, "part of a broader partnership").</summary>
    public List<string> Why { get; set; } = [];

    /// <summary>The keys of the wider deals (proposals) this deal is part of.</summary>
    public List<string> PartOf { get; set; } = [];

    /// <summary>A stored deal this proposal is the same deal as: accepting it updates that deal (null: creates one).</summary>
    public ExistingDeal? Existing { get; set; }

    public ProposalDecision Decision { get; set; }

    /// <summary>Whether the figure is in dollars, the currency AiDeals stores.</summary>
    public bool InDollars => string.Equals(Currency, "USD", StringComparison.Ordinal);

    /// <summary>Investors first, then the target: every organization the proposal names.</summary>
    public IEnumerable<ProposedParty> Parties => Target is null ? Investors : Investors.Append(Target);
}

/// <summary>A stored deal that a proposal matches (same target and investor, overlapping period), and what accepting changes.</summary>
public sealed record ExistingDeal(int Id, string Title, IReadOnlyList<FieldChange> Changes);

/// <summary>A field that accepting an update changes: its label, the stored value and the proposed one, as the pages write them.</summary>
public sealed record FieldChange(string Field, string Stored, string Proposed);

/// <summary>An article to read: its text and what the source will say about it.</summary>
public sealed record IntakeArticle(string Text, string Title, string? Publisher, string? Url, DateOnly PublishedOn);
