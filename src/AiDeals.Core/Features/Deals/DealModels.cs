using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

public enum DealSortField
{
    Announced,
    Title,
    Target,

    /// <summary>By the name of the first investor shown: the lead, else the first co-investor, backer or partner.</summary>
    Investors,
    Kind,
    Status,

    /// <summary>By the high end of the amount (the low end when there is no high end); undisclosed amounts have no key.</summary>
    Amount,
}

/// <summary>What the deal list shows; empty lists and nulls mean "any".</summary>
public sealed record DealFilter
{
    /// <summary>Slugs of organizations taking part in the deal (any of them).</summary>
    public IReadOnlyList<string> Investors { get; init; } = [];

    /// <summary>Slugs of the organizations the deal goes into (any of them).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    public IReadOnlyList<DealStatus> Statuses { get; init; } = [];

    public IReadOnlyList<DealKind> Kinds { get; init; } = [];

    /// <summary>
    /// First day of the range: a deal matches when its announced period ends on or after it, so a deal announced
    /// "Jan 2025" matches from 15 Jan 2025. Deals with no announced date never match a date range.
    /// </summary>
    public DateOnly? AnnouncedFrom { get; init; }

    /// <summary>Last day of the range: a deal matches when its announced period starts on or before it.</summary>
    public DateOnly? AnnouncedTo { get; init; }

    /// <summary>
    /// "At least": compared with the high end of the amount (its low end when it has none), so a $15–25B deal
    /// matches at least $20B because it may reach it. Undisclosed amounts never match an amount range.
    /// </summary>
    public long? MinAmount { get; init; }

    /// <summary>"At most": compared with the low end of the amount (its high end when it has none).</summary>
    public long? MaxAmount { get; init; }

    /// <summary>Words that must each appear in the title, the notes or a name or alias of the deal's organizations, each as the start of a word there, in any case (see <see cref="DealTextSearch"/>).</summary>
    public string? Text { get; init; }

    public DealSortField Sort { get; init; } = DealSortField.Announced;

    public bool Descending { get; init; } = true;
}

/// <summary>One row of the deal list.</summary>
public sealed record DealSummary(
    int Id,
    string Title,
    OrganizationRef? Target,
    IReadOnlyList<OrganizationRef> Investors,
    DealKind Kind,
    DealStatus Status,
    AmountRange Amount,
    PartialDate? Announced,
    bool IsUmbrella)
{
    /// <summary>
    /// The amount as reported in its currency, for the list's Amount column and the API's deals (<see cref="Amount"/>
    /// stays the dollars).
    /// </summary>
    public ReportedAmount? AsReported { get; init; }
}

/// <summary>One deal as the CSV export writes it: every field is plain data, investors lead first.</summary>
public sealed record DealExportRow(
    int Id,
    string Title,
    string? Target,
    IReadOnlyList<string> Investors,
    DealKind Kind,
    DealStatus Status,
    AmountRange Amount,
    PartialDate? Announced,
    IReadOnlyList<string> SourceUrls)
{
    /// <summary>The amount as reported in its currency (the dollars of <see cref="Amount"/> for a deal in dollars).</summary>
    public ReportedAmount? AsReported { get; init; }

    /// <summary>
    /// The investors' given commitments, in the order of <see cref="Investors"/>, each as reported and converted:
    /// "SoftBank Group: €600M (≈ $646.38M at the rate of 11 Jun 2024)".
    /// </summary>
    public IReadOnlyList<string> Commitments { get; init; } = [];
}

/// <summary>
/// Which page of the deal list to read: the first, the rows after a cursor (next), the rows before one (previous), or,
/// for a page number typed or picked, the rows after skipping <see cref="Skip"/> (whose cost grows with it).
/// </summary>
public sealed record DealPageRequest
{
    public DealCursor? After { get; init; }

    public DealCursor? Before { get; init; }

    /// <summary>Rows to skip when there is no cursor.</summary>
    public int Skip { get; init; }

    public int PageSize { get; init; } = 25;
}

/// <summary>A page of the deal list with the cursors of the pages on either side (null: there is none).</summary>
public sealed record DealPage(IReadOnlyList<DealSummary> Items, DealCursor? Next, DealCursor? Previous);

/// <summary>How many deals a filter matches, counted up to a cap: past it, only that there are more.</summary>
public sealed record DealCount(int Value, bool IsAtLeast)
{
    /// <summary>Counting stops here: an index walk of this many entries takes a few milliseconds, a million take ~40.</summary>
    public const int Cap = 10_000;
}
