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

    /// <summary>The umbrella deal this one is part of; totals count only deals with no children.</summary>
    public int? ParentId { get; set; }

    public Deal? Parent { get; set; }

    public List<Deal> Children { get; set; } = [];

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
