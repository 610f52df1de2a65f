using AiDeals.Core.Domain;

namespace AiDeals.Core.Data.Seeding;

/// <summary>A deal book's "part of" links: every wider deal named by key, none twice, no cycle.</summary>
internal sealed partial class DealBookPlan
{
    private void LinkWider(DealBookDeal deal, string at)
    {
        if (deal.PartOf is not null && deal.Parent is not null)
        {
            Fail(at + ".parent", "give the wider deals in 'partOf' alone: 'parent' is the older form of a one-deal 'partOf'.");
        }

        var entity = _deals[deal.Key!];
        foreach (var (key, path) in deal.WiderKeys())
        {
            if (!_deals.TryGetValue(key, out var wider))
            {
                Fail(at + path, $"no deal has the key '{key}'.");
            }

            if (entity.PartOf.Any(l => l.Wider == wider))
            {
                Fail(at + path, $"'{key}' is listed twice.");
            }

            if (wider == entity || Above(wider).Contains(entity))
            {
                Fail(at + path, $"making '{deal.Key}' part of '{key}' forms a cycle: '{key}' is already part of '{deal.Key}'.");
            }

            entity.PartOf.Add(new DealLink { Part = entity, Wider = wider });
        }
    }

    // Every deal above one, through the links made so far.
    private static HashSet<Deal> Above(Deal deal)
    {
        var above = new HashSet<Deal>();
        var next = new Stack<Deal>([deal]);
        while (next.TryPop(out var at))
        {
            foreach (var link in at.PartOf.Where(l => above.Add(l.Wider!)))
            {
                next.Push(link.Wider!);
            }
        }

        return above;
    }
}
