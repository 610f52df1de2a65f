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

    // The amount in US dollars is stored flat (three indexed columns) so SQL can filter, sort and total on it; Amount
    // is the typed view. A deal reported in another currency keeps what was reported beside it (see Report).
    public long? AmountLow { get; set; }

    public long? AmountHigh { get; set; }

    public AmountQualifier AmountQualifier { get; set; } = AmountQualifier.Undisclosed;

    /// <summary>The ISO 4217 currency the amount was reported in; USD for most deals.</summary>
    public string Currency { get; set; } = Currencies.Usd;

    /// <summary>The reported figures in <see cref="Currency"/>; null for a deal in dollars, whose figures are the amount's.</summary>
    public long? ReportedLow { get; set; }

    public long? ReportedHigh { get; set; }

    public AmountQualifier? ReportedQualifier { get; set; }

    /// <summary>The rate the dollar figures were converted at (units of the currency per dollar) and its date; null when none was.</summary>
    public double? RateUnitsPerUsd { get; set; }

    public DateOnly? RateOn { get; set; }

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

    /// <summary>The amount as it was reported, in units of <see cref="Currency"/>.</summary>
    public AmountRange Reported => Currencies.IsUsd(Currency) ? Amount : AmountRange.Create(ReportedLow, ReportedHigh, ReportedQualifier ?? AmountQualifier.Undisclosed);

    /// <summary>
    /// A figure was reported in another currency and no usable rate converted it: the dollar amount reads undisclosed,
    /// and every dollar total leaves the deal out (and says how many it left out).
    /// </summary>
    public bool IsUnconverted => ReportedFigures.IsUnconverted(Currency, ReportedQualifier, RateOn);

    /// <summary>
    /// Sets the amount as reported in <paramref name="currency"/>, and the dollar figures from <paramref name="rate"/>:
    /// for dollars the figures themselves; for another currency, converted at the rate, or undisclosed when there is
    /// no rate (never a made-up one).
    /// </summary>
    public void Report(string currency, AmountRange reported, ExchangeRate? rate)
    {
        var figures = ReportedFigures.Of(currency, reported, rate);
        (Currency, ReportedLow, ReportedHigh, ReportedQualifier) = (figures.Currency, figures.ReportedLow, figures.ReportedHigh, figures.ReportedQualifier);
        (RateUnitsPerUsd, RateOn, Amount) = (figures.RateUnitsPerUsd, figures.RateOn, figures.Dollars);
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

    // As a deal's amount: the Commitment columns are the dollars every total reads; a commitment reported in another
    // currency keeps what was reported beside them, converted at the rate of the deal's announced date.

    /// <summary>The ISO 4217 currency the commitment was reported in; USD for most.</summary>
    public string Currency { get; set; } = Currencies.Usd;

    /// <summary>The reported figures in <see cref="Currency"/>; null for a commitment in dollars.</summary>
    public long? ReportedLow { get; set; }

    public long? ReportedHigh { get; set; }

    public AmountQualifier? ReportedQualifier { get; set; }

    /// <summary>The rate the dollar figures were converted at (units per dollar) and its date; null when none was.</summary>
    public double? RateUnitsPerUsd { get; set; }

    public DateOnly? RateOn { get; set; }

    /// <summary>The commitment as it was reported, in units of <see cref="Currency"/>.</summary>
    public AmountRange Reported => Currencies.IsUsd(Currency) ? Commitment : AmountRange.Create(ReportedLow, ReportedHigh, ReportedQualifier ?? AmountQualifier.Undisclosed);

    /// <summary>Reported in another currency and converted by no rate: left out of the organization's dollar totals.</summary>
    public bool IsUnconverted => ReportedFigures.IsUnconverted(Currency, ReportedQualifier, RateOn);

    /// <summary>Sets the commitment as reported in <paramref name="currency"/> and its dollars from <paramref name="rate"/> (see <see cref="Deal.Report"/>).</summary>
    public void Report(string? currency, AmountRange reported, ExchangeRate? rate)
    {
        var figures = ReportedFigures.Of(currency, reported, rate);
        (Currency, ReportedLow, ReportedHigh, ReportedQualifier) = (figures.Currency, figures.ReportedLow, figures.ReportedHigh, figures.ReportedQualifier);
        (RateUnitsPerUsd, RateOn, Commitment) = (figures.RateUnitsPerUsd, figures.RateOn, figures.Dollars);
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
