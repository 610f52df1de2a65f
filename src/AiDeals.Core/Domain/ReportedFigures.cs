namespace AiDeals.Core.Domain;

/// <summary>
/// An amount as reported in a currency and the dollars every total counts it as: for dollars the figures themselves;
/// for another currency the figures kept as reported and converted at a rate, or, with no rate, undisclosed dollars
/// (never a made-up rate). Deals and commitments store it alike.
/// </summary>
public readonly record struct ReportedFigures(
    string Currency, long? ReportedLow, long? ReportedHigh, AmountQualifier? ReportedQualifier, double? RateUnitsPerUsd, DateOnly? RateOn, AmountRange Dollars)
{
    public static ReportedFigures Of(string? currency, AmountRange reported, ExchangeRate? rate)
    {
        var code = Currencies.Normalize(currency);
        if (code == Currencies.Usd)
        {
            return new(code, null, null, null, null, null, reported);
        }

        return rate is null || !reported.IsDisclosed
            ? new(code, reported.Low, reported.High, reported.Qualifier, null, null, AmountRange.Undisclosed)
            : new(code, reported.Low, reported.High, reported.Qualifier, rate.UnitsPerUsd, rate.On, reported.ToDollars(rate.UnitsPerUsd));
    }

    /// <summary>Reported in another currency with a figure that no rate converted: left out of every dollar total.</summary>
    public static bool IsUnconverted(string currency, AmountQualifier? reportedQualifier, DateOnly? rateOn) =>
        !Currencies.IsUsd(currency) && reportedQualifier is not (null or AmountQualifier.Undisclosed) && rateOn is null;

    /// <summary><see cref="IsUnconverted"/> as a SQL condition on the row <paramref name="alias"/> (a deal or a participation).</summary>
    internal static string UnconvertedSql(string alias) =>
        $"({alias}.\"Currency\" <> '{Currencies.Usd}' AND {alias}.\"RateOn\" IS NULL AND {alias}.\"ReportedQualifier\" IS NOT NULL"
        + $" AND {alias}.\"ReportedQualifier\" <> '{AmountQualifier.Undisclosed}')";
}
