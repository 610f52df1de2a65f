using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace AiDeals.Web.Components.Shared;

/// <summary>
/// Runs an editor's save and delete and shows their outcome: Saved leads on with a message, Invalid puts the messages
/// on their fields, Conflict shows theirs beside yours with "Reload theirs" and "Save merged", NotFound and
/// Forbidden say so above the buttons. It knows nothing of how a record is saved: the page hands it delegates.
/// </summary>
public sealed partial class EditorShell : IDisposable
{
    private CommandValidator? _validator;
    private EditContext? _shownContext;
    private ConflictInfo? _conflict;
    private IReadOnlyDictionary<string, string?> _yours = new Dictionary<string, string?>();
    private IReadOnlyDictionary<string, string?>? _loaded;
    private object? _loadedModel;
    private EditContext? _watchedContext;
    private DraftSlot? _slot;
    private EditorDraft? _draft;
    private bool _busy;

    [Parameter, EditorRequired]
    public EditContext EditContext { get; set; } = default!;

    /// <summary>The fields.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>"market event", "deal": the record in the messages and in the conflict's heading.</summary>
    [Parameter, EditorRequired]
    public string RecordName { get; set; } = "record";

    /// <summary>What to call each field in the conflict, in the order to show them.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string>? FieldLabels { get; set; }

    /// <summary>Creates or updates the record from the form, as the user who pressed Save.</summary>
    [Parameter, EditorRequired]
    public Func<Actor, Task<CommandResult>> Save { get; set; } = default!;

    /// <summary>What the snackbar says after a save, and where the editor leads.</summary>
    [Parameter, EditorRequired]
    public Func<CommandResult, Task<EditorExit>> Saved { get; set; } = default!;

    /// <summary>
    /// The shell put other values into the form's fields (a merge took theirs, a kept draft came back): the page shows
    /// again what it keeps beside the form, such as the names of the records its ids pick.
    /// </summary>
    [Parameter]
    public Func<Task>? Refilled { get; set; }

    /// <summary>"Reload theirs": the page loads the record as it is saved now.</summary>
    [Parameter, EditorRequired]
    public EventCallback<EditorReload> Reload { get; set; }

    /// <summary>
    /// A form (the analyst's, or a copy of it as loaded) as the conflict compares it with theirs; by default
    /// <see cref="Conflicts.Values"/> of it. A page whose form holds ids puts the names in, as the command does for theirs.
    /// </summary>
    [Parameter]
    public Func<object, Task<IReadOnlyDictionary<string, string?>>>? Describe { get; set; }

    /// <summary>Deletes the record, as the user who confirmed; no Delete button without it.</summary>
    [Parameter]
    public Func<Actor, Task<CommandResult>>? Delete { get; set; }

    /// <summary>What the delete confirmation says happens ("It disappears from the lists…").</summary>
    [Parameter]
    public string DeleteWarning { get; set; } = string.Empty;

    /// <summary>Where the editor leads after a delete; the cancel address by default.</summary>
    [Parameter]
    public string? DeletedHref { get; set; }

    /// <summary>What a user who may not save is told ("Only analysts can record valuations.").</summary>
    [Parameter, EditorRequired]
    public string ForbiddenText { get; set; } = string.Empty;

    /// <summary>What a save of a record deleted meanwhile says; by default it points to the history.</summary>
    [Parameter]
    public string? DeletedMeanwhileText { get; set; }

    [Parameter, EditorRequired]
    public string SaveText { get; set; } = "Save changes";

    [Parameter]
    public string SaveTestId { get; set; } = "save";

    [Parameter, EditorRequired]
    public string CancelHref { get; set; } = "/";

    /// <summary>The fields come as papers of their own (a long form): the buttons follow them instead of sharing one paper.</summary>
    [Parameter]
    public bool Sections { get; set; }

    /// <summary>A form longer than a screen: a snackbar says a field needs fixing, as the marked field may be out of sight.</summary>
    [Parameter]
    public bool WarnWhenInvalid { get; set; }

    /// <summary>Attributes of the form element, such as its data-testid.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? FormAttributes { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    [Inject]
    private EditorDrafts Drafts { get; set; } = default!;

    private EventCallback DeleteCallback => Delete is null ? default : EventCallback.Factory.Create(this, DeleteAsync);

    /// <summary>Drops the command's messages, e.g. when removing a row renumbers the rows they are keyed by.</summary>
    public void ClearMessages() => _validator?.Clear();

    protected override async Task OnParametersSetAsync()
    {
        // Another record, or theirs reloaded: the new form starts without the old conflict.
        if (!ReferenceEquals(EditContext, _shownContext))
        {
            _shownContext = EditContext;
            _conflict = null;
        }

        // The form as loaded, which a conflict compares with theirs and the analyst's to tell who changed which field (a
        // new record cannot conflict): a copy taken before any await, as the fields are on screen while it is described.
        if (!ReferenceEquals(EditContext.Model, _loadedModel))
        {
            _loadedModel = EditContext.Model;
            _loaded = EditContext.Model is IEditForm { Id: > 0 } ? await DescribeAsync(EditorDrafts.Copy(EditContext.Model)) : null;
            await OfferDraftAsync();
        }

        // Every change is kept as a draft until it is saved, so that a circuit that ends takes nothing with it.
        if (!ReferenceEquals(EditContext, _watchedContext))
        {
            _watchedContext?.OnFieldChanged -= KeepDraft;
            _watchedContext = EditContext;
            _watchedContext.OnFieldChanged += KeepDraft;
        }
    }

    public void Dispose() => _watchedContext?.OnFieldChanged -= KeepDraft;

    /// <summary>A draft kept from an earlier visit to this editor (named by its address without the query), if any.</summary>
    private async Task OfferDraftAsync()
    {
        var editor = Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0];
        _slot = Drafts.Slot((await AuthState.GetActorAsync()).UserName, editor);
        _draft = _slot.Offer(EditContext.Model);
    }

    private void KeepDraft(object? sender, FieldChangedEventArgs e) => _slot?.Keep(EditContext.Model, _loaded);

    private async Task RestoreDraftAsync()
    {
        if (_draft is not { } draft)
        {
            return;
        }

        draft.CopyInto(EditContext.Model);
        // The draft's changes were made on the form as it was loaded then; a save against a newer version merges from there.
        _loaded = draft.Loaded ?? _loaded;
        _draft = null;
        if (Refilled is not null)
        {
            await Refilled();
        }

        EditContext.NotifyValidationStateChanged();
        Snackbar.Add($"Your unsaved changes are back in the form. Save to keep them.", Severity.Info);
    }

    private void DiscardDraft()
    {
        _slot?.Discard();
        _draft = null;
    }

    private async Task SaveAsync()
    {
        if (_busy)
        {
            return;
        }

        // EditForm checked the form before a submit, but "Save mine over theirs" comes here without one; and a field
        // whose text could not be read (ParsedInputBase) has its message in the EditContext: no save while it does.
        if (!EditContext.Validate())
        {
            OnInvalidSubmit();
            return;
        }

        _busy = true;
        try
        {
            var unchanged = _loaded is not null && Conflicts.SameValues(_loaded, await DescribeAsync(EditContext.Model));
            var result = await Save(await AuthState.GetActorAsync());
            _conflict = null;
            switch (result.Outcome)
            {
                case CommandOutcome.Saved:
                    var exit = await Saved(result);
                    _slot?.Discard();
                    // A save that changed nothing says so, rather than "saved" over a form that holds nothing new.
                    Snackbar.Add(
                        unchanged ? $"Nothing was changed, so the {RecordName} stays as it was." : exit.Message,
                        unchanged ? Severity.Info : Severity.Success);

                    Navigation.NavigateTo(exit.Href);
                    break;
                case CommandOutcome.Invalid:
                    _validator?.Show(result.Errors);
                    OnInvalidSubmit();
                    break;
                case CommandOutcome.Conflict:
                    await ShowConflictAsync(result.Conflict!);
                    break;
                case CommandOutcome.NotFound:
                    _validator?.ShowFormMessage(DeletedMeanwhileText ?? $"This {RecordName} was deleted meanwhile. Restore it from the history to edit it again.");
                    break;
                default:
                    _validator?.ShowFormMessage(ForbiddenText);
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void OnInvalidSubmit()
    {
        if (WarnWhenInvalid)
        {
            Snackbar.Add("Not saved: fix the fields marked in red.", Severity.Warning);
        }
    }

    private async Task ShowConflictAsync(ConflictInfo conflict)
    {
        _validator?.Clear();
        _yours = await DescribeAsync(EditContext.Model);
        _conflict = conflict;
        var who = string.IsNullOrWhiteSpace(conflict.ChangedBy) ? "Another user" : conflict.ChangedBy;
        Announcer.Urgent($"Not saved: {who} saved this {RecordName} while you were editing. Compare their values with yours below, then reload theirs or save merged.");
    }

    private async Task<IReadOnlyDictionary<string, string?>> DescribeAsync(object form) =>
        Describe is null ? Conflicts.Values(form) : await Describe(form);

    /// <summary>
    /// "Save merged": the form moves onto their version, taking theirs where only they changed a field or where the
    /// analyst chose theirs, and is saved; replacing any of their changes says so in the history.
    /// </summary>
    private async Task SaveMergedAsync(IReadOnlyDictionary<string, bool> keepsMine)
    {
        if (_conflict is not { } conflict || EditContext.Model is not IEditForm form)
        {
            return;
        }

        // The analyst may have typed on while the panel was open: the merge takes the form as it is now, and a field
        // both changed since the panel opened shows the conflict again, with its question.
        if (!ConflictMerge.TryApply(form, conflict, _loaded, await DescribeAsync(EditContext.Model), keepsMine))
        {
            await ShowConflictAsync(conflict);
            return;
        }

        // The form now stands on their version: a later conflict compares with theirs as the form's starting point.
        _loaded = conflict.Theirs;
        if (Refilled is not null)
        {
            await Refilled();
        }

        await SaveAsync();
    }

    private async Task ReloadTheirsAsync()
    {
        _busy = true;
        try
        {
            var reload = new EditorReload();
            await Reload.InvokeAsync(reload);
            _conflict = null;
            _slot?.Discard();
            if (reload.Gone)
            {
                _validator?.ShowFormMessage($"This {RecordName} was deleted meanwhile.");
            }
            else
            {
                Snackbar.Add($"Showing the {RecordName} as it is saved now.", Severity.Info);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Delete this {RecordName}?", $"{DeleteWarning} An analyst can restore it from the history.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true || Delete is null)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Delete(await AuthState.GetActorAsync());
            switch (result.Outcome)
            {
                case CommandOutcome.Saved:
                    _slot?.Discard();
                    Snackbar.Add($"{char.ToUpperInvariant(RecordName[0])}{RecordName[1..]} deleted. Restore it from the history if that was a mistake.", Severity.Success);
                    Navigation.NavigateTo(DeletedHref ?? CancelHref);
                    break;
                case CommandOutcome.Conflict:
                    await ShowConflictAsync(result.Conflict!);
                    break;
                case CommandOutcome.Forbidden:
                    _validator?.ShowFormMessage($"Only analysts can delete {RecordName}s.");
                    break;
                default:
                    _validator?.ShowFormMessage($"This {RecordName} is gone already.");
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
