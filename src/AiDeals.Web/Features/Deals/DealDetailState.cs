using AiDeals.Core.Features.History;

namespace AiDeals.Web.Features.Deals;

/// <summary>
/// What a deal's page read for one deal: the deal, its history and the names the history shows, carried as JSON from the
/// prerendered page into the circuit (<c>[PersistentState]</c>), so that a visit reads the deal once.
/// </summary>
public sealed record DealDetailState(
    AiDeals.Core.Features.Deals.DealDetail Detail,
    IReadOnlyList<ChangeRecord> History,
    ReferenceNames References);
