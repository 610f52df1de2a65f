using AiDeals.Core.Data;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Sources;

/// <summary>A command on a stored source.</summary>
public abstract class SourceCommand(int id, int? version) : RowCommand<Source>(id, version)
{
    protected sealed override Task<ConflictInfo> DescribeConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken) =>
        SourceForms.ConflictAsync(db, id, cancellationToken);
}
