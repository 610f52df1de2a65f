using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Organizations;
using AiDeals.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace AiDeals.Web.Features.MarketEvents;

public partial class MarketEventEditor
{
    private static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>
    {
        [nameof(MarketEventForm.Occurred)] = "Date",
        [nameof(MarketEventForm.Title)] = "Title",
        [nameof(MarketEventForm.Description)] = "Description",
        [nameof(MarketEventForm.OrganizationIds)] = "Organizations",
        [nameof(MarketEventForm.Amount)] = "Amount",
    };

    private MarketEventForm? _form;
    private EditContext? _editContext;
    private IReadOnlyList<OrganizationOption> _organizations = [];
    private long? _magnitude;
    private bool _loss;
    private bool _missing;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Parameter]
    public int? Id { get; set; }

    /// <summary>An organization a new event involves, by its address (from its profile's Add market event).</summary>
    [SupplyParameterFromQuery(Name = "organization")]
    public string? OrganizationSlug { get; set; }

    private bool IsNew => Id is null;

    private string Title => _missing ? "Market event not found" : IsNew ? "New market event" : "Edit market event";

    protected override async Task OnParametersSetAsync()
    {
        _missing = false;
        var form = Id is { } id ? await MarketEvents.GetFormAsync(id) : new MarketEventForm();
        if (form is null)
        {
            _missing = true;
            Navigation.NotFound();
            return;
        }

        if (IsNew && OrganizationSlug is not null && await Organizations.GetFormAsync(OrganizationSlug) is { } organization)
        {
            form.OrganizationIds.Add(organization.Id);
        }

        await UseAsync(form);
        _breadcrumbs = [new BreadcrumbItem("Market events", "/events"), new BreadcrumbItem(IsNew ? "New" : "Edit", href: null, disabled: true)];
    }

    private async Task UseAsync(MarketEventForm form)
    {
        _form = form;
        _editContext = new EditContext(form);
        await ShowChoicesAsync();
    }

    /// <summary>The amount as a magnitude and a sign, and the organizations the form picks; again after a merge took theirs.</summary>
    private async Task ShowChoicesAsync()
    {
        _magnitude = _form!.Amount is { } amount ? Math.Abs(amount) : null;
        _loss = _form.Amount < 0;
        var organizations = new List<OrganizationOption>();
        foreach (var id in _form.OrganizationIds)
        {
            if (await Lookups.GetAsync(id) is { } choice)
            {
                organizations.Add(choice);
            }
        }

        _organizations = organizations;
    }

    private string? MessageOf(string field) => _editContext.MessageOf(_form, field);

    private async Task<IEnumerable<OrganizationOption>> SearchOrganizationsAsync(string? text, CancellationToken cancellationToken) =>
        await Lookups.SearchAsync(text, 20, cancellationToken);

    private void OnOrganizationsChanged(IReadOnlyList<OrganizationOption> organizations)
    {
        _organizations = organizations;
        _form!.OrganizationIds = organizations.Select(o => o.Id).ToList();
        _editContext!.NotifyFieldChanged(_editContext.Field(nameof(MarketEventForm.OrganizationIds)));
    }

    private void OnMagnitudeChanged(long? magnitude)
    {
        _magnitude = magnitude;
        if (magnitude is null)
        {
            _loss = false;
        }

        SyncAmount();
    }

    private void OnLossChanged(bool loss)
    {
        _loss = loss;
        SyncAmount();
    }

    private void SyncAmount() => _form!.Amount = _magnitude is { } magnitude ? (_loss ? -magnitude : magnitude) : null;

    /// <summary>A form's values as the conflict compares them: the organizations (as picked now) by name, like theirs.</summary>
    private Task<IReadOnlyDictionary<string, string?>> DescribeAsync(object form)
    {
        var yours = Conflicts.Values(form);
        yours[nameof(MarketEventForm.OrganizationIds)] = Conflicts.Text(_organizations.Select(o => o.Name));
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(yours);
    }

    private async Task<CommandResult> SaveAsync(Actor actor) =>
        _form!.Id == 0 ? await Commands.RunAsync(actor, new CreateMarketEvent(_form)) : await Commands.RunAsync(actor, new UpdateMarketEvent(_form));

    private Task<EditorExit> SavedAsync(CommandResult result) =>
        Task.FromResult(new EditorExit(IsNew ? "Market event added." : "Market event saved.", "/events"));

    private async Task ReloadAsync(EditorReload reload)
    {
        if (await MarketEvents.GetFormAsync(_form!.Id) is { } current)
        {
            await UseAsync(current);
        }
        else
        {
            reload.Gone = true;
        }
    }

    private async Task<CommandResult> DeleteAsync(Actor actor) =>
        await Commands.RunAsync(actor, new DeleteMarketEvent(_form!.Id, _form.Version));
}
