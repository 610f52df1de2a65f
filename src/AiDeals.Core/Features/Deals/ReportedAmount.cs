using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// A deal's amount as it was reported, in its currency, beside the dollars every total counts: converted at a rate of
/// a day (<see cref="RateOn"/>), or, with no usable rate, not converted and left out of dollar totals.
/// </summary>
public sealed record ReportedAmount(string Currency, AmountRange Reported, AmountRange Dollars, DateOnly? RateOn)
{
    public static ReportedAmount InDollars(AmountRange dollars) => new(Currencies.Usd, dollars, dollars, null);

    /// <summary>The stored columns of a deal as its reported amount (the reported ones are null for a deal in dollars).</summary>
    public static ReportedAmount Of(
        string currency, long? reportedLow, long? reportedHigh, AmountQualifier? reportedQualifier, AmountRange dollars, DateOnly? rateOn) =>
        Currencies.IsUsd(currency) ? InDollars(dollars)
        : new(currency, AmountRange.Create(reportedLow, reportedHigh, reportedQualifier ?? AmountQualifier.Undisclosed), dollars, rateOn);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsInDollars => Currencies.IsUsd(Currency);

    /// <summary>Reported in another currency with a figure that no rate converted: left out of every dollar total.</summary>
    public bool IsUnconverted => !IsInDollars && Reported.IsDisclosed && RateOn is null;

    /// <summary>The amount as reported: "€600M", "$15B–$25B" (in JSON, <c>text</c>).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("text")]
    public string AsReported => Reported.ToString(Currency);

    /// <summary>
    /// What converting it says, or null for dollars and undisclosed amounts: "≈ $646M at the rate of 11 Jun 2024", or
    /// "no EUR rate on or up to 31 days before the announced date: left out of dollar totals".
    /// </summary>
    public string? Conversion => IsInDollars || !Reported.IsDisclosed ? null
        : RateOn is { } on ? $"≈ {Dollars} at the rate of {Currencies.RateDate(on)}"
        : $"no {Currency} rate on or up to {Currencies.RateMaxAgeDays} days before the announced date: left out of dollar totals";

    /// <summary>"€600M (≈ $646M at the rate of 11 Jun 2024)"; "$15B–$25B" for dollars.</summary>
    public override string ToString() => Conversion is { } conversion ? $"{AsReported} ({conversion})" : AsReported;
}
