using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

/// <summary>
/// Each filter and sort on 2,000 synthetic deals: what SQL returns must be what LINQ to objects computes over the same
/// rows, with the meaning written out plainly here (periods overlapping the range, high/low ends of the amount).
/// </summary>
public sealed class DealFilterSyntheticTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    private const long Million = 1_000_000;
    private const long Billion = 1_000_000_000;

    public static TheoryData<string> FilterNames { get; } =
    [
        "none", "investors", "targets", "statuses", "kinds", "from", "to", "from-to", "min", "max", "min-max", "text-notes",
        "text-title", "text-case", "everything",
    ];

    public static TheoryData<DealSortField, bool> Sorts { get; } = new(
        Enum.GetValues<DealSortField>().SelectMany(field => new[] { (field, false), (field, true) }));

    [Theory]
    [MemberData(nameof(FilterNames))]
    public async Task SearchAsync_Filter_MatchesLinqOverTheSameRows(string name)
    {
        var (filter, predicate) = Case(name);
        var expected = synthetic.Deals.Where(predicate).Select(d => d.Id).Order().ToList();

        var ids = new List<int>();
        int? total = null;
        for (var page = 0; total is null || ids.Count < total; page++)
        {
            var result = await synthetic.Database.Deals.SearchAsync(filter, new PageRequest(page, PageRequest.MaxPageSize), TestContext.Current.CancellationToken);
            total = result.TotalCount;
            Assert.NotEmpty(result.Items);
            ids.AddRange(result.Items.Select(d => d.Id));
        }

        // A filter that keeps every row or none would not tell a right query from a wrong one.
        Assert.InRange(expected.Count, name is "none" ? SyntheticDeals.DealCount : 1, name is "none" ? SyntheticDeals.DealCount : SyntheticDeals.DealCount - 1);
        Assert.Equal(expected.Count, total);
        Assert.Equal(expected, ids.Order());
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task ExportAsync_Sort_OrdersAsLinqDoes(DealSortField sort, bool descending)
    {
        var filter = new DealFilter { MinAmount = 50 * Million, Sort = sort, Descending = descending };
        var expected = Ordered(synthetic.Deals.Where(d => (d.AmountHigh ?? d.AmountLow) >= 50 * Million), sort, descending).Select(d => d.Id).ToList();

        var exported = new List<int>();
        await foreach (var row in synthetic.Database.Deals.ExportAsync(filter, TestContext.Current.CancellationToken))
        {
            exported.Add(row.Id);
        }

        Assert.True(expected.Count > 1000, $"only {expected.Count} deals to sort");
        Assert.Equal(expected, exported);
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task SearchAsync_ThirdPageOfASort_IsTheThirdSliceOfLinqsOrder(DealSortField sort, bool descending)
    {
        var filter = new DealFilter { Sort = sort, Descending = descending };
        var expected = Ordered(synthetic.Deals, sort, descending).Skip(100).Take(50).Select(d => d.Id).ToList();

        var page = await synthetic.Database.Deals.SearchAsync(filter, new PageRequest(2, 50), TestContext.Current.CancellationToken);

        Assert.Equal(SyntheticDeals.DealCount, page.TotalCount);
        Assert.Equal(expected, page.Items.Select(d => d.Id));
    }

    private (DealFilter Filter, Func<Deal, bool> Predicate) Case(string name)
    {
        var investors = MostFrequent(synthetic.Deals.SelectMany(d => d.Participants.Select(p => p.Organization!.Slug)), 2);
        var targets = MostFrequent(synthetic.Deals.Select(d => d.Target!.Slug), 3);
        var from = new DateOnly(2019, 5, 15);
        var to = new DateOnly(2021, 8, 20);

        bool Investors(Deal d) => d.Participants.Any(p => investors.Contains(p.Organization!.Slug));
        bool Overlaps(Deal d, DateOnly? start, DateOnly? end) =>
            d.Announced is { } announced && (start is null || announced.End >= start) && (end is null || announced.Date <= end);
        bool AtLeast(Deal d, long amount) => (d.AmountHigh ?? d.AmountLow) >= amount;
        bool AtMost(Deal d, long amount) => (d.AmountLow ?? d.AmountHigh) <= amount;
        // As the free-text index finds a word: at the start of a word of the title, the notes, or a live organization's
        // name (the generated aliases are a name and "Inc.", which no case here looks for).
        bool Mentions(Deal d, string word) =>
            new[] { d.Title, d.Notes, d.Target?.DeletedAt is null ? d.Target?.Name : null }
                .Concat(d.Participants.Where(p => p.DeletedAt is null && p.Organization!.DeletedAt is null).Select(p => p.Organization!.Name))
                .Any(text => StartsAWord(text, word));

        return name switch
        {
            "none" => (new DealFilter(), _ => true),
            "investors" => (new DealFilter { Investors = investors }, Investors),
            "targets" => (new DealFilter { Targets = targets }, d => targets.Contains(d.Target!.Slug)),
            "statuses" => (new DealFilter { Statuses = [DealStatus.InTalks, DealStatus.Rumored] }, d => d.Status is DealStatus.InTalks or DealStatus.Rumored),
            "kinds" => (new DealFilter { Kinds = [DealKind.Debt, DealKind.Grant] }, d => d.Kind is DealKind.Debt or DealKind.Grant),
            "from" => (new DealFilter { AnnouncedFrom = from }, d => Overlaps(d, from, null)),
            "to" => (new DealFilter { AnnouncedTo = to }, d => Overlaps(d, null, to)),
            "from-to" => (new DealFilter { AnnouncedFrom = from, AnnouncedTo = to }, d => Overlaps(d, from, to)),
            "min" => (new DealFilter { MinAmount = 10 * Billion }, d => AtLeast(d, 10 * Billion)),
            "max" => (new DealFilter { MaxAmount = 50 * Million }, d => AtMost(d, 50 * Million)),
            "min-max" => (new DealFilter { MinAmount = Billion, MaxAmount = 5 * Billion }, d => AtLeast(d, Billion) && AtMost(d, 5 * Billion)),
            "text-notes" => (new DealFilter { Text = "generated" }, d => Mentions(d, "generated")),
            "text-title" => (new DealFilter { Text = "debt #1" }, d => Mentions(d, "debt") && Mentions(d, "#1")),
            "text-case" => (new DealFilter { Text = "EQUITYinvestment" }, d => Mentions(d, "equityinvestment")),
            "everything" => (
                new DealFilter
                {
                    Investors = investors,
                    Statuses = [DealStatus.Announced, DealStatus.Completed, DealStatus.InTalks],
                    Kinds = [DealKind.EquityInvestment, DealKind.Debt, DealKind.Acquisition, DealKind.Grant],
                    AnnouncedFrom = new DateOnly(2015, 3, 10),
                    AnnouncedTo = new DateOnly(2025, 6, 30),
                    MinAmount = 5 * Million,
                    Text = "#",
                },
                d => Investors(d) && d.Status is DealStatus.Announced or DealStatus.Completed or DealStatus.InTalks
                    && d.Kind is DealKind.EquityInvestment or DealKind.Debt or DealKind.Acquisition or DealKind.Grant
                    && Overlaps(d, new DateOnly(2015, 3, 10), new DateOnly(2025, 6, 30)) && AtLeast(d, 5 * Million) && Mentions(d, "#")),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };
    }

    /// <summary>The deals in the order the list promises, computed in memory: ties are broken by id, ascending.</summary>
    private static IEnumerable<Deal> Ordered(IEnumerable<Deal> deals, DealSortField sort, bool descending)
    {
        static int StatusRank(DealStatus status) => status switch
        {
            DealStatus.Rumored => 0,
            DealStatus.InTalks => 1,
            DealStatus.Announced => 2,
            DealStatus.Completed => 3,
            _ => 4,
        };

        static int RoleRank(ParticipantRole role) => role switch
        {
            ParticipantRole.Lead => 0,
            ParticipantRole.CoInvestor => 1,
            ParticipantRole.Backer => 2,
            _ => 3,
        };

        static string? FirstInvestor(Deal d) => d.Participants
            .OrderBy(p => RoleRank(p.Role)).ThenBy(p => p.Organization!.Name, StringComparer.Ordinal)
            .Select(p => p.Organization!.Name).FirstOrDefault();

        // SQLite sorts NULL first when ascending; the comparers below do too, and reversing puts it last.
        IOrderedEnumerable<Deal> By<TKey>(Func<Deal, TKey> key, IComparer<TKey>? comparer = null) =>
            descending ? deals.OrderByDescending(key, comparer) : deals.OrderBy(key, comparer);

        var ordered = sort switch
        {
            DealSortField.Title => By(d => d.Title, StringComparer.Ordinal),
            DealSortField.Target => By(d => d.Target?.Name, StringComparer.Ordinal),
            DealSortField.Investors => By(FirstInvestor, StringComparer.Ordinal),
            // Kinds are stored by name, so they sort by name.
            DealSortField.Kind => By(d => d.Kind.ToString(), StringComparer.Ordinal),
            DealSortField.Status => By(d => StatusRank(d.Status)),
            DealSortField.Amount => By(d => d.AmountHigh ?? d.AmountLow),
            _ => By(d => d.AnnouncedOn),
        };
        // Ties by id in the sort's direction: the order of the sort key's index, which ends with the row id.
        return descending ? ordered.ThenByDescending(d => d.Id) : ordered.ThenBy(d => d.Id);
    }

    // The term's words appear in a row in the text's, the last as the start of a word there; punctuation alone filters nothing.
    private static bool StartsAWord(string? text, string term)
    {
        var words = Words(term);
        var found = Words(text);
        return words.Length == 0 || Enumerable.Range(0, Math.Max(0, found.Length - words.Length + 1)).Any(i =>
            words.Take(words.Length - 1).Select((w, j) => w == found[i + j]).All(same => same)
            && found[i + words.Length - 1].StartsWith(words[^1], StringComparison.Ordinal));

        static string[] Words(string? text) =>
            text is null ? [] : text.ToUpperInvariant().Split([.. text.Where(c => !char.IsLetterOrDigit(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries);
    }

    private static List<string> MostFrequent(IEnumerable<string> slugs, int count) =>
        slugs.CountBy(s => s).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).Select(p => p.Key).ToList();
}
