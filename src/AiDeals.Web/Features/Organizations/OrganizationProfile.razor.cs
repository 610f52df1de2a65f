using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Organizations;
using AiDeals.Web.Components.Shared;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AiDeals.Web.Features.Organizations;

public partial class OrganizationProfile
{
    // Qualified: this page is named after the record it shows.
    private AiDeals.Core.Features.Organizations.OrganizationProfile? _profile;
    private bool _missing;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private DeletedOrganization? _deleted;
    private IReadOnlyList<ChangeRecord> _history = [];
    private ReferenceNames _references = ReferenceNames.None;
    private bool _canEdit;
    private bool _busy;

    [Parameter]
    public string Slug { get; set; } = string.Empty;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    /// <summary>The profile as the prerender read it, for the circuit that starts on the page to show without reading again.</summary>
    [PersistentState]
    public OrganizationProfileState? Loaded { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _canEdit = (await AuthState.GetActorAsync()).CanEdit;
        if (_profile?.Slug != Slug)
        {
            _profile = null;
        }

        _missing = false;
        if (_profile is null && _deleted is null && Loaded is { } loaded && loaded.Profile.Slug == Slug)
        {
            _history = loaded.History;
            _references = loaded.References;
            Show(loaded.Profile);
            return;
        }

        var profile = await Profiles.GetProfileAsync(Slug);
        if (profile is null && _profile is { } shown && await Lookups.GetAsync(shown.Id) is { } renamed)
        {
            // Renamed while open here: its address moved with its name.
            Navigation.NavigateTo(OrganizationLinks.Profile(renamed.Slug), replace: true);
            return;
        }

        if (profile is null)
        {
            // Read before any field changes: a reload running beside this one (a save heard meanwhile) renders at its
            // own awaits, and must not show "not found" before the server has been told the answer is 404.
            var deleted = await Organizations.FindDeletedAsync(Slug);
            _profile = null;
            _missing = true;
            _deleted = deleted;
            if (_deleted is null)
            {
                Navigation.NotFound();
            }

            return;
        }

        _deleted = null;
        _history = await History.ListForOrganizationAsync(profile.Id);
        _references = await History.NameReferencesAsync(_history);
        Loaded = new OrganizationProfileState(profile, _history, _references);
        Show(profile);
    }

    private void Show(AiDeals.Core.Features.Organizations.OrganizationProfile profile)
    {
        _breadcrumbs = [new BreadcrumbItem("Organizations", "/organizations"), new BreadcrumbItem(profile.Name, href: null, disabled: true)];
        _profile = profile;
    }

    private static string HistoryLabelOf(ChangeRecord change) =>
        change.EntityType == nameof(OrganizationAlias) ? "Alias" : "Organization";

    private static string HistoryLink(int id) => $"/history?type=Organization&id={id}";

    private async Task DeleteAsync()
    {
        if (_profile is not { } profile)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Delete {profile.Name}?",
            $"{profile.Name} disappears from the lists. An analyst can restore it from its history.",
            yesText: "Delete",
            cancelText: "Cancel");
        if (confirmed == true)
        {
            await RunAsync(actor => Commands.RunAsync(actor, new DeleteOrganization(profile.Id, profile.Version)), $"Deleted {profile.Name}.");
        }
    }

    private async Task RestoreAsync()
    {
        if (_deleted is { } deleted)
        {
            await RunAsync(actor => Commands.RunAsync(actor, new RestoreOrganization(deleted.Id, deleted.Version)), $"Restored {deleted.Name}.");
        }
    }

    /// <summary>Runs a command as the current user (read afresh: the role may have changed), says how it went, reloads.</summary>
    private async Task RunAsync(Func<Actor, Task<CommandResult>> command, string done)
    {
        _busy = true;
        try
        {
            var result = await command(await AuthState.GetActorAsync());
            var (message, severity) = result.Outcome switch
            {
                CommandOutcome.Saved => (done, Severity.Success),
                CommandOutcome.Forbidden => ("Only analysts can do this.", Severity.Error),
                CommandOutcome.NotFound => ("The organization is gone: someone else deleted it.", Severity.Warning),
                CommandOutcome.Conflict => ($"{result.Conflict?.ChangedBy ?? "Someone"} changed this organization meanwhile: look again, then retry.", Severity.Warning),
                _ => (string.Join(" ", result.Errors.Values.SelectMany(m => m)), Severity.Error),
            };
            Snackbar.Add(message, severity);
            await OnParametersSetAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task MergeAsync()
    {
        if (_profile is not { } profile)
        {
            return;
        }

        var parameters = new DialogParameters<OrganizationMergeDialog>
        {
            { d => d.Survivor, new OrganizationOption(profile.Id, profile.Name, profile.Slug, []) },
        };
        var dialog = await Dialogs.ShowAsync<OrganizationMergeDialog>(
            "Merge", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string merged })
        {
            Snackbar.Add($"Merged {merged} into {profile.Name}.", Severity.Success);
            await OnParametersSetAsync();
        }
    }
}
