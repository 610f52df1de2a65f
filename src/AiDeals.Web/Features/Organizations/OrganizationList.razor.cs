using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Organizations;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AiDeals.Web.Features.Organizations;

/// <summary>
/// The organizations by name, a page at a time: a team's fifty thousand organizations were one page of 40 MB that took
/// 18 s to draw. The search, the types and the page live in the address.
/// </summary>
public partial class OrganizationList
{
    /// <summary>How many organizations a page shows.</summary>
    public const int DefaultPageSize = 50;

    private static readonly string[] LiveTypes = [nameof(Organization), nameof(OrganizationAlias), nameof(DealParticipant), nameof(Deal)];

    private PagedResult<OrganizationSummary>? _page;
    private IReadOnlyCollection<OrganizationType> _types = [];
    private int _pageNumber = 1;
    private bool _canEdit;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    /// <summary>The search from the address: /organizations?q=softbank.</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>Types from the address: /organizations?type=VentureFund&amp;type=SovereignFund.</summary>
    [SupplyParameterFromQuery(Name = "type")]
    public string[]? Type { get; set; }

    /// <summary>The page from the address, counted from 1: /organizations?page=3.</summary>
    [SupplyParameterFromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>How many organizations a page shows (<see cref="DefaultPageSize"/>).</summary>
    [Parameter]
    public int PageSize { get; set; } = DefaultPageSize;

    private int PageCount => _page is null ? 0 : Math.Max(1, PagesFor(_page.TotalCount));

    private string CountText => _page switch
    {
        null => "Loading…",
        { TotalCount: 1 } => "1 organization",
        { } page => string.Create(CultureInfo.InvariantCulture, $"{page.TotalCount:N0} organizations"),
    };

    protected override async Task OnInitializedAsync() => _canEdit = (await AuthState.GetActorAsync()).CanEdit;

    protected override async Task OnParametersSetAsync()
    {
        _types = (Type ?? [])
            .Select(t => Enum.TryParse<OrganizationType>(t, ignoreCase: true, out var type) && Enum.IsDefined(type) && !char.IsAsciiDigit(t[0]) ? type : (OrganizationType?)null)
            .OfType<OrganizationType>()
            .Distinct()
            .ToList();
        _pageNumber = PageNumber is > 0 and var number ? number : 1;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var page = await Organizations.ListAsync(Q, _types, new PageRequest(_pageNumber - 1, PageSize));
        if (page.Items.Count == 0 && page.TotalCount > 0)
        {
            // A page past the end (an old link, or organizations deleted meanwhile): the last page there is.
            _pageNumber = PagesFor(page.TotalCount);
            page = await Organizations.ListAsync(Q, _types, new PageRequest(_pageNumber - 1, PageSize));
        }

        _page = page;
    }

    private int PagesFor(int total) => (total + PageSize - 1) / PageSize;

    private string RangeText(PagedResult<OrganizationSummary> page)
    {
        var first = ((_pageNumber - 1) * PageSize) + 1;
        var last = first + page.Items.Count - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{first:N0}–{last:N0} of {page.TotalCount:N0}");
    }

    // The filters live in the address, so a link reproduces the list; a new filter starts on its first page.
    private void OnSearchChanged(string? search) => NavigateTo(search, _types, page: null);

    private void OnTypesChanged(IEnumerable<OrganizationType>? types) => NavigateTo(Q, types?.ToList() ?? [], page: null);

    private void GoToPage(int page) => NavigateTo(Q, _types, page);

    private void NavigateTo(string? search, IReadOnlyCollection<OrganizationType> types, int? page) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["q"] = FormText.Blank(search),
            ["type"] = types.Count == 0 ? null : types.Select(t => t.ToString()).ToArray(),
            ["page"] = page is > 1 ? page : null,
        }));
}
