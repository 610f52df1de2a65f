using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace AiDeals.Web.Features.Deals;

public partial class DealEditor
{
    private static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(DealForm.Title)] = "Title",
        [nameof(DealForm.Kind)] = "Kind",
        [nameof(DealForm.Status)] = "Status",
        [nameof(DealForm.TargetId)] = "Target",
        [nameof(DealForm.PartOfIds)] = "Part of",
        [nameof(DealForm.Currency)] = "Amount: currency",
        [nameof(DealForm.AmountQualifier)] = "Amount: how sure",
        [nameof(DealForm.AmountLow)] = "Amount: low",
        [nameof(DealForm.AmountHigh)] = "Amount: high",
        [nameof(DealForm.AnnouncedOn)] = "Announced",
        [nameof(DealForm.ClosedOn)] = "Closed",
        [nameof(DealForm.Participants)] = "Participants",
        [nameof(DealForm.Citations)] = "Evidence",
        [nameof(DealForm.Notes)] = "Notes",
        [nameof(DealForm.OutcomeNote)] = "Outcome",
    };

    // The organization or source each participant or citation row shows, by row: the form itself holds only ids.
    private readonly Dictionary<object, EntityOption?> _picks = new(ReferenceEqualityComparer.Instance);

    private DealForm? _form;
    private EditContext? _editContext;
    private EditorShell? _shell;
    private EntityOption? _target;
    private IReadOnlyList<EntityOption> _wider = [];
    private List<BreadcrumbItem> _breadcrumbs = [];
    private DeletedDeal? _deleted;
    private bool _missing;

    [Parameter]
    public int? Id { get; set; }

    /// <summary>
    /// The form and its names as the prerender read them, carried into the circuit in the page: the circuit that starts on
    /// the page shows the same form at once (no loading bar replacing fields a keyboard user may already be in) and reads
    /// nothing again.
    /// </summary>
    [PersistentState]
    public DealEditorState? Loaded { get; set; }

    private bool IsNew => Id is null;

    private string Heading => IsNew ? "New deal" : "Edit deal";

    private string CancelHref => IsNew ? "/deals" : $"/deals/{Id}";

    protected override async Task OnParametersSetAsync()
    {
        _missing = false;
        if (_form is null && Loaded is { } loaded && loaded.DealId == Id)
        {
            Use(loaded.Form, loaded.Names);
            return;
        }

        var form = IsNew ? new DealForm() : await Forms.GetFormAsync(Id!.Value);
        if (form is null)
        {
            // As on the deal's page: a deal that never was answers 404; a deleted one keeps the way to restore it.
            _deleted = await Details.FindDeletedAsync(Id!.Value);
            _missing = true;
            if (_deleted is null)
            {
                Navigation.NotFound();
            }

            return;
        }

        await UseAsync(form);
    }

    private async Task UseAsync(DealForm form)
    {
        var names = await Forms.NameFormAsync(form);
        Loaded = new DealEditorState(Id, form, names);
        Use(form, names);
    }

    private void Use(DealForm form, DealFormNames names)
    {
        ShowNames(form, names);
        _breadcrumbs =
        [
            new BreadcrumbItem("Deals", "/deals"),
            .. IsNew ? Array.Empty<BreadcrumbItem>() : [new BreadcrumbItem(form.Title, $"/deals/{Id}")],
            new BreadcrumbItem(IsNew ? "New" : "Edit", href: null, disabled: true),
        ];
        _form = form;
        _editContext = new EditContext(form);
    }

    /// <summary>The names of the organizations, sources and wider deals the form picks by id; again after a merge took theirs.</summary>
    private void ShowNames(DealForm form, DealFormNames names)
    {
        _picks.Clear();
        foreach (var participant in form.Participants)
        {
            _picks[participant] = participant.OrganizationId is { } id ? names.Organizations.GetValueOrDefault(id)?.ToEntityOption() : null;
        }

        foreach (var citation in form.Citations)
        {
            _picks[citation] = citation.SourceId is { } id ? names.Sources.GetValueOrDefault(id) : null;
        }

        _target = form.TargetId is { } targetId ? names.Organizations.GetValueOrDefault(targetId)?.ToEntityOption() : null;
        _wider = [.. form.PartOfIds.Select(id => names.Wider.GetValueOrDefault(id) ?? new EntityOption(id, "#" + id, null))];
    }

    private async Task RefillNamesAsync() => ShowNames(_form!, await Forms.NameFormAsync(_form!));

    private async Task<CommandResult> SaveAsync(Actor actor) =>
        IsNew ? await Commands.RunAsync(actor, new CreateDeal(_form!)) : await Commands.RunAsync(actor, new UpdateDeal(_form!));

    private Task<EditorExit> SavedAsync(CommandResult result) =>
        Task.FromResult(new EditorExit(IsNew ? "Deal created." : "Deal saved.", $"/deals/{result.Id}"));

    private async Task ReloadAsync(EditorReload reload)
    {
        if (await Forms.GetFormAsync(_form!.Id) is { } current)
        {
            await UseAsync(current);
        }
        else
        {
            reload.Gone = true;
        }
    }

    /// <summary>A form's values as the conflict compares them: organizations, sources and the wider deals by name, like theirs.</summary>
    private Task<IReadOnlyDictionary<string, string?>> DescribeAsync(object form) => Forms.DescribeFormAsync((DealForm)form);

    // Removing a row renumbers the rows after it: the command's messages, keyed by position, would land on the wrong rows.
    private void OnRowRemoved() => _shell?.ClearMessages();

    private string? MessageOf(string field) => _editContext.MessageOf(_form, field);

    // The pickers of this form take any record (organizations, the wider deals, sources) as an EntityOption.
    private async Task<IReadOnlyList<EntityOption>> SearchOrganizationsAsync(string? text, CancellationToken cancellationToken) =>
        [.. (await Lookups.SearchAsync(text, cancellationToken: cancellationToken)).Select(o => o.ToEntityOption())];

    private Task<IReadOnlyList<EntityOption>> SearchWiderAsync(string? text, CancellationToken cancellationToken) =>
        Forms.SearchWiderOptionsAsync(text, Id, cancellationToken: cancellationToken);

    private Task<IReadOnlyList<EntityOption>> SearchSourcesAsync(string? text, CancellationToken cancellationToken) =>
        Sources.SearchAsync(text, cancellationToken: cancellationToken);

    private void SetTarget(EntityOption? option)
    {
        _target = option;
        _form!.TargetId = option?.Id;
        _editContext!.NotifyFieldChanged(new FieldIdentifier(_form, nameof(DealForm.TargetId)));
    }

    private void SetWider(IReadOnlyList<EntityOption> picked)
    {
        _wider = picked;
        _form!.PartOfIds = [.. picked.Select(p => p.Id)];
        _editContext!.NotifyFieldChanged(new FieldIdentifier(_form, nameof(DealForm.PartOfIds)));
    }
}
