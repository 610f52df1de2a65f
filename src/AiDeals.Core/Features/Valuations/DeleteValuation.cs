using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Valuations;

public sealed class DeleteValuation(int id, int version) : ValuationCommand(id, version)
{
    protected override Task ApplyAsync(CommandScope scope, Valuation row)
    {
        scope.Db.Valuations.Remove(row);
        return Task.CompletedTask;
    }
}
