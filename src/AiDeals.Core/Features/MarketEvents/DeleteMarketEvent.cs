using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.MarketEvents;

public sealed class DeleteMarketEvent(int id, int version) : MarketEventCommand(id, version)
{
    protected override Task ApplyAsync(CommandScope scope, MarketEvent row)
    {
        // The organization links stay: they are hidden with the event and come back when it is restored.
        scope.Db.MarketEvents.Remove(row);
        return Task.CompletedTask;
    }
}
