using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.History;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;

namespace AiDeals.Web.Features.Deals;

/// <summary>
/// The deal browser. The address is the one source of the view (filters, sort, page): every change is a navigation,
/// and the list loads whatever address it is on, so back, forward and a shared link all show the same rows.
/// </summary>
public partial class DealList : IDisposable
{
    private static readonly string[] LiveTypes = [nameof(Deal), nameof(DealParticipant), nameof(Organization), nameof(OrganizationAlias)];

    private DealQuery _query = DealQuery.Default;
    private string? _loadedQuery;
    private IReadOnlyList<DealSummary>? _items;
    private string? _countedFilter;
    private bool _loading;
    private CancellationTokenSource? _loadCancellation;
    private IReadOnlyList<OrganizationRef> _investorChips = [];
    private IReadOnlyList<OrganizationRef> _targetChips = [];
    private bool _pastRefused;
    private string? _pastProblem;

    [Inject]
    private PastQueries Past { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The rows read while prerendering, carried into the circuit so that it does not read them again.</summary>
    [PersistentState]
    public DealListState? Loaded { get; set; }

    private int Total => Loaded?.Count ?? 0;

    // The footer (total, rows per page, pages) shows once there are rows: while a new filter's count is read, its rows are
    // already there.
    private bool HasRows => Total > 0 || (Loaded is { IsCounting: true } && _items is { Count: > 0 });

    // Written as the dashboard writes its capital: "$141B–$541B", or "more than …" when a deal counted in full is open-ended.
    private static string CapitalText(UnionTotal total) => AiDeals.Core.Features.Dashboard.CapitalTotal.Of(total).ToString();

    // Past the counting cap the pages known are those up to the cap, and the next one when there is one.
    private int PageCount => Loaded is not { } loaded
        ? 1
        : Math.Max(1, loaded.CountIsAtLeast || loaded.IsCounting
            ? Math.Max(PagesOf(loaded.Count), _query.Page + (loaded.Next is null ? 0 : 1))
            : PagesOf(loaded.Count));

    private string CountText => Loaded is not { } loaded
        ? "Loading…"
        : loaded.IsCounting ? "Counting…"
        : loaded.CountIsAtLeast ? $"{Number(loaded.Count)}+ deals" : loaded.Count == 1 ? "1 deal" : Number(loaded.Count) + " deals";

    private string PageRangeText
    {
        get
        {
            var of = Loaded is { IsCounting: true } ? "…" : Loaded is { CountIsAtLeast: true } ? $"{Number(Total)}+" : Number(Total);
            var first = ((long)(_query.Page - 1) * _query.PageSize) + 1;
            var last = first + (_items?.Count ?? 0) - 1;
            return _items is not { Count: > 0 } ? $"of {of}" : $"{Number(first)}–{Number(last)} of {of}";
        }
    }

    // The past day the rows show, if the address asks for one and the reader may see it.
    private DateOnly? Day => _pastRefused ? null : _query.AsOf;

    private string Heading => Day is { } day ? "Deals as of " + day.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "Deals";

    // A deal's page, as of the list's day when it shows a past day.
    private string DealHref(int id) => Day is { } day ? History.AsOfPicker.WithDay($"/deals/{id}", day) : $"/deals/{id}";

    // Someone saved a deal or a name the rows show: the same view, read again, its count too (a past day does not change).
    private Task RefreshAsync()
    {
        if (Day is not null)
        {
            return Task.CompletedTask;
        }

        _loadedQuery = null;
        _countedFilter = null;
        return LoadAsync(rowsFirst: false);
    }

    protected override async Task OnInitializedAsync()
    {
        // The first rows are read here, while prerendering, so that the page arrives with them; the circuit takes them
        // over from the persisted state instead of reading them again.
        _query = DealQuery.FromUri(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
        await LoadChipsAsync(CancellationToken.None);
        // A past day is read again by the circuit: what the prerender may show of it depends on who reads.
        if (Loaded is { } loaded && loaded.Address == _query.ToQueryString() && _query.AsOf is null)
        {
            _items = loaded.Items();
            _loadedQuery = loaded.Address;
            _countedFilter = CountKey(_query);
            return;
        }

        await LoadAsync(rowsFirst: false);
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _loadCancellation?.Cancel();
        _loadCancellation?.Dispose();
    }

    // Back, forward, a link or a filter change.
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (!IsDealListAddress(e.Location))
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            try
            {
                await LoadAsync(rowsFirst: true);
            }
            catch (Exception ex)
            {
                await DispatchExceptionAsync(ex);
            }
        });
    }

    private bool IsDealListAddress(string uri)
    {
        var relative = Navigation.ToBaseRelativePath(uri);
        var end = relative.IndexOfAny(['?', '#']);
        return (end < 0 ? relative : relative[..end]).TrimEnd('/') == "deals";
    }

    // rowsFirst: a new filter chosen in the open list shows its rows as soon as they are read, and its count and total
    // after them (they read every match, the rows only a page). The first load and a live refresh show all at once: the
    // first is prerendered whole, and a refresh should not blank a count the reader already sees.
    private async Task LoadAsync(bool rowsFirst)
    {
        // A new query object on every load: the filters take it as the address read again.
        _query = DealQuery.FromUri(Navigation.Uri);
        var key = _query.ToQueryString();
        if (key == _loadedQuery)
        {
            StateHasChanged();
            return;
        }

        _loadedQuery = key;
        if (_loadCancellation is not null)
        {
            await _loadCancellation.CancelAsync();
            _loadCancellation.Dispose();
        }

        var cancellation = _loadCancellation = new CancellationTokenSource();

        // Taken once: a newer address disposes this source while this load still awaits a read (reads are truly
        // asynchronous on PostgreSQL), and a disposed source no longer hands out its token.
        var token = cancellation.Token;
        _loading = true;
        StateHasChanged();
        try
        {
            await LoadChipsAsync(token);
            var filter = _query.ToFilter();
            // Past values come from the history, which analysts see: nothing of the past is read for anyone else.
            _pastRefused = _query.AsOf is not null && !await Authorization.AllowsAsync(AuthenticationState, Policies.CanEdit);
            _pastProblem = null;
            var countKey = CountKey(_query);
            DealPage page;
            DealCount count;
            // The footer's total is counted from today's kept rests: a past day shows none rather than today's.
            UnionTotal? capital = null;
            var unconverted = 0;
            if (Day is { } day)
            {
                try
                {
                    var past = await Past.DealsAsync(day, filter, _query.ToPageRequest(filter), token);
                    (page, count) = (past.Page, past.Count);
                }
                catch (TooManyChangesException tooMany)
                {
                    (page, count, _pastProblem) = (new DealPage([], null, null), new DealCount(0, false), tooMany.Message);
                }
            }
            else
            {
                page = await Deals.SearchAsync(filter, _query.ToPageRequest(filter), token);
                // The count and the total belong to the filters, not to the page: a page turn keeps them.
                var known = countKey == _countedFilter ? Loaded : null;
                // An empty page past the first needs the count to find the last page, so it waits for it.
                if (known is null && rowsFirst && (page.Items.Count > 0 || _query.Page == 1))
                {
                    token.ThrowIfCancellationRequested();
                    // The count shown is no longer the one counted: a load that takes over before it arrives counts again.
                    _countedFilter = null;
                    Loaded = DealListState.Counting(key, page);
                    _items = page.Items;
                    _loading = false;
                    StateHasChanged();
                }

                count = known is not null ? new DealCount(known.Count, known.CountIsAtLeast) : await Deals.CountAsync(filter, token);
                capital = known is not null ? known.Capital : count.IsAtLeast ? null : await Deals.TotalAsync(filter, count, token);
                // Said beside the total, which counts it on the way: past the cap there is neither (no scan of every
                // match for a line the dashboard gives for all deals).
                unconverted = known?.Unconverted ?? capital?.LeftOut ?? 0;
            }

            // A newer address may have taken over during the last read: its load shows its own rows, not these.
            token.ThrowIfCancellationRequested();
            if (page.Items.Count == 0 && count.Value > 0 && _query.Page > 1)
            {
                // An address past the last page shows the last page (the address says so), not an empty table.
                var last = PagesOf(count.Value, _query.PageSize);
                Navigation.NavigateTo(_query.AtPage(last).ListHref(), replace: true);
                return;
            }

            _countedFilter = countKey;
            Loaded = DealListState.Of(key, page, count, capital, unconverted);
            _items = page.Items;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // A newer address took over; its load shows its own rows.
            return;
        }

        _loading = false;
        StateHasChanged();
    }

    // Chips need names; the address holds slugs. Look them up only when the slugs change.
    private async Task LoadChipsAsync(CancellationToken cancellationToken)
    {
        if (!_investorChips.Select(c => c.Slug).SequenceEqual(_query.Investors))
        {
            _investorChips = await Lookups.FindBySlugsAsync(_query.Investors, cancellationToken);
        }

        if (!_targetChips.Select(c => c.Slug).SequenceEqual(_query.Targets))
        {
            _targetChips = await Lookups.FindBySlugsAsync(_query.Targets, cancellationToken);
        }
    }

    // Every change is a new entry in the browser's history.
    private void NavigateTo(DealQuery query) => Navigation.NavigateTo(query.ListHref());

    private void OnSortFieldChanged(DealSortField field) =>
        NavigateTo(_query.AtPage(1) with { Sort = field, Descending = DealQuery.DescendsFirst(field) });

    // One page on or back goes by keyset from the row at the edge; any other page by its number.
    private void OnPageChanged(int page)
    {
        if (page == _query.Page + 1 && Loaded?.Next is { } next)
        {
            NavigateTo(_query with { Page = page, After = next, Before = null });
        }
        else if (page == _query.Page - 1 && page > 1 && Loaded?.Previous is { } previous)
        {
            NavigateTo(_query with { Page = page, After = null, Before = previous });
        }
        else
        {
            NavigateTo(_query.AtPage(page));
        }
    }

    private void OnPageSizeChanged(int size) => NavigateTo(_query.AtPage(1) with { PageSize = size });

    private void ClearFilters() => NavigateTo(_query.Cleared());

    private int PagesOf(int count) => PagesOf(count, _query.PageSize);

    private static int PagesOf(int count, int size) => (int)Math.Ceiling(count / (double)size);

    // The filters alone, which the count depends on (not the sort, the page or its size); the day too.
    private static string CountKey(DealQuery query) => (query.AtPage(1) with { Sort = DealSortField.Announced, Descending = true, PageSize = DealQuery.DefaultPageSize }).ToQueryString();

    // Groups of three digits split by a space, which reads right in every locale (unlike a comma or a dot).
    private static string Number(long value) =>
        value.ToString("N0", CultureInfo.InvariantCulture).Replace(",", " ", StringComparison.Ordinal);
}
