using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Dashboard;

/// <summary>
/// Capital as the union of the deals (<see cref="Deals.UnionTotals"/>): <see cref="LeafDeals"/> deals with no part
/// counted in full, and <see cref="WiderDeals"/> deals with parts adding only their unattributed rest.
/// </summary>
public sealed record CapitalTotal(
    long Low, long High, bool OpenEnded, int LeafDeals, int UndisclosedDeals, long UnattributedLow = 0, long UnattributedHigh = 0, int WiderDeals = 0)
{
    public static CapitalTotal Of(Deals.UnionTotal total)
    {
        ArgumentNullException.ThrowIfNull(total);
        return new CapitalTotal(total.Low, total.High, total.OpenEnded, total.CountedInFull, total.Undisclosed,
            total.UnattributedLow, total.UnattributedHigh, total.WiderDeals);
    }

    /// <summary>"$146B–$556B", "$16B", or "more than $40B" when a leaf has no upper bound.</summary>
    public override string ToString() =>
        OpenEnded ? "more than " + AmountRange.Format(Low)
        : Low == High ? AmountRange.Format(Low)
        : AmountRange.Format(Low) + "–" + AmountRange.Format(High);
}

/// <summary>How many deals have one status.</summary>
public sealed record StatusCount(DealStatus Status, int Count);

/// <summary>How many deals are of one kind.</summary>
public sealed record KindCount(DealKind Kind, int Count);

/// <summary>The deal with the largest figure (its high end, else its low end), a wider deal included.</summary>
public sealed record LargestDeal(int Id, string Title, AmountRange Amount, OrganizationRef? Target);

/// <summary>The valuation with the latest as-of date.</summary>
public sealed record LatestValuation(OrganizationRef Organization, long Amount, PartialDate AsOf, ValuationKind Kind);

/// <summary>What one investor committed, counted by the union rule as the capital total is.</summary>
public sealed record InvestorCapital(OrganizationRef Investor, long Low, long High, int Deals);

/// <summary>Deals announced and market events that happened in one month.</summary>
public sealed record MonthActivity(DateOnly Month, int Deals, int Events);

/// <summary>
/// Activity by month over a window that ends at the latest dated month, and the totals it is a part of: deals and
/// events dated only to the quarter or year, or earlier than the window, are in the totals but in no month.
/// </summary>
public sealed record ActivityTimeline(IReadOnlyList<MonthActivity> Months, int TotalDeals, int TotalEvents)
{
    public int DealsShown => Months.Sum(m => m.Deals);

    public int EventsShown => Months.Sum(m => m.Events);
}

/// <summary>Everything the dashboard shows except the change feed, read in one call.</summary>
public sealed record DashboardSummary(
    int DealCount,
    CapitalTotal Capital,
    IReadOnlyList<StatusCount> ByStatus,
    IReadOnlyList<KindCount> ByKind,
    LargestDeal? LargestDeal,
    LatestValuation? LatestValuation,
    int InvestorCount,
    IReadOnlyList<InvestorCapital> CapitalByInvestor,
    ActivityTimeline Activity);

/// <summary>
/// The record a change belongs to, named for people. <see cref="Slug"/> is the organization's (for a valuation, the
/// valued organization's); <see cref="Exists"/> is false once the record is deleted, when its page is gone.
/// </summary>
public sealed record ChangedRecord(RecordKind Kind, string EntityType, int? Id, string Name, string? Slug, bool Exists);

/// <summary>Rows that belong to a record (its citations, participants, aliases) changed in the same save.</summary>
public sealed record PartChange(string Part, AuditAction Action, int Count);

/// <summary>
/// One line of the change feed: what one user changed in one record in one save, with the record's own changed
/// fields and the changes to its parts. <see cref="Action"/> is the record's own action, or Updated when only parts changed.
/// </summary>
public sealed record RecentChange(
    long Id,
    DateTime AtUtc,
    string User,
    AuditAction Action,
    ChangedRecord Record,
    IReadOnlyList<string> Fields,
    IReadOnlyList<PartChange> Parts);
