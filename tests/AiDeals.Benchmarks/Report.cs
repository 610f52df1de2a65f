using System.Globalization;
using System.Text;

namespace AiDeals.Benchmarks;

/// <summary>A case's figures: a table per case as it runs, and one Markdown table of all cases at the end.</summary>
internal sealed record CaseResult(BenchCase Case, WayResult Limit, WayResult Service, WayResult EndToEnd)
{
    private IEnumerable<WayResult> Ways => [Limit, Service, EndToEnd];

    /// <summary>Different row counts between the ways that ran: the ways did not return the same rows.</summary>
    public string? Mismatch
    {
        get
        {
            var counted = Ways.Where(w => w.HasFigures && w.Rows >= 0).ToList();
            return counted.Select(w => w.Rows).Distinct().Count() > 1
                ? "ROW COUNT MISMATCH: " + string.Join(", ", counted.Select(w => $"{w.Way} {w.Rows:N0}"))
                : null;
        }
    }
}

internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string CaseTable(CaseResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(result.Case.Name);
        text.AppendLine(Invariant, $"  {"way",-22} {"n",3} {"p50 ms",10} {"p95 ms",10} {"×limit",8} {"rows",9}  note");
        foreach (var way in new[] { result.Limit, result.Service, result.EndToEnd })
        {
            if (!way.HasFigures)
            {
                text.AppendLine(Invariant, $"  {way.Way,-22} {way.Missing ?? "error: " + way.Error}");
                continue;
            }

            var note = (result.Case.ReportsThroughput ? Throughput(way) : string.Empty) + (way.Error is null ? string.Empty : " error after some calls: " + way.Error);
            text.AppendLine(Invariant,
                $"  {way.Way,-22} {way.Samples.Count,3} {Ms(way.P50),10} {Ms(way.P95),10} {Ratio(way, result.Limit),8} {Rows(way),9}  {note}");
        }

        if (result.Mismatch is { } mismatch)
        {
            text.AppendLine("  !!! " + mismatch + " !!!");
        }

        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<CaseResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| case | limit p50 | limit p95 | service p50 | service p95 | service/limit | e2e p50 | e2e p95 | e2e/limit | rows |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in results)
        {
            var rows = r.Mismatch is null ? Rows(new[] { r.Limit, r.Service, r.EndToEnd }.FirstOrDefault(w => w.HasFigures && w.Rows >= 0)) : "**mismatch**";
            var throughput = r.Case.ReportsThroughput
                ? "<br>" + string.Join("<br>", new[] { r.Limit, r.Service, r.EndToEnd }.Where(w => w.HasFigures).Select(w => ShortName(w) + ": " + Throughput(w)))
                : string.Empty;
            text.AppendLine(Invariant,
                $"| {r.Case.Name}{throughput} | {Cell(r.Limit, w => w.P50)} | {Cell(r.Limit, w => w.P95)} | {Cell(r.Service, w => w.P50)} | {Cell(r.Service, w => w.P95)} | {Ratio(r.Service, r.Limit)} | {Cell(r.EndToEnd, w => w.P50)} | {Cell(r.EndToEnd, w => w.P95)} | {Ratio(r.EndToEnd, r.Limit)} | {rows} |");
        }

        text.AppendLine();
        text.AppendLine("Times in milliseconds. n/a: the schema has no index for the ideal query (the bench's table says which);");
        text.AppendLine(string.Create(Invariant, $"timeout: not shown within {BrowserSession.Timeout.TotalSeconds:0} s."));
        return text.ToString();
    }

    private static string ShortName(WayResult way) => way.Way.Split(' ')[0];

    private static string Cell(WayResult way, Func<WayResult, double> figure) =>
        way.HasFigures ? Ms(figure(way))
        : way.Missing is not null ? "n/a"
        : way.Error?.Contains("Timeout", StringComparison.Ordinal) == true ? "timeout" : "error";

    private static string Ms(double ms) => ms switch
    {
        double.NaN => "–",
        < 1 => ms.ToString("0.00", Invariant),
        < 100 => ms.ToString("0.0", Invariant),
        _ => ms.ToString("N0", Invariant),
    };

    private static string Ratio(WayResult way, WayResult limit) =>
        way.HasFigures && limit.HasFigures && limit.P50 > 0 ? (way.P50 / limit.P50).ToString(way.P50 / limit.P50 < 10 ? "0.0" : "N0", Invariant) + "×" : "–";

    private static string Rows(WayResult? way) => way is null || !way.HasFigures || way.Rows < 0 ? "–" : way.Rows.ToString("N0", Invariant);

    // At the median time: one slow call on a shared machine does not set the rate.
    private static string Throughput(WayResult way)
    {
        var perSecond = way.Rows / (way.P50 / 1000);
        var size = way.Bytes switch
        {
            0 => string.Empty,
            < 1_000_000 => string.Create(Invariant, $", {way.Bytes / 1000.0:0.0} KB"),
            _ => string.Create(Invariant, $", {way.Bytes / 1_000_000.0:0.0} MB"),
        };
        return string.Create(Invariant, $"{perSecond:N0} rows/s{size}");
    }
}
