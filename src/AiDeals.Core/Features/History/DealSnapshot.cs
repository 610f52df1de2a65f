using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;

namespace AiDeals.Core.Features.History;

/// <summary>
/// A deal as it stood at the end of a past day: its own fields, its target, the wider deals it was part of, its parts and
/// its participants, by the names and titles of then.
/// </summary>
public sealed record DealSnapshot(
    int Id,
    string Title,
    DealKind Kind,
    DealStatus Status,
    AmountRange Amount,
    PartialDate? Announced,
    PartialDate? Closed,
    OrganizationRef? Target,
    IReadOnlyList<DealRef> PartOf,
    IReadOnlyList<DealRef> Parts,
    IReadOnlyList<ParticipantView> Participants,
    string? Notes,
    string? OutcomeNote)
{
    /// <summary>
    /// The fields as people read them, in the order the deal page shows them: what a comparison compares. A link belongs
    /// to its part, so "Part of" is the part's field; a wider deal's parts are shown, not compared.
    /// </summary>
    public IReadOnlyList<(string Field, string? Value)> Fields() =>
    [
        ("Title", Title),
        ("Kind", Labels.Of(Kind)),
        ("Status", Labels.Of(Status)),
        ("Amount", Amount.ToString()),
        ("Announced", Announced?.ToString()),
        ("Closed", Closed?.ToString()),
        ("Target", Target?.Name),
        ("Part of", PartOf.Count == 0 ? null : string.Join("; ", PartOf.Select(d => d.Title))),
        ("Participants", Participants.Count == 0 ? null : string.Join("; ", Participants.Select(p => $"{p.Organization.Name} ({Labels.Of(p.Role)}, {p.Commitment})"))),
        ("Notes", Notes),
        ("Outcome note", OutcomeNote),
    ];
}

/// <summary>What changed in the deals between the ends of two days: the deals added, removed, and changed field by field.</summary>
public sealed record DealComparison(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DealSnapshot> Added,
    IReadOnlyList<DealSnapshot> Removed,
    IReadOnlyList<DealChange> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}

/// <summary>A deal that was there on both days, with the fields that differ.</summary>
public sealed record DealChange(DealSnapshot Before, DealSnapshot After, IReadOnlyList<FieldDifference> Fields);

/// <summary>One field's value on each day, as people read it.</summary>
public sealed record FieldDifference(string Field, string? Before, string? After);
