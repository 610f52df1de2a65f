using System.Globalization;
using AiDeals.Core.Features.History;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

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
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private DateOnly? ParsedDay => HistoryFilters.ParseDay(Day);

    private string DayText => ParsedDay?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    protected override async Task OnParametersSetAsync()
    {
        _snapshot = null;
        // Past values come from the history, which analysts see: nothing is read for anyone else.
        if (ParsedDay is not { } day || !await Authorization.AllowsAsync(AuthenticationState, Policies.CanEdit))
        {
            _loading = false;
            return;
        }

        _loading = true;
        _snapshot = await AsOf.GetAsync(Id, day);
        _loading = false;
    }
}
