using System.Globalization;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Import;
using CsvHelper;

namespace AiDeals.Core.Features.Export;

/// <summary>
/// The deals CSV, the one definition of its columns and values: the deal list's download and the command line's export
/// both write it (UTF-8 with a byte-order mark, CRLF, invariant numbers, formulas escaped), and import reads it back.
/// </summary>
public static class DealCsvWriter
{
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

    /// <summary>The columns, as the deal list's download names them: every import column but the external id.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. DealCsvColumns.All.Where(c => c != DealCsvColumns.ExternalId)];

    /// <summary>
    /// Writes the header and the rows as they come. Every write is asynchronous: the writer flushes its buffer into the
    /// stream whenever it fills, and a web response refuses synchronous writes (an export past the first buffer failed).
    /// </summary>
    public static async Task WriteAsync(Stream stream, IAsyncEnumerable<DealExportRow> rows, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(stream, Csv, leaveOpen: true);
        await csv.WriteRecordAsync([.. Columns], cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(
            [
                row.Title,
                row.Target ?? string.Empty,
                string.Join("; ", row.Investors),
                row.Kind.ToString(),
                row.Status.ToString(),
                row.Amount.Low?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                row.Amount.High?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                // The reported qualifier: an amount no rate converted reads undisclosed in dollars, but not as reported.
                (row.AsReported?.Reported.Qualifier ?? row.Amount.Qualifier).ToString(),
                row.Announced?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                row.Announced?.Precision.ToString() ?? string.Empty,
                string.Join(" ", row.SourceUrls),
                row.AsReported?.Currency ?? Core.Domain.Currencies.Usd,
                row.AsReported is { IsInDollars: false } reported ? reported.Reported.Low?.ToString(CultureInfo.InvariantCulture) ?? string.Empty : string.Empty,
                row.AsReported is { IsInDollars: false } reportedHigh ? reportedHigh.Reported.High?.ToString(CultureInfo.InvariantCulture) ?? string.Empty : string.Empty,
                string.Join("; ", row.Commitments),
            ], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
