using AiDeals.Core.Data;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Valuations;

/// <summary>A command on a stored valuation: its conflict reads the organization and the deal by name.</summary>
public abstract class ValuationCommand(int id, int? version) : RowCommand<Valuation>(id, version)
{
    protected sealed override Task<ConflictInfo> DescribeConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken) =>
        ValuationForms.ConflictAsync(db, id, cancellationToken);
}
