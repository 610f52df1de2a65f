using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace AiDeals.Web.Components.Layout;

public partial class NavMenu
{
    private static readonly NavEntry[] Everyone =
    [
        new("/", "Dashboard", Icons.Material.Filled.Dashboard, Prefix: false),
        new("/deals", "Deals", Icons.Material.Filled.Handshake),
        new("/organizations", "Organizations", Icons.Material.Filled.Business),
        new("/valuations", "Valuations", Icons.Material.Filled.ShowChart),
        new("/events", "Market events", Icons.Material.Filled.Event),
        new("/sources", "Sources", Icons.Material.Filled.Article),
    ];

    private static readonly NavEntry[] Analysts =
    [
        new("/intake", "News intake", Icons.Material.Filled.Newspaper),
        new("/import", "Import", Icons.Material.Filled.UploadFile),
        new("/history", "History", Icons.Material.Filled.History),
        new("/changes", "What changed", Icons.Material.Filled.Notifications),
        new("/saved-views", "Saved views", Icons.Material.Filled.Bookmarks),
    ];

    private static readonly NavEntry[] Admins =
    [
        new("/admin/users", "Users", Icons.Material.Filled.ManageAccounts),
        new("/admin/rates", "Exchange rates", Icons.Material.Filled.CurrencyExchange),
    ];

    private IReadOnlyList<NavEntry> _shown = Everyone;
    private string _path = "/";

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>A link of the menu was clicked (the layout closes its drawer where it lies over the page).</summary>
    [Parameter]
    public EventCallback OnNavigate { get; set; }

    protected override void OnInitialized()
    {
        _path = PathOf(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    // The links a reader may follow, as the pages' own policies decide: analysts' tools for analysts, admin pages for admins.
    protected override async Task OnParametersSetAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        var canEdit = await Authorization.AllowsAsync(AuthenticationState, Policies.CanEdit);
        _shown = [.. Everyone, .. canEdit ? Analysts : [], .. user?.IsInRole(Roles.Admin) == true ? Admins : []];
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = PathOf(e.Location);
        if (path != _path)
        {
            _path = path;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    // As NavLink matches: the dashboard on its own address only (whatever the query), a section on its address and below.
    private bool IsActive(NavEntry entry) => entry.Prefix
        ? _path.Equals(entry.Href, StringComparison.OrdinalIgnoreCase) || _path.StartsWith(entry.Href + "/", StringComparison.OrdinalIgnoreCase)
        : _path.Equals(entry.Href, StringComparison.OrdinalIgnoreCase);

    private string PathOf(string uri) => "/" + Navigation.ToBaseRelativePath(uri).Split('?', '#')[0].TrimEnd('/');

    private sealed record NavEntry(string Href, string Text, string Icon, bool Prefix = true);
}
