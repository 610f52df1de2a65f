using System.Globalization;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Export;

namespace AiDeals.Web.Features.Deals;

/// <summary>
/// <c>GET /deals/export.csv?&lt;the deal list's query&gt;</c>: every deal the list's filters match (all pages), in its
/// sort order, as a CSV file that spreadsheets open as it is (UTF-8 with a byte-order mark, invariant numbers).
/// </summary>
public static partial class DealExportEndpoints
{
    public const string Path = "/deals/export.csv";

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

    private static IResult Export(HttpContext context, DealQueries deals, TimeProvider clock, ILoggerFactory loggers)
    {
        var filter = DealQuery.FromQuery(context.Request.Query).ToFilter();
        var aborted = context.RequestAborted;
        var logger = loggers.CreateLogger(typeof(DealExportEndpoints));
        return Results.Stream(
            stream => WriteAsync(stream, deals.ExportAsync(filter, aborted), logger, aborted),
            contentType: "text/csv; charset=utf-8",
            fileDownloadName: FileName(clock.GetUtcNow()));
    }

    /// <summary>
    /// Writes the rows as they are read, so a large export never sits in memory whole. A download the client drops
    /// (a closed tab, a canceled save) stops the export and is logged as what it is, not as the server's error.
    /// </summary>
    internal static async Task WriteAsync(Stream stream, IAsyncEnumerable<DealExportRow> rows, ILogger logger, CancellationToken aborted)
    {
        try
        {
            // The command line's export writes the same bytes: one definition of the columns and values, in Core.
            await DealCsvWriter.WriteAsync(stream, rows, aborted);
        }
        catch (Exception ex) when (aborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // Not a 500: the request log says 200, the status the response has (or had it reached the client), cut short.
            LogDropped(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deals CSV export: the client closed the connection before the end of the file")]
    private static partial void LogDropped(ILogger logger);
}
