namespace AiDeals.Core.Domain;

/// <summary>
/// How many units of a currency one US dollar bought on a day (ECB reference rates are per euro; the import crosses
/// them to dollars). A deal reported in that currency is converted at the nearest earlier rate to its announced date.
/// </summary>
public class ExchangeRate : EditableEntity
{
    /// <summary>ISO 4217, upper case: "EUR", "GBP", "JPY".</summary>
    public required string Currency { get; set; }

    public DateOnly On { get; set; }

    /// <summary>Units of <see cref="Currency"/> per US dollar: 0.92 for the euro when a euro bought $1.087.</summary>
    public double UnitsPerUsd { get; set; }
}
