using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Watchlists;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AiDeals.Web.Features.Watchlists;

/// <summary>
/// "What changed": others' changes to what the analyst watches since their last visit (or all of them with
/// <c>?all=true</c>), field by field as the history shows them, with "Mark all as seen", the watched records and the feed link.
/// </summary>
public partial class ChangesPage
{
    private static readonly string[] LiveTypes =
    [
        nameof(Deal), nameof(DealParticipant), nameof(Citation), nameof(Organization), nameof(OrganizationAlias), nameof(Valuation),
        nameof(WatchedRecord), nameof(Watchlist),
    ];

    private WatchedChangesPage? _page;
    private IReadOnlyList<ChangeRecord> _changes = [];
    private Dictionary<long, HistoryRecord> _records = [];
    private ReferenceNames _references = ReferenceNames.None;
    private IReadOnlyList<WatchedSummary> _watched = [];
    private bool _busy;

    [Inject]
    private WatchedChanges Changes { get; set; } = default!;

    [Inject]
    private WatchlistQueries Watchlists { get; set; } = default!;

    [Inject]
    private HistoryQueries History { get; set; } = default!;

    [Inject]
    private CommandRunner Commands { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    [SupplyParameterFromQuery(Name = "all")]
    public string? All { get; set; }

    private bool ShowAll => string.Equals(All, "true", StringComparison.OrdinalIgnoreCase);

    private string CountText => _page is null ? "Loading…"
        : _page.Items.Count == 1 ? (ShowAll ? "1 change" : "1 new change")
        : _page.Items.Count.ToString("N0", CultureInfo.InvariantCulture) + (ShowAll ? " changes" : " new changes");

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var actor = await AuthState.GetActorAsync();
        if (!actor.CanEdit)
        {
            return;
        }

        _watched = await Watchlists.ListAsync(actor);
        var page = await Changes.ListAsync(actor.UserName, new WatchedChangesRequest(SinceSeen: !ShowAll, Max: 200));
        _changes = page.Items.Select(i => i.Change).ToList();
        _records = page.Items.ToDictionary(i => i.Change.Id, i => i.Record);
        _references = await History.NameReferencesAsync(_changes);
        _page = page;
    }

    private async Task MarkSeenAsync()
    {
        if (_page is null)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Commands.RunAsync(await AuthState.GetActorAsync(), new MarkChangesSeen(_page.ReadThroughId));
            if (result.IsSaved)
            {
                Snackbar.Add("Marked as seen: new changes will show here.", Severity.Success);
            }
            else
            {
                Snackbar.Add(string.Join(" ", result.Errors.Values.SelectMany(m => m).DefaultIfEmpty("Could not mark the changes as seen.")), Severity.Warning);
            }

            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
