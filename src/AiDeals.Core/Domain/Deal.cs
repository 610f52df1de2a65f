namespace AiDeals.Core.Domain;

public class Deal : EditableEntity
{
    public required string Title { get; set; }

    /// <summary>The deal's id in the system it was imported from (a deal book's key); unique when given.</summary>
    public string? ExternalId { get; set; }

    public DealKind Kind { get; set; }

    public DealStatus Status { get; set; }

    public int? TargetId { get; set; }

    public Organization? Target { get; set; }

    // The amount is stored flat (three indexed columns) so SQL can filter and sort on it; Amount is the typed view.
    public long? AmountLow { get; set; }

    public long? AmountHigh { get; set; }

    public AmountQualifier AmountQualifier { get; set; } = AmountQualifier.Undisclosed;

    public DateOnly? AnnouncedOn { get; set; }

    public DatePrecision AnnouncedPrecision { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DatePrecision ClosedPrecision { get; set; }

    /// <summary>The wider deals this one is part of (links where it is the part); totals count it once however many.</summary>
    public List<DealLink> PartOf { get; set; } = [];

    /// <summary>The deals that are part of this one (links where it is the wider deal).</summary>
    public List<DealLink> Parts { get; set; } = [];

    public string? Notes { get; set; }

    public string? OutcomeNote { get; set; }

    public List<DealParticipant> Participants { get; set; } = [];

    public List<Citation> Citations { get; set; } = [];

    public AmountRange Amount
    {
        get => AmountRange.Create(AmountLow, AmountHigh, AmountQualifier);
        set => (AmountLow, AmountHigh, AmountQualifier) = (value.Low, value.High, value.Qualifier);
    }

    public PartialDate? Announced
    {
        get => AnnouncedOn is { } date ? PartialDate.Create(date, AnnouncedPrecision) : null;
        set => (AnnouncedOn, AnnouncedPrecision) = (value?.Date, value?.Precision ?? DatePrecision.Day);
    }

    public PartialDate? Closed
    {
        get => ClosedOn is { } date ? PartialDate.Create(date, ClosedPrecision) : null;
        set => (ClosedOn, ClosedPrecision) = (value?.Date, value?.Precision ?? DatePrecision.Day);
    }
}

public class DealParticipant : EditableEntity
{
    public int DealId { get; set; }

    public Deal? Deal { get; set; }

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public ParticipantRole Role { get; set; }

    public long? CommitmentLow { get; set; }

    public long? CommitmentHigh { get; set; }

    public AmountQualifier CommitmentQualifier { get; set; } = AmountQualifier.Undisclosed;

    public AmountRange Commitment
    {
        get => AmountRange.Create(CommitmentLow, CommitmentHigh, CommitmentQualifier);
        set => (CommitmentLow, CommitmentHigh, CommitmentQualifier) = (value.Low, value.High, value.Qualifier);
    }
}

/// <summary>
/// "<see cref="Part"/> is part of <see cref="Wider"/>": SoftBank's $15B for Stargate is part of the SoftBank–OpenAI
/// partnership and of Stargate. A link belongs to its part: it is edited, deleted and restored with it.
/// </summary>
public class DealLink : EditableEntity
{
    public int PartId { get; set; }

    public Deal? Part { get; set; }

    public int WiderId { get; set; }

    public Deal? Wider { get; set; }
}
