using System.ComponentModel.DataAnnotations;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// What an analyst (or the API, or an import) enters to create or edit a deal; <see cref="Id"/> is 0 for a new one.
/// The amount is in whole units of <see cref="Currency"/> as reported (dollars unless it says otherwise; the command
/// converts it); a commitment is in whole units of its own <see cref="ParticipantForm.Currency"/>; a date is its day plus the precision it is known to. The annotations are the rules one
/// field can check alone; the rules between fields and against the database are in <see cref="DealValidator"/>.
/// </summary>
public sealed class DealForm : IEditForm
{
    public int Id { get; set; }

    /// <summary>The version the form was loaded at; a save against a newer one is a conflict.</summary>
    public int Version { get; set; }

    [Required(ErrorMessage = "Give the deal a title.")]
    [PlainText]
    [TextLimit(DealLimits.Title)]
    public string Title { get; set; } = string.Empty;

    [EnumDataType(typeof(DealKind), ErrorMessage = "Choose a kind of deal.")]
    public DealKind Kind { get; set; } = DealKind.EquityInvestment;

    [EnumDataType(typeof(DealStatus), ErrorMessage = "Choose a status.")]
    public DealStatus Status { get; set; } = DealStatus.Announced;

    /// <summary>The deal's id in the system it came from (an import's key), kept as it is by the editor.</summary>
    [PlainText]
    [TextLimit(DealLimits.ExternalId)]
    public string? ExternalId { get; set; }

    /// <summary>The organization invested in, if any.</summary>
    public int? TargetId { get; set; }

    /// <summary>The ISO 4217 currency the amount is reported in ("EUR"); USD when left out.</summary>
    [StringLength(3, ErrorMessage = "Write the currency as its three-letter code, such as USD, EUR or GBP.")]
    public string? Currency { get; set; } = Domain.Currencies.Usd;

    [Range(0, long.MaxValue, ErrorMessage = "An amount cannot be negative.")]
    public long? AmountLow { get; set; }

    [Range(0, long.MaxValue, ErrorMessage = "An amount cannot be negative.")]
    public long? AmountHigh { get; set; }

    [EnumDataType(typeof(AmountQualifier), ErrorMessage = "Choose how sure the amount is.")]
    public AmountQualifier AmountQualifier { get; set; } = AmountQualifier.Undisclosed;

    /// <summary>Any day in the announced period; stored as the period's first day.</summary>
    public DateOnly? AnnouncedOn { get; set; }

    [EnumDataType(typeof(DatePrecision), ErrorMessage = "Choose a precision.")]
    [MergedWith(nameof(AnnouncedOn))]
    public DatePrecision AnnouncedPrecision { get; set; } = DatePrecision.Day;

    public DateOnly? ClosedOn { get; set; }

    [EnumDataType(typeof(DatePrecision), ErrorMessage = "Choose a precision.")]
    [MergedWith(nameof(ClosedOn))]
    public DatePrecision ClosedPrecision { get; set; } = DatePrecision.Day;

    /// <summary>The wider deals this one is part of, by id, in the order they were picked (none, one or several).</summary>
    public List<int> PartOfIds { get; set; } = [];

    [PlainText]
    [TextLimit(DealLimits.Notes)]
    public string? Notes { get; set; }

    [PlainText]
    [TextLimit(DealLimits.OutcomeNote)]
    public string? OutcomeNote { get; set; }

    public List<ParticipantForm> Participants { get; set; } = [];

    public List<CitationForm> Citations { get; set; } = [];

    /// <summary>Why the change is made, written into the audit log (e.g. when saving over someone else's change).</summary>
    [PlainText]
    [TextLimit(AuditLimits.Reason)]
    public string? Reason { get; set; }

    public PartialDate? Announced => AnnouncedOn is { } date && Enum.IsDefined(AnnouncedPrecision) ? PartialDate.Create(date, AnnouncedPrecision) : null;

    public PartialDate? Closed => ClosedOn is { } date && Enum.IsDefined(ClosedPrecision) ? PartialDate.Create(date, ClosedPrecision) : null;
}

/// <summary>An organization in a deal; <see cref="Id"/> is the stored row's (null for a new one).</summary>
public sealed class ParticipantForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Choose the organization.")]
    public int? OrganizationId { get; set; }

    [EnumDataType(typeof(ParticipantRole), ErrorMessage = "Choose a role.")]
    public ParticipantRole Role { get; set; } = ParticipantRole.CoInvestor;

    /// <summary>
    /// The ISO 4217 currency the commitment is reported in; USD when left out (as every commitment was before they had
    /// one). The editor starts it at the deal's currency. Converted at the rate of the deal's announced date.
    /// </summary>
    [StringLength(3, ErrorMessage = "Write the currency as its three-letter code, such as USD, EUR or GBP.")]
    public string? Currency { get; set; } = Domain.Currencies.Usd;

    [Range(0, long.MaxValue, ErrorMessage = "An amount cannot be negative.")]
    public long? CommitmentLow { get; set; }

    [Range(0, long.MaxValue, ErrorMessage = "An amount cannot be negative.")]
    public long? CommitmentHigh { get; set; }

    [EnumDataType(typeof(AmountQualifier), ErrorMessage = "Choose how sure the commitment is.")]
    public AmountQualifier CommitmentQualifier { get; set; } = AmountQualifier.Undisclosed;
}

/// <summary>A quote from a source that backs the deal; <see cref="Id"/> is the stored row's (null for a new one).</summary>
public sealed class CitationForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Choose the source.")]
    public int? SourceId { get; set; }

    [Required(ErrorMessage = "Enter the quote, word for word.")]
    [PlainText]
    [TextLimit(CitationLimits.Quote)]
    public string Quote { get; set; } = string.Empty;
}
