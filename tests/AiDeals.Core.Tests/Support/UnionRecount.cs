namespace AiDeals.Core.Tests.Support;

/// <summary>
/// The union rule recounted the plain way, in memory over every figure and link, as a reader of docs/architecture.md
/// would do it by hand: what the SQL of <see cref="Features.Deals.UnionTotals"/> must always equal.
/// </summary>
internal static class UnionRecount
{
    /// <summary>
    /// The total of <paramref name="figures"/> (deal id → low, high): a deal with no part in the set counts in full; one
    /// with parts in the set counts max(0, its figure − what its distinct deals below, in the set, count).
    /// <paramref name="links"/> are the live links between live deals (part, wider).
    /// </summary>
    public static Result Count(IReadOnlyDictionary<int, (double Low, double High)> figures, IReadOnlyCollection<(int Part, int Wider)> links)
    {
        var parts = links.ToLookup(l => l.Wider, l => l.Part);
        var counted = new Dictionary<int, (double Low, double High)>();
        var rests = new Dictionary<int, (double Low, double High)>();

        HashSet<int> BelowInSet(int id)
        {
            var seen = new HashSet<int>();
            var stack = new Stack<int>(parts[id]);
            while (stack.TryPop(out var at))
            {
                if (seen.Add(at))
                {
                    foreach (var next in parts[at])
                    {
                        stack.Push(next);
                    }
                }
            }

            seen.IntersectWith(figures.Keys);
            return seen;
        }

        (double Low, double High) Counted(int id)
        {
            if (counted.TryGetValue(id, out var known))
            {
                return known;
            }

            var below = BelowInSet(id);
            var figure = figures[id];
            if (below.Count == 0)
            {
                return counted[id] = figure;
            }

            var low = below.Sum(b => Counted(b).Low);
            var high = below.Sum(b => Counted(b).High);
            var rest = (Math.Max(0, figure.Low - low), Math.Max(0, figure.High - high));
            if (rest != figure)
            {
                rests[id] = rest;
            }

            return counted[id] = rest;
        }

        var totalLow = figures.Keys.Sum(id => Counted(id).Low);
        var totalHigh = figures.Keys.Sum(id => Counted(id).High);
        return new Result(totalLow, totalHigh, rests);
    }

    /// <summary>The total, and the unattributed rest of each deal with parts in the set that counts less than its own figure.</summary>
    public sealed record Result(double Low, double High, IReadOnlyDictionary<int, (double Low, double High)> Rests);
}
