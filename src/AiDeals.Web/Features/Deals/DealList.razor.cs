using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
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
    private PagedResult<DealSummary>? _result;
    private bool _loading;
    private CancellationTokenSource? _loadCancellation;
    private IReadOnlyList<OrganizationRef> _investorChips = [];
    private IReadOnlyList<OrganizationRef> _targetChips = [];

    private int PageCount => _result is null ? 1 : Math.Max(1, (int)Math.Ceiling(_result.TotalCount / (double)_query.PageSize));

    private string CountText => _result is null
        ? "Loading…"
        : _result.TotalCount == 1 ? "1 deal" : Number(_result.TotalCount) + " deals";

    private string PageRangeText
    {
        get
        {
            var total = _result?.TotalCount ?? 0;
            var first = ((_query.Page - 1) * _query.PageSize) + 1;
            var last = Math.Min(total, _query.Page * _query.PageSize);
            return first > total ? $"of {Number(total)}" : $"{Number(first)}–{Number(last)} of {Number(total)}";
        }
    }

    // Someone saved a deal or a name the rows show: the same view, read again.
    private Task RefreshAsync()
    {
        _loadedQuery = null;
        return LoadAsync();
    }

    protected override async Task OnInitializedAsync()
    {
        // The filters, with their chips, show while prerendering; the rows load once the circuit is up (OnAfterRender).
        _query = DealQuery.FromUri(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
        await LoadChipsAsync(CancellationToken.None);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await LoadAsync();
        }
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
                await LoadAsync();
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

    private async Task LoadAsync()
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
        _loading = true;
        StateHasChanged();
        try
        {
            await LoadChipsAsync(cancellation.Token);
            var result = await Deals.SearchAsync(_query.ToFilter(), _query.ToPageRequest(), cancellation.Token);
            if (result.Items.Count == 0 && result.TotalCount > 0 && _query.Page > 1)
            {
                // An address past the last page shows the last page (the address says so), not an empty table.
                var last = (int)Math.Ceiling(result.TotalCount / (double)_query.PageSize);
                Navigation.NavigateTo((_query with { Page = last }).ListHref(), replace: true);
                return;
            }

            _result = result;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
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
        NavigateTo(_query with { Sort = field, Descending = DealQuery.DescendsFirst(field), Page = 1 });

    private void OnPageChanged(int page) => NavigateTo(_query with { Page = page });

    private void OnPageSizeChanged(int size) => NavigateTo(_query with { PageSize = size, Page = 1 });

    private void ClearFilters() => NavigateTo(_query.Cleared());

    // Groups of three digits split by a space, which reads right in every locale (unlike a comma or a dot).
    private static string Number(int value) =>
        value.ToString("N0", CultureInfo.InvariantCulture).Replace(",", " ", StringComparison.Ordinal);
}
