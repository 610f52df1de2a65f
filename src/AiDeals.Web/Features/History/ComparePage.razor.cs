using System.Globalization;
using AiDeals.Core.Features.History;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AiDeals.Web.Features.History;

/// <summary>
/// <c>/history/compare?from=2025-01-06&amp;to=2025-02-01</c>: the deals added, removed and changed between the ends of two
/// days. Without days in the address, the last seven days.
/// </summary>
public partial class ComparePage
{
    private readonly List<BreadcrumbItem> _breadcrumbs = [new("History", "/history"), new("Compare two days", href: null, disabled: true)];
    private DealComparison? _comparison;
    private string? _error;
    private bool _loading;
    private string? _fromText;
    private string? _toText;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>The page's address for two days.</summary>
    public static string Href(DateOnly from, DateOnly to) => $"/history/compare?from={Iso(from)}&to={Iso(to)}";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DayText(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string AsOfHref(int id, DateOnly day) => $"/deals/{id}?asOf={Iso(day)}";

    private static string Count(int count, string what) => $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? "deal" : "deals")} {what}";

    protected override async Task OnParametersSetAsync()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        _fromText = From ?? Iso(today.AddDays(-7));
        _toText = To ?? Iso(today);
        _comparison = null;
        _error = null;
        var from = HistoryFilters.ParseDay(_fromText);
        var to = HistoryFilters.ParseDay(_toText);
        if (from is null || to is null)
        {
            _error = "Give both days as dates, such as 2025-02-01.";
            return;
        }

        if (to < from)
        {
            _error = "The second day is before the first: swap them.";
            return;
        }

        _loading = true;
        _comparison = await AsOf.CompareAsync(from.Value, to.Value);
        _loading = false;
    }

    private void Compare() =>
        Navigation.NavigateTo($"/history/compare?from={Uri.EscapeDataString(_fromText ?? string.Empty)}&to={Uri.EscapeDataString(_toText ?? string.Empty)}");
}
