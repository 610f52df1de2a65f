using System.Globalization;
using AiDeals.Core.Features.Deals;
using CsvHelper;

namespace AiDeals.Web.Features.Deals;

/// <summary>
/// <c>GET /deals/export.csv?&lt;the deal list's query&gt;</c>: every deal the list's filters match (all pages), in its
/// sort order, as a CSV file that spreadsheets open as it is (UTF-8 with a byte-order mark, invariant numbers).
/// </summary>
public static class DealExportEndpoints
{
    public const string Path = "/deals/export.csv";

    private static readonly CsvWriterOptions Csv = new()
    {
        // Spreadsheets read a leading BOM as "this is UTF-8"; without it Excel shows "SoftBankâ€“OpenAI".
        WriteByteOrderMark = true,
        // Whole dollars as digits only, whatever the server's culture: a spreadsheet in any locale reads them as numbers.
        FormatProvider = CultureInfo.InvariantCulture,
        // RFC 4180: CRLF after each record, fields quoted when they need it, quotes doubled.
        NewLine = "\r\n",
        // A title such as "=HYPERLINK(...)" is text to show, not a formula for the reader's spreadsheet to run.
        Injection = CsvInjection.Escape,
    };

    public static IEndpointRouteBuilder MapDealExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Export)
            .WithName("ExportDealsCsv")
            .WithSummary("The filtered, sorted deals of the deal list as CSV, all pages.");
        return endpoints;
    }

    /// <summary>The export's address for a view of the list: the same query string.</summary>
    public static string Link(DealQuery query) => Path + (query with { Page = 1 }).ToQueryString();

    public static string FileName(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"aideals-deals-{now.UtcDateTime:yyyyMMdd}.csv");

    private static IResult Export(HttpContext context, DealQueries deals, TimeProvider clock)
    {
        var filter = DealQuery.FromQuery(context.Request.Query).ToFilter();
        var aborted = context.RequestAborted;
        return Results.Stream(
            stream => WriteAsync(stream, deals.ExportAsync(filter, aborted), aborted),
            contentType: "text/csv; charset=utf-8",
            fileDownloadName: FileName(clock.GetUtcNow()));
    }

    /// <summary>Writes the rows as they are read, so a large export never sits in memory whole.</summary>
    internal static async Task WriteAsync(Stream stream, IAsyncEnumerable<DealExportRow> rows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(stream, Csv, leaveOpen: true);
        await csv.WriteRecordsAsync(rows.Select(DealCsvRow.From), cancellationToken);
        await csv.FlushAsync(cancellationToken);
    }
}

/// <summary>One line of the CSV export; the CsvHelper source generator writes its columns in this order.</summary>
[CsvRecord]
internal sealed partial class DealCsvRow
{
    [CsvColumn("Title")]
    public string Title { get; set; } = string.Empty;

    [CsvColumn("Target")]
    public string? Target { get; set; }

    /// <summary>Lead first, separated by "; ".</summary>
    [CsvColumn("Investors")]
    public string Investors { get; set; } = string.Empty;

    [CsvColumn("Kind")]
    public string Kind { get; set; } = string.Empty;

    [CsvColumn("Status")]
    public string Status { get; set; } = string.Empty;

    [CsvColumn("Amount low (USD)")]
    public long? AmountLow { get; set; }

    [CsvColumn("Amount high (USD)")]
    public long? AmountHigh { get; set; }

    [CsvColumn("Amount qualifier")]
    public string AmountQualifier { get; set; } = string.Empty;

    /// <summary>The first day of the announced period; <see cref="AnnouncedPrecision"/> says how much of it is known.</summary>
    [CsvColumn("Announced")]
    public string? Announced { get; set; }

    [CsvColumn("Announced precision")]
    public string? AnnouncedPrecision { get; set; }

    /// <summary>Separated by spaces, which a URL never contains.</summary>
    [CsvColumn("Source URLs")]
    public string SourceUrls { get; set; } = string.Empty;

    public static DealCsvRow From(DealExportRow row) => new()
    {
        Title = row.Title,
        Target = row.Target,
        Investors = string.Join("; ", row.Investors),
        Kind = row.Kind.ToString(),
        Status = row.Status.ToString(),
        AmountLow = row.Amount.Low,
        AmountHigh = row.Amount.High,
        AmountQualifier = row.Amount.Qualifier.ToString(),
        Announced = row.Announced?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        AnnouncedPrecision = row.Announced?.Precision.ToString(),
        SourceUrls = string.Join(" ", row.SourceUrls),
    };
}
