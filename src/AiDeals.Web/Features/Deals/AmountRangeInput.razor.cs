using System.Linq.Expressions;
using AiDeals.Core.Domain;
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

    [Parameter, EditorRequired]
    public Expression<Func<long?>> ForLow { get; set; } = default!;

    [Parameter, EditorRequired]
    public Expression<Func<long?>> ForHigh { get; set; } = default!;

    [Parameter, EditorRequired]
    public Expression<Func<AmountQualifier>> ForQualifier { get; set; } = default!;

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
