using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Rates;

/// <summary>The rules of an exchange rate, for the rates page, the ECB import and the command line alike.</summary>
public static class RateValidator
{
    /// <summary>A rate so far from any real one is a typing slip: the yen is ~150 per dollar, the rial ~42,000.</summary>
    public const double MaxUnitsPerUsd = 1_000_000;

    public static void Validate(RateForm form, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        errors.AddAnnotations(form);
        if (!errors.Has(nameof(RateForm.Currency)) && !Currencies.IsCode(form.Currency))
        {
            errors.Add(nameof(RateForm.Currency), "Write the currency as its three-letter code, such as EUR, GBP or JPY.");
        }
        else if (!errors.Has(nameof(RateForm.Currency)) && Currencies.IsUsd(form.Currency))
        {
            errors.Add(nameof(RateForm.Currency), "Rates are quoted in units per US dollar: a dollar is always one dollar.");
        }

        if (form.UnitsPerUsd is { } units && (!double.IsFinite(units) || units <= 0 || units > MaxUnitsPerUsd))
        {
            errors.Add(nameof(RateForm.UnitsPerUsd), "A rate is a positive number of units per US dollar, at most 1,000,000.");
        }
    }

    /// <summary>One live rate per currency and day.</summary>
    public static async Task CheckAsync(CommandScope scope, RateForm form, int rateId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(form);
        var code = Currencies.Normalize(form.Currency);
        if (await scope.Db.ExchangeRates.AnyAsync(r => r.Currency == code && r.On == form.On && r.Id != rateId, scope.CancellationToken))
        {
            scope.Errors.Add(nameof(RateForm.On), $"There is already a {code} rate for {Currencies.RateDate(form.On!.Value)}: edit that one.");
        }
    }
}
