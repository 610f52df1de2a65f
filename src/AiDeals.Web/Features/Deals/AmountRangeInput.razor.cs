using System.Linq.Expressions;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Intake;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Features.Deals;

public partial class AmountRangeInput
{
    /// <summary>"Amount", "Commitment": names the fields for screen readers.</summary>
    [Parameter]
    public string Prefix { get; set; } = "Amount";

    [Parameter]
    public string QualifierLabel { get; set; } = "How sure";

    [Parameter]
    public string? TestId { get; set; }

    [Parameter]
    public long? Low { get; set; }

    [Parameter]
    public EventCallback<long?> LowChanged { get; set; }

    [Parameter]
    public long? High { get; set; }

    [Parameter]
    public EventCallback<long?> HighChanged { get; set; }

    [Parameter]
    public AmountQualifier Qualifier { get; set; }

    [Parameter]
    public EventCallback<AmountQualifier> QualifierChanged { get; set; }

    /// <summary>The amount's currency (ISO 4217); bind it (the deal's amount) to let the field take other currencies.</summary>
    [Parameter]
    public string? Currency { get; set; }

    [Parameter]
    public EventCallback<string?> CurrencyChanged { get; set; }

    [Parameter]
    public Expression<Func<string?>>? ForCurrency { get; set; }

    [Parameter, EditorRequired]
    public Expression<Func<long?>> ForLow { get; set; } = default!;

    [Parameter, EditorRequired]
    public Expression<Func<long?>> ForHigh { get; set; } = default!;

    [Parameter, EditorRequired]
    public Expression<Func<AmountQualifier>> ForQualifier { get; set; } = default!;

    /// <summary>The currencies the picker offers: those news reports use most, and the amount's own if it is another.</summary>
    public static IReadOnlyList<string> CommonCurrencies { get; } = ["USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "KRW", "SGD", "AED", "SAR"];

    private bool TakesCurrency => CurrencyChanged.HasDelegate;

    // A figure field hands on "€600M" or "$15–25B" only where the amount takes a currency; elsewhere it takes dollars.
    private EventCallback<MoneyEntry> LowEntry => TakesCurrency ? EventCallback.Factory.Create<MoneyEntry>(this, e => OnEntryAsync(e, high: false)) : default;

    private EventCallback<MoneyEntry> HighEntry => TakesCurrency ? EventCallback.Factory.Create<MoneyEntry>(this, e => OnEntryAsync(e, high: true)) : default;

    private string CurrencyCode => Currencies.Normalize(Currency);

    private IEnumerable<string> CurrencyChoices => CommonCurrencies.Contains(CurrencyCode) ? CommonCurrencies : [.. CommonCurrencies, CurrencyCode];

    private bool SingleFigure => Qualifier is AmountQualifier.Exact or AmountQualifier.Estimated;

    private string LowLabel => Qualifier switch
    {
        AmountQualifier.Exact => "Amount",
        AmountQualifier.Estimated => "Estimate",
        AmountQualifier.AtLeast => "At least",
        _ => "Low",
    };

    private string HighLabel => Qualifier == AmountQualifier.UpTo ? "Up to" : "High";

    private async Task OnQualifierChangedAsync(AmountQualifier qualifier)
    {
        await QualifierChanged.InvokeAsync(qualifier);
        var (low, high) = qualifier switch
        {
            AmountQualifier.Undisclosed => ((long?)null, (long?)null),
            AmountQualifier.UpTo => (null, High ?? Low),
            AmountQualifier.AtLeast => (Low ?? High, null),
            AmountQualifier.Exact or AmountQualifier.Estimated => (Low ?? High, Low ?? High),
            _ => (Low, High),
        };
        await SetAsync(low, high);
    }

    private Task OnCurrencyChangedAsync(string? currency) => CurrencyChanged.InvokeAsync(Currencies.Normalize(currency));

    /// <summary>"€600M" or "$15–25B" typed into a figure: its currency, and for a range the qualifier and both figures.</summary>
    private async Task OnEntryAsync(MoneyEntry entry, bool high)
    {
        if (entry.Currency is { } currency && currency != CurrencyCode)
        {
            await CurrencyChanged.InvokeAsync(currency);
        }

        if (entry.High is { } top)
        {
            if (Qualifier != AmountQualifier.Range)
            {
                await QualifierChanged.InvokeAsync(AmountQualifier.Range);
            }

            await SetAsync(entry.Low, top);
        }
        else if (high)
        {
            await OnHighChangedAsync(entry.Low);
        }
        else
        {
            await OnLowChangedAsync(entry.Low);
        }
    }

    private Task OnLowChangedAsync(long? low) => SetAsync(low, SingleFigure ? low : High);

    private Task OnHighChangedAsync(long? high) => SetAsync(Low, high);

    private async Task SetAsync(long? low, long? high)
    {
        if (low != Low)
        {
            await LowChanged.InvokeAsync(low);
        }

        if (high != High)
        {
            await HighChanged.InvokeAsync(high);
        }
    }
}
