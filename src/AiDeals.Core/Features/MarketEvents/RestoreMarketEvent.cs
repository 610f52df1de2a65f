using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.MarketEvents;

/// <summary>Brings a deleted market event back with its organization links; a live one stays as it is.</summary>
public sealed class RestoreMarketEvent(int id, int version) : MarketEventCommand(id, version)
{
    protected override bool FindsDeleted => true;

    protected override Task ApplyAsync(CommandScope scope, MarketEvent row)
    {
        row.DeletedAt = null;
        return Task.CompletedTask;
    }
}
