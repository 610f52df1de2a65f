using System.Globalization;
using AiDeals.Core.Domain;
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
    /// Writes the header and the rows as they come. Every write into the stream is asynchronous: a row's fields go into
    /// the writer's buffer, and the end of a row writes the buffer out when it is mostly full (a web response refuses
    /// synchronous writes: an export past the first buffer failed). Rows written while the next are still being read go
    /// out at once, so that a download starts with its first batch rather than when a buffer has filled.
    /// </summary>
    public static async Task WriteAsync(Stream stream, IAsyncEnumerable<DealExportRow> rows, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(stream, Csv, leaveOpen: true);
        await csv.WriteRecordAsync([.. Columns], cancellationToken);
        var lists = new ListText();
        var unsent = false;
        await using var next = rows.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var more = next.MoveNextAsync();
            // Not the header alone: a read that fails before the first row still answers with an error, not a file.
            var sending = unsent && !more.IsCompleted ? csv.FlushAsync(cancellationToken).AsTask() : null;
            unsent = false;
            bool another;
            try
            {
                another = await more;
            }
            catch when (sending is not null)
            {
                await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }

            // The rows are read while the ones before are sent, but the enumerator is never left reading: disposed in
            // the middle of a read, it would throw NotSupportedException instead of what stopped the export.
            if (sending is not null)
            {
                await sending;
            }

            if (!another)
            {
                break;
            }

            WriteFields(csv, next.Current, lists);
            await csv.EndRecordAsync(cancellationToken);
            unsent = true;
        }

        await csv.FlushAsync(cancellationToken);
    }

    // Field by field, as text: numbers and dates formatted in place and lists joined in one buffer, with no array or
    // string per row (a row was fifteen strings and an array, about a fifth of the export's allocations).
    private static void WriteFields(CsvWriter csv, DealExportRow row, ListText lists)
    {
        Span<char> text = stackalloc char[24];
        csv.WriteField(row.Title);
        csv.WriteField(row.Target ?? string.Empty);
        csv.WriteField(lists.Join("; ", row.Investors));
        csv.WriteField(row.Kind.ToString());
        csv.WriteField(row.Status.ToString());
        csv.WriteField(Number(row.Amount.Low, text));
        csv.WriteField(Number(row.Amount.High, text));
        // The reported qualifier: an amount no rate converted reads undisclosed in dollars, but not as reported.
        csv.WriteField((row.AsReported?.Reported.Qualifier ?? row.Amount.Qualifier).ToString());
        csv.WriteField(row.Announced is { } announced && announced.Date.TryFormat(text, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            ? text[..length] : []);
        csv.WriteField(row.Announced?.Precision.ToString() ?? string.Empty);
        csv.WriteField(lists.Join(" ", row.SourceUrls));
        csv.WriteField(row.AsReported?.Currency ?? Currencies.Usd);
        AmountRange? reported = row.AsReported is { IsInDollars: false } asReported ? asReported.Reported : null;
        csv.WriteField(Number(reported?.Low, text));
        csv.WriteField(Number(reported?.High, text));
        csv.WriteField(lists.Join("; ", row.Commitments));
    }

    private static ReadOnlySpan<char> Number(long? value, Span<char> text) =>
        value is { } number && number.TryFormat(text, out var length, provider: CultureInfo.InvariantCulture) ? text[..length] : [];

    /// <summary>A list's items joined into one field, in a buffer kept for the whole export.</summary>
    private sealed class ListText
    {
        private char[] _buffer = new char[512];

        public ReadOnlySpan<char> Join(string separator, IReadOnlyList<string> items)
        {
            if (items.Count <= 1)
            {
                return items.Count == 0 ? [] : items[0];
            }

            var length = separator.Length * (items.Count - 1);
            for (var i = 0; i < items.Count; i++)
            {
                length += items[i].Length;
            }

            if (_buffer.Length < length)
            {
                _buffer = new char[Math.Max(length, _buffer.Length * 2)];
            }

            var written = 0;
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    separator.CopyTo(_buffer.AsSpan(written));
                    written += separator.Length;
                }

                items[i].CopyTo(_buffer.AsSpan(written));
                written += items[i].Length;
            }

            return _buffer.AsSpan(0, written);
        }
    }
}
