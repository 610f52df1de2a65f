using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>
/// Soft-deletes an organization nothing live refers to. One that still takes part in deals, is a deal's target, or
/// has valuations or market events is refused: deleting it would leave those pointing at a hidden record; merge it
/// into the organization it duplicates instead.
/// </summary>
public sealed class DeleteOrganization(int id, int version) : OrganizationCommand(id, version)
{
    protected override async Task CheckAsync(CommandScope scope, Organization row)
    {
        var uses = await UsesAsync(scope.Db, row.Id, scope.CancellationToken);
        if (uses.Count > 0)
        {
            scope.Errors.Add(
                string.Empty,
                $"{row.Name} still has {Sentence(uses)}. Move or delete those first, or merge {row.Name} into the organization it duplicates.");
        }
    }

    protected override Task ApplyAsync(CommandScope scope, Organization row)
    {
        scope.Db.Organizations.Remove(row);
        return Task.CompletedTask;
    }

    /// <summary>What still refers to the organization: "2 deals as investor", "1 valuation".</summary>
    private static async Task<List<string>> UsesAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var uses = new List<string>();
        void Add(int count, string one, string many)
        {
            if (count > 0)
            {
                uses.Add(count == 1 ? "1 " + one : count.ToString(CultureInfo.InvariantCulture) + " " + many);
            }
        }

        Add(await db.DealParticipants.CountAsync(p => p.OrganizationId == id && p.Deal!.DeletedAt == null, cancellationToken), "deal as investor", "deals as investor");
        Add(await db.Deals.CountAsync(d => d.TargetId == id, cancellationToken), "deal as target", "deals as target");
        Add(await db.Valuations.CountAsync(v => v.OrganizationId == id, cancellationToken), "valuation", "valuations");
        Add(await db.MarketEventOrganizations.CountAsync(e => e.OrganizationId == id, cancellationToken), "market event", "market events");
        return uses;
    }

    private static string Sentence(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
}
