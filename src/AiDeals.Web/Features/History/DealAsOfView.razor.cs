using System.Globalization;
using AiDeals.Core.Features.History;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Features.History;

/// <summary>A deal's page as of a past day (<c>/deals/7?asOf=2025-02-01</c>): what the database said at the end of that day, read-only.</summary>
public partial class DealAsOfView
{
    private DealSnapshot? _snapshot;
    private bool _loading = true;

    [Parameter]
    public int Id { get; set; }

    /// <summary>The day as the address gives it (yyyy-MM-dd).</summary>
    [Parameter]
    public string? Day { get; set; }

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private DateOnly? ParsedDay => HistoryFilters.ParseDay(Day);

    private string DayText => ParsedDay?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    private string CompareHref => ComparePage.Href(ParsedDay ?? Today, Today);

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override async Task OnParametersSetAsync()
    {
        _snapshot = null;
        if (ParsedDay is not { } day)
        {
            _loading = false;
            return;
        }

        _loading = true;
        _snapshot = await AsOf.GetAsync(Id, day);
        _loading = false;
    }
}
