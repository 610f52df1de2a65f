using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// A command on a stored deal: its conflict names the organizations, the wider deals and the sources, and lists the
/// participants and citations, as the deal's version stands for them too.
/// </summary>
public abstract class DealCommand(int id, int? version) : RowCommand<Deal>(id, version)
{
    protected sealed override Task<ConflictInfo> DescribeConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken) =>
        DealDescriptions.ConflictAsync(db, id, cancellationToken);

    /// <summary>The deal with its live participants, citations and links to wider deals, for a command that changes them with it.</summary>
    protected static IQueryable<Deal> WithRows(IQueryable<Deal> deals) =>
        deals.Include(d => d.Participants).Include(d => d.Citations).Include(d => d.PartOf).AsSplitQuery();
}
