using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Features.Valuations;
using AiDeals.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace AiDeals.Web.Features.Valuations;

public partial class ValuationEditor
{
    private static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>
    {
        [nameof(ValuationForm.OrganizationId)] = "Organization",
        [nameof(ValuationForm.AsOf)] = "As of",
        [nameof(ValuationForm.Amount)] = "Valuation",
        [nameof(ValuationForm.Kind)] = "Kind",
        [nameof(ValuationForm.DealId)] = "From deal",
    };

    private ValuationForm? _form;
    private EditContext? _editContext;
    private bool _missing;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private OrganizationOption? _organization;
    private IReadOnlyList<DealRef> _deals = [];

    [Parameter]
    public int? Id { get; set; }

    /// <summary>The organization a new valuation is for, by its address (from its profile's Add valuation).</summary>
    [SupplyParameterFromQuery(Name = "organization")]
    public string? OrganizationSlug { get; set; }

    private bool IsNew => Id is null;

    private string Title => _missing ? "Valuation not found" : IsNew ? "New valuation" : "Edit valuation";

    private string BackHref => _organization is { } organization ? OrganizationLinks.Profile(organization.Slug) : "/valuations";

    protected override async Task OnParametersSetAsync()
    {
        _missing = false;
        var form = Id is { } id ? await Valuations.GetFormAsync(id) : new ValuationForm();
        if (form is null)
        {
            _missing = true;
            Navigation.NotFound();
            return;
        }

        if (IsNew && OrganizationSlug is not null && await Organizations.GetFormAsync(OrganizationSlug) is { } organization)
        {
            form.OrganizationId = organization.Id;
        }

        await UseAsync(form);
        _breadcrumbs = [new BreadcrumbItem("Valuations", "/valuations"), new BreadcrumbItem(IsNew ? "New" : "Edit", href: null, disabled: true)];
    }

    private async Task UseAsync(ValuationForm form)
    {
        _form = form;
        _editContext = new EditContext(form);
        await ShowChoicesAsync();
    }

    /// <summary>The organization the form picks, and its deals to choose from; again after a merge took theirs.</summary>
    private async Task ShowChoicesAsync()
    {
        _organization = _form!.OrganizationId > 0 ? await Lookups.GetAsync(_form.OrganizationId) : null;
        _deals = _organization is null ? [] : await Valuations.DealChoicesAsync(_organization.Id);
    }

    private string? MessageOf(string field) => _editContext.MessageOf(_form, field);

    private async Task<IEnumerable<OrganizationOption>> SearchOrganizationsAsync(string? text, CancellationToken cancellationToken) =>
        await Lookups.SearchAsync(text, 20, cancellationToken);

    private async Task OnOrganizationChangedAsync(OrganizationOption? organization)
    {
        if (_form is null || _editContext is null)
        {
            return;
        }

        _organization = organization;
        _form.OrganizationId = organization?.Id ?? 0;
        _deals = organization is null ? [] : await Valuations.DealChoicesAsync(organization.Id);
        if (_form.DealId is { } deal && _deals.All(d => d.Id != deal))
        {
            _form.DealId = null;
        }

        _editContext.NotifyFieldChanged(_editContext.Field(nameof(ValuationForm.OrganizationId)));
    }

    /// <summary>A form's values as the conflict compares them: the organization (as picked now) and the deal by name, like theirs.</summary>
    private Task<IReadOnlyDictionary<string, string?>> DescribeAsync(object form)
    {
        var yours = Conflicts.Values(form);
        yours[nameof(ValuationForm.OrganizationId)] = _organization?.Name;
        yours[nameof(ValuationForm.DealId)] = _deals.FirstOrDefault(d => d.Id == ((ValuationForm)form).DealId)?.Title;
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(yours);
    }

    private async Task<CommandResult> SaveAsync(Actor actor) =>
        _form!.Id == 0 ? await Commands.RunAsync(actor, new CreateValuation(_form)) : await Commands.RunAsync(actor, new UpdateValuation(_form));

    private Task<EditorExit> SavedAsync(CommandResult result) =>
        Task.FromResult(new EditorExit(IsNew ? "Valuation added." : "Valuation saved.", BackHref));

    private async Task ReloadAsync(EditorReload reload)
    {
        if (await Valuations.GetFormAsync(_form!.Id) is { } current)
        {
            await UseAsync(current);
        }
        else
        {
            reload.Gone = true;
        }
    }

    private async Task<CommandResult> DeleteAsync(Actor actor) =>
        await Commands.RunAsync(actor, new DeleteValuation(_form!.Id, _form.Version));
}
