using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Valuations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.SaveBurst;

/// <summary>
/// An analyst saving as fast as the runner lets them: new deals (each with a participant, so a save writes several
/// rows), new notes on stored deals, new valuations and corrected valuation amounts, chosen by a generator seeded with
/// the round so that a failing round can be run again.
/// </summary>
internal sealed class Burst(IServiceProvider services, Actor analyst, int round)
{
    // Enough to outlast any kill the test makes; a burst that ends on its own is a failure the test reports.
    private const int MaxSaves = 20_000;

    private readonly Random _random = new(round);
    private readonly CommandRunner _commands = services.GetRequiredService<CommandRunner>();
    private List<int> _organizations = [];
    private List<int> _deals = [];
    private List<int> _valuations = [];

    public async Task RunAsync(TextWriter output)
    {
        await LoadIdsAsync();
        for (var n = 1; n <= MaxSaves; n++)
        {
            var save = _random.Next(100) switch
            {
                < 25 => await CreateDealAsync(n),
                < 60 => await UpdateDealAsync(n),
                < 80 => await CreateValuationAsync(n),
                _ => await UpdateValuationAsync(n),
            };

            // Written only now that the runner has said saved: every line stands for a committed save.
            await output.WriteLineAsync(save.ToString());
            await output.FlushAsync();
        }
    }

    private async Task<BurstLine> CreateDealAsync(int n)
    {
        var (target, partner) = TwoOrganizations();
        var form = new DealForm
        {
            Title = $"Burst round {round} deal {n}",
            Kind = DealKind.EquityInvestment,
            Status = DealStatus.Announced,
            TargetId = target,
            Notes = NotesValue(n),
            Participants = [new ParticipantForm { OrganizationId = partner, Role = ParticipantRole.Lead }],
        };
        var saved = await SaveAsync(new CreateDeal(form));
        _deals.Add(saved.Id!.Value);
        return new BurstLine(nameof(Deal), saved.Id.Value, saved.Version!.Value, form.Notes);
    }

    private async Task<BurstLine> UpdateDealAsync(int n)
    {
        var id = _deals[_random.Next(_deals.Count)];
        var form = await services.GetRequiredService<DealFormQueries>().GetFormAsync(id)
            ?? throw new InvalidOperationException($"Deal {id} is gone.");
        form.Notes = NotesValue(n);
        var saved = await SaveAsync(new UpdateDeal(form));
        return new BurstLine(nameof(Deal), id, saved.Version!.Value, form.Notes);
    }

    private async Task<BurstLine> CreateValuationAsync(int n)
    {
        var form = new ValuationForm
        {
            OrganizationId = _organizations[_random.Next(_organizations.Count)],
            AsOf = "2025-03",
            Amount = AmountValue(n),
            Kind = ValuationKind.PostMoney,
        };
        var saved = await SaveAsync(new CreateValuation(form));
        _valuations.Add(saved.Id!.Value);
        return new BurstLine(nameof(Valuation), saved.Id.Value, saved.Version!.Value, Text(form.Amount));
    }

    private async Task<BurstLine> UpdateValuationAsync(int n)
    {
        var id = _valuations[_random.Next(_valuations.Count)];
        var form = await services.GetRequiredService<ValuationQueries>().GetFormAsync(id)
            ?? throw new InvalidOperationException($"Valuation {id} is gone.");
        form.Amount = AmountValue(n);
        var saved = await SaveAsync(new UpdateValuation(form));
        return new BurstLine(nameof(Valuation), id, saved.Version!.Value, Text(form.Amount));
    }

    /// <summary>Runs the command; anything but saved is a failure of the burst, since nobody else writes.</summary>
    private async Task<CommandResult> SaveAsync(Command command)
    {
        var result = await _commands.RunAsync(analyst, command);
        return result.IsSaved
            ? result
            : throw new InvalidOperationException(
                $"{command.GetType().Name} was not saved: {result.Outcome} {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
    }

    private async Task LoadIdsAsync()
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync();
        _organizations = await db.Organizations.Select(o => o.Id).OrderBy(id => id).ToListAsync();
        _deals = await db.Deals.Select(d => d.Id).OrderBy(id => id).ToListAsync();
        _valuations = await db.Valuations.Select(v => v.Id).OrderBy(id => id).ToListAsync();
    }

    private (int Target, int Partner) TwoOrganizations()
    {
        var target = _random.Next(_organizations.Count);
        var partner = (target + 1 + _random.Next(_organizations.Count - 1)) % _organizations.Count;
        return (_organizations[target], _organizations[partner]);
    }

    // Values unique over every round and save, so that a line's value finds its one audit entry.
    private string NotesValue(int n) => $"Burst round {round} save {n}";

    private long AmountValue(int n) => 1_000_000_000L + (round * 100_000L) + n;

    private static string Text(long? amount) => amount!.Value.ToString(CultureInfo.InvariantCulture);
}
