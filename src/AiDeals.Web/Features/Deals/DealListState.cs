using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;

namespace AiDeals.Web.Features.Deals;

/// <summary>
/// What the deal list read for one address, in a form that travels as JSON from the prerendered page into the circuit
/// (<c>[PersistentState]</c>), so that the rows of a visit are read once: plain fields only, the cursors as their text.
/// </summary>
public sealed record DealListState(
    string Address,
    IReadOnlyList<DealListState.Row> Rows,
    string? Next,
    string? Previous,
    int Count,
    bool CountIsAtLeast,
    UnionTotal? Capital = null,
    int Unconverted = 0,
    bool IsCounting = false)
{
    /// <summary>
    /// A new filter's rows, shown while their count and total are still being read: the list shows the rows first, then
    /// "Counting…" gives way to the count.
    /// </summary>
    public static DealListState Counting(string address, DealPage page) =>
        Of(address, page, new DealCount(0, false), capital: null) with { IsCounting = true };

    public static DealListState Of(string address, DealPage page, DealCount count, UnionTotal? capital, int unconverted = 0)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(count);
        return new(
            address,
            [.. page.Items.Select(d => new Row(
                d.Id, d.Title, d.Target, d.Investors, d.Kind, d.Status, d.Amount.Low, d.Amount.High, d.Amount.Qualifier,
                d.Announced?.Date, d.Announced?.Precision ?? DatePrecision.Day, d.IsUmbrella,
                d.AsReported?.Currency ?? Currencies.Usd, d.AsReported?.Reported.Low, d.AsReported?.Reported.High,
                d.AsReported?.Reported.Qualifier, d.AsReported?.RateOn))],
            page.Next?.ToString(),
            page.Previous?.ToString(),
            count.Value,
            count.IsAtLeast,
            capital,
            unconverted);
    }

    public IReadOnlyList<DealSummary> Items() =>
        [.. Rows.Select(r => new DealSummary(
            r.Id, r.Title, r.Target, r.Investors, r.Kind, r.Status, AmountRange.Create(r.AmountLow, r.AmountHigh, r.AmountQualifier),
            r.AnnouncedOn is { } on ? PartialDate.Create(on, r.AnnouncedPrecision) : null, r.IsUmbrella)
        {
            AsReported = ReportedAmount.Of(r.Currency, r.ReportedLow, r.ReportedHigh, r.ReportedQualifier, AmountRange.Create(r.AmountLow, r.AmountHigh, r.AmountQualifier), r.RateOn),
        })];

    public sealed record Row(
        int Id,
        string Title,
        OrganizationRef? Target,
        IReadOnlyList<OrganizationRef> Investors,
        DealKind Kind,
        DealStatus Status,
        long? AmountLow,
        long? AmountHigh,
        AmountQualifier AmountQualifier,
        DateOnly? AnnouncedOn,
        DatePrecision AnnouncedPrecision,
        bool IsUmbrella,
        string Currency = Currencies.Usd,
        long? ReportedLow = null,
        long? ReportedHigh = null,
        AmountQualifier? ReportedQualifier = null,
        DateOnly? RateOn = null);
}
