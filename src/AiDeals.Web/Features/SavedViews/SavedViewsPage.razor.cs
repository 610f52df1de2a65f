using AiDeals.Core.Features;
using AiDeals.Core.Features.SavedViews;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AiDeals.Web.Features.SavedViews;

/// <summary>The analyst's saved views and the team's shared ones: open, rename (own) and delete (own; admins also shared ones).</summary>
public partial class SavedViewsPage
{
    private static readonly string[] LiveTypes = [nameof(SavedView)];

    private IReadOnlyList<SavedViewSummary>? _views;
    private bool _isAdmin;
    private bool _busy;

    [Inject]
    private SavedViewQueries Views { get; set; } = default!;

    [Inject]
    private CommandRunner Commands { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var actor = await AuthState.GetActorAsync();
        _isAdmin = actor.IsAdmin;
        _views = await Views.ListAsync(actor);
    }

    private async Task RenameAsync(SavedViewSummary view)
    {
        var parameters = new DialogParameters<SaveViewDialog> { { d => d.Existing, view } };
        var dialog = await Dialogs.ShowAsync<SaveViewDialog>("Rename", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(SavedViewSummary view)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Delete {view.Name}?",
            view.IsShared ? "The view goes from every analyst's menu. The deals it shows stay as they are." : "The deals it shows stay as they are.",
            yesText: "Delete", cancelText: "Keep it");
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Commands.RunAsync(await AuthState.GetActorAsync(), new DeleteSavedView(view.Id, view.Version));
            Snackbar.Add(
                result.IsSaved ? $"Deleted the view \"{view.Name}\"."
                : result.Outcome == CommandOutcome.Conflict ? "The view changed meanwhile: look again and delete it then."
                : string.Join(" ", result.Errors.Values.SelectMany(m => m).DefaultIfEmpty("The view is gone already.")),
                result.IsSaved ? Severity.Success : Severity.Warning);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
