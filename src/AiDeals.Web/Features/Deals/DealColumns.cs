using AiDeals.Core.Features.Deals;

namespace AiDeals.Web.Features.Deals;

/// <summary>The deal list's columns as people read them: their names and what each sort order means.</summary>
public static class DealColumns
{
    public static string Label(DealSortField field) => field switch
    {
        DealSortField.Title => "Deal",
        DealSortField.Target => "Target",
        DealSortField.Investors => "Investors",
        DealSortField.Kind => "Kind",
        DealSortField.Status => "Status",
        DealSortField.Amount => "Amount",
        _ => "Announced",
    };

    /// <summary>"largest first", "A to Z": the order a sort puts the rows in.</summary>
    public static string SortDescription(DealSortField field, bool descending) => (field, descending) switch
    {
        (DealSortField.Amount, true) => "largest first",
        (DealSortField.Amount, false) => "smallest first",
        (DealSortField.Announced, true) => "newest first",
        (DealSortField.Announced, false) => "oldest first",
        (DealSortField.Status, false) => "from rumored to abandoned",
        (DealSortField.Status, true) => "from abandoned to rumored",
        (_, false) => "A to Z",
        _ => "Z to A",
    };
}
