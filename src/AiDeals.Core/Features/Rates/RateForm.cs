using System.ComponentModel.DataAnnotations;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Rates;

/// <summary>One exchange rate as an admin enters it; <see cref="Id"/> is 0 for a new one.</summary>
public sealed class RateForm : IEditForm
{
    public int Id { get; set; }

    /// <summary>The version the form was loaded at; a save against a newer one is a conflict.</summary>
    public int Version { get; set; }

    /// <summary>The ISO 4217 code of the currency ("EUR"); never USD, the currency rates are quoted against.</summary>
    [Required(ErrorMessage = "Enter the currency's three-letter code, such as EUR.")]
    [StringLength(3, ErrorMessage = "Write the currency as its three-letter code, such as EUR, GBP or JPY.")]
    public string Currency { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the day of the rate.")]
    public DateOnly? On { get; set; }

    /// <summary>How many units of the currency one US dollar bought that day.</summary>
    [Required(ErrorMessage = "Enter how many units of the currency one US dollar bought.")]
    public double? UnitsPerUsd { get; set; }

    [PlainText]
    [TextLimit(AuditLimits.Reason)]
    public string? Reason { get; set; }

    public static RateForm Of(ExchangeRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return new() { Id = rate.Id, Version = rate.Version, Currency = rate.Currency, On = rate.On, UnitsPerUsd = rate.UnitsPerUsd };
    }

    internal void Apply(ExchangeRate rate)
    {
        rate.Currency = Currencies.Normalize(Currency);
        rate.On = On!.Value;
        rate.UnitsPerUsd = UnitsPerUsd!.Value;
    }
}
