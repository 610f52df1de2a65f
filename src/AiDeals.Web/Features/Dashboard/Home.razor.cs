using AiDeals.Core.Features.Dashboard;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Features.Dashboard;

/// <summary>What the dashboard page shows, and when it was read (the feed's "2 minutes ago" counts from it).</summary>
public sealed record HomeView(DashboardSummary Summary, IReadOnlyList<RecentChange> Changes, DateTime Now, int UnconvertedDeals = 0);

public partial class Home
{
    // The donut's colors follow the status chips (warning for in talks, info for announced, success for completed).
    private static readonly IReadOnlyList<string> AllStatusColors = ["#9e9e9e", "#ff9800", "#2196f3", "#00c853", "#f44336"];

    // Mid-tone colors that read on the light and the dark surface alike.
    private static readonly IReadOnlyList<string> KindPalette = ["#5c6bc0", "#26a69a", "#ab47bc", "#ff7043", "#8d6e63", "#c0ca33", "#78909c"];

    [Inject]
    private DashboardSnapshots Snapshots { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>
    /// Read once per visit: the prerender reads it and writes it into the page, and the circuit that starts on that page
    /// takes it from there instead of reading again.
    /// </summary>
    [PersistentState]
    public HomeView? View { get; set; }

    private IReadOnlyList<string> StatusPalette =>
        View?.Summary.ByStatus.Select(s => AllStatusColors[(int)s.Status]).ToList() ?? [];

    protected override async Task OnInitializedAsync() => View ??= await ReadAsync();

    private async Task ReloadAsync() => View = await ReadAsync();

    private async Task<HomeView> ReadAsync()
    {
        var view = await Snapshots.GetAsync();
        return new HomeView(view.Summary, view.Changes, Clock.GetUtcNow().UtcDateTime, view.UnconvertedDeals);
    }
}
