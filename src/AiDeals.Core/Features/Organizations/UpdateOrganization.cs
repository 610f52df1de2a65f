using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>Saves the form over the organization it was loaded from, if nobody saved it since; a new name moves its address.</summary>
public sealed class UpdateOrganization(OrganizationForm form) : OrganizationCommand(form?.Id ?? 0, form?.Version)
{
    public OrganizationForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override void Validate(FieldErrors errors) => OrganizationValidator.Validate(Form, errors);

    protected override IQueryable<Organization> Load(IQueryable<Organization> rows) => rows.Include(o => o.Aliases);

    protected override Task CheckAsync(CommandScope scope, Organization row) =>
        OrganizationValidator.CheckAsync(scope.Db, Form, scope.Errors, scope.CancellationToken);

    protected override async Task ApplyAsync(CommandScope scope, Organization row)
    {
        var name = Form.Name.Trim();
        if (OrganizationSlug.Of(name) != OrganizationSlug.Of(row.Name))
        {
            row.Slug = await OrganizationSlug.UniqueAsync(scope.Db, name, row.Id, scope.CancellationToken);
        }

        row.Name = name;
        OrganizationForms.Apply(Form, row);
        OrganizationForms.ReplaceAliases(scope.Db, row, Form.CleanAliases());

        // An alias-only edit changes no column of the organization: raise its version anyway, so that a form opened
        // before it conflicts instead of silently putting the old aliases back.
        scope.Db.Entry(row).Property(o => o.Version).IsModified = true;
    }

    protected internal override Task<CommandResult?> SaveRefusedAsync(AiDealsDbContext fresh, DbUpdateException exception, CancellationToken cancellationToken) =>
        OrganizationForms.NamesTakenAsync(fresh, exception, Id, Form.Name.Trim(), Form.CleanAliases(), cancellationToken);
}
