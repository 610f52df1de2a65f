using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Features.Sources;
using AiDeals.Core.Features.Valuations;

namespace AiDeals.Web.Features.History;

/// <summary>The command that restores a deleted record from the history, by the record's type.</summary>
public static class RestoreCommands
{
    /// <summary>The restore of the record, or null for a type the history cannot restore (an alias, a participant).</summary>
    public static Command? For(string entityType, int id, int version) => entityType switch
    {
        nameof(Organization) => new RestoreOrganization(id, version),
        nameof(Valuation) => new RestoreValuation(id, version),
        nameof(MarketEvent) => new RestoreMarketEvent(id, version),
        nameof(Deal) => new RestoreDeal(id),
        nameof(Source) => new RestoreSource(id, version),
        _ => null,
    };
}
