using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Organizations;
using AiDeals.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace AiDeals.Web.Features.Organizations;

public partial class OrganizationEditor
{
    private static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>
    {
        [nameof(OrganizationForm.Name)] = "Name",
        [nameof(OrganizationForm.Aliases)] = "Aliases",
        [nameof(OrganizationForm.Type)] = "Type",
        [nameof(OrganizationForm.Country)] = "Country",
        [nameof(OrganizationForm.FoundedYear)] = "Founded",
        [nameof(OrganizationForm.Website)] = "Website",
        [nameof(OrganizationForm.Description)] = "Description",
    };

    private OrganizationForm? _form;
    private EditContext? _editContext;
    private AliasEditor? _aliasEditor;
    private string? _originalName;
    private bool _missing;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Parameter]
    public string? Slug { get; set; }

    private bool IsNew => Slug is null;

    private string Title => _missing ? "Organization not found" : IsNew ? "New organization" : $"Edit {_originalName ?? "organization"}";

    private string CancelHref => Slug is null ? "/organizations" : OrganizationLinks.Profile(Slug);

    protected override async Task OnParametersSetAsync()
    {
        _missing = false;
        if (Slug is null)
        {
            Use(new OrganizationForm());
            _breadcrumbs = [new BreadcrumbItem("Organizations", "/organizations"), new BreadcrumbItem("New", href: null, disabled: true)];
            return;
        }

        var form = await Organizations.GetFormAsync(Slug);
        if (form is null)
        {
            _missing = true;
            Navigation.NotFound();
            return;
        }

        Use(form);
        _breadcrumbs =
        [
            new BreadcrumbItem("Organizations", "/organizations"),
            new BreadcrumbItem(form.Name, OrganizationLinks.Profile(Slug)),
            new BreadcrumbItem("Edit", href: null, disabled: true),
        ];
    }

    private void Use(OrganizationForm form)
    {
        _form = form;
        _originalName = form.Id == 0 ? null : form.Name;
        _editContext = new EditContext(form);
    }

    private async Task<CommandResult> SaveAsync(Actor actor)
    {
        _aliasEditor?.AddTyped();
        return _form!.Id == 0
            ? await Commands.RunAsync(actor, new CreateOrganization(_form))
            : await Commands.RunAsync(actor, new UpdateOrganization(_form));
    }

    private async Task<EditorExit> SavedAsync(CommandResult result)
    {
        var saved = await Lookups.GetAsync(result.Id!.Value);
        var name = _form!.Name.Trim();
        return new EditorExit(IsNew ? $"Created {name}." : $"Saved {name}.", saved is null ? "/organizations" : OrganizationLinks.Profile(saved.Slug));
    }

    private async Task ReloadAsync(EditorReload reload)
    {
        if (await Organizations.GetFormAsync(_form!.Id) is { } current)
        {
            Use(current);
        }
        else
        {
            reload.Gone = true;
        }
    }
}
