using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>Adds an organization with its aliases, at an address made from its name.</summary>
public sealed class CreateOrganization(OrganizationForm form) : CreateCommand<Organization>
{
    private string? _slug;

    public OrganizationForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override void Validate(FieldErrors errors) => OrganizationValidator.Validate(Form, errors);

    protected override async Task CheckAsync(CommandScope scope)
    {
        await OrganizationValidator.CheckAsync(scope.Db, Form, scope.Errors, scope.CancellationToken);

        if (!scope.Errors.Any)
        {
            // The address is read here, with the database at hand: Create() builds the row without it.
            _slug = await OrganizationSlug.UniqueAsync(scope.Db, Form.Name.Trim(), 0, scope.CancellationToken);
        }
    }

    protected override Organization Create()
    {
        var organization = new Organization { Name = Form.Name.Trim(), Slug = _slug! };
        OrganizationForms.Apply(Form, organization);
        organization.Aliases.AddRange(Form.CleanAliases().Select(a => new OrganizationAlias { Name = a }));
        return organization;
    }

    protected internal override Task<CommandResult?> SaveRefusedAsync(AiDealsDbContext fresh, DbUpdateException exception, CancellationToken cancellationToken) =>
        OrganizationForms.NamesTakenAsync(fresh, exception, 0, Form.Name.Trim(), Form.CleanAliases(), cancellationToken);
}
