using AiDeals.Core.Domain;
using MudBlazor;

namespace AiDeals.Web.Components.Shared;

/// <summary>How a deal's status looks in a chip: the further along, the warmer the colour, abandoned in red.</summary>
public static class StatusColors
{
    public static Color Of(DealStatus status) => status switch
    {
        DealStatus.Rumored => Color.Default,
        DealStatus.InTalks => Color.Warning,
        DealStatus.Announced => Color.Info,
        DealStatus.Completed => Color.Success,
        _ => Color.Error,
    };
}
