using AiDeals.Core.Data;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.MarketEvents;

/// <summary>A command on a stored market event: its conflict reads the organizations by name.</summary>
public abstract class MarketEventCommand(int id, int? version) : RowCommand<MarketEvent>(id, version)
{
    protected sealed override Task<ConflictInfo> DescribeConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken) =>
        MarketEventForms.ConflictAsync(db, id, cancellationToken);
}
