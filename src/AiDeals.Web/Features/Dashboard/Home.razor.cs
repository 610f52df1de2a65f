using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Features.History;
using AiDeals.Web.Features.Accounts;
using AiDeals.Web.Features.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AiDeals.Web.Features.Dashboard;

/// <summary>
/// What the dashboard page shows, and when it was read (the feed's "2 minutes ago" counts from it); for a past day, the
/// day, and why it could not be shown if it could not.
/// </summary>
public sealed record HomeView(DashboardSummary Summary, IReadOnlyList<RecentChange> Changes, DateTime Now, DateOnly? Day = null, string? Problem = null, int UnconvertedDeals = 0)
{
    /// <summary>Commitments that capital by investor leaves out (no rate converted them).</summary>
    public int UnconvertedCommitments { get; init; }
}

public partial class Home
{
    // The donut's colors follow the status chips (warning for in talks, info for announced, success for completed).
    private static readonly IReadOnlyList<string> AllStatusColors = ["#9e9e9e", "#ff9800", "#2196f3", "#00c853", "#f44336"];

    // Mid-tone colors that read on the light and the dark surface alike.
    private static readonly IReadOnlyList<string> KindPalette = ["#5c6bc0", "#26a69a", "#ab47bc", "#ff7043", "#8d6e63", "#c0ca33", "#78909c"];

    private bool _pastRefused;

    [Inject]
    private DashboardSnapshots Snapshots { get; set; } = default!;

    [Inject]
    private PastQueries Past { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>A past day (yyyy-MM-dd): the dashboard as it stood at the end of it, for analysts.</summary>
    [SupplyParameterFromQuery(Name = "asOf")]
    public string? AsOf { get; set; }

    /// <summary>
    /// Read once per visit: the prerender reads it and writes it into the page, and the circuit that starts on that page
    /// takes it from there instead of reading again.
    /// </summary>
    [PersistentState]
    public HomeView? View { get; set; }

    // The day the address asks for, when the reader may see it.
    private DateOnly? Day => _pastRefused ? null : HistoryFilters.ParseDay(AsOf);

    // The past day shown: links lead to the deal list and the deal pages of that day.
    private DateOnly? ShownDay => View is { Problem: null, Day: { } day } ? day : null;

    private IReadOnlyList<string> StatusPalette =>
        View?.Summary.ByStatus.Select(s => AllStatusColors[(int)s.Status]).ToList() ?? [];

    protected override async Task OnParametersSetAsync()
    {
        // Past values come from the history, which analysts see: nothing of the past is read for anyone else.
        var day = HistoryFilters.ParseDay(AsOf);
        _pastRefused = day is not null && !await Authorization.AllowsAsync(AuthenticationState, Policies.CanEdit);
        if (View is null || View.Day != Day)
        {
            View = await ReadAsync();
        }
    }

    // A save changes today, not a past day.
    private async Task ReloadAsync()
    {
        if (Day is null)
        {
            View = await ReadAsync();
        }
    }

    private async Task<HomeView> ReadAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        if (Day is { } day)
        {
            try
            {
                var past = await Past.DashboardAsync(day);
                return new HomeView(past.Summary, past.Changes, now, day, UnconvertedDeals: past.UnconvertedDeals) { UnconvertedCommitments = past.UnconvertedCommitments };
            }
            catch (TooManyChangesException tooMany)
            {
                var today = await Snapshots.GetAsync();
                return new HomeView(today.Summary, today.Changes, now, day, tooMany.Message + " Below is today's dashboard.", today.UnconvertedDeals)
                {
                    UnconvertedCommitments = today.UnconvertedCommitments,
                };
            }
        }

        var view = await Snapshots.GetAsync();
        return new HomeView(view.Summary, view.Changes, now, UnconvertedDeals: view.UnconvertedDeals) { UnconvertedCommitments = view.UnconvertedCommitments };
    }

    private string Link(string href) => ShownDay is { } day && href.StartsWith("/deals", StringComparison.Ordinal) ? AsOfPicker.WithDay(href, day) : href;
}
