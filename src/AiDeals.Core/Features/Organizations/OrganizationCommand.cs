using AiDeals.Core.Data;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Organizations;

/// <summary>A command on a stored organization: its conflict reads the organization with its aliases.</summary>
public abstract class OrganizationCommand(int id, int? version) : RowCommand<Organization>(id, version)
{
    protected sealed override Task<ConflictInfo> DescribeConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken) =>
        OrganizationForms.ConflictAsync(db, id, cancellationToken);
}
