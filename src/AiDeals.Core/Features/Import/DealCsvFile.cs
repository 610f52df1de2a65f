using System.Globalization;
using System.Text.RegularExpressions;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using CsvHelper;

namespace AiDeals.Core.Features.Import;

/// <summary>
/// Reads a deals CSV (CsvHelper) into deal book deals that name organizations by name or alias. A cell that does not
/// read (a number, a kind, a date) is a problem at its row and column, and its row is left out.
/// </summary>
internal sealed partial class DealCsvFile : IImportLocator
{
    private readonly List<long> _lines = [];

    public ImportProblem At(string path, string message)
    {
        var match = DealPath().Match(path);
        if (!match.Success)
        {
            return ImportProblem.File(message);
        }

        var line = _lines[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)];
        return new ImportProblem(line, null, DealCsvColumns.For(match.Groups[2].Value), message);
    }

    public static (ImportSource? Source, ImportProblem? Problem) Read(ImportText text, ImportOptions options)
    {
        var file = new DealCsvFile();
        var deals = new List<DealBookDeal>();
        var problems = new List<ImportProblem>();
        var rows = 0;
        try
        {
            // Read as a stream of UTF-8 bytes (checked already), never held whole as text.
            using var csv = CsvReader.Create(text.OpenBody(), new CsvReaderOptions
            {
                TrackLineNumbers = true,
                HasHeader = true,
                MaxRecordSize = 16 * 1024 * 1024,
                MalformedData = CsvMalformedDataHandling.Throw,
            }, leaveOpen: false);
            var header = csv.Headers.Select(h => h.Trim()).ToList();
            if (Columns(header) is { } wrong)
            {
                return (null, new ImportProblem(1, null, null, wrong));
            }

            var index = DealCsvColumns.All.ToDictionary(c => c, c => header.FindIndex(h => h.Equals(c, StringComparison.OrdinalIgnoreCase)));
            while (csv.Read())
            {
                if (++rows > options.MaxRows)
                {
                    return (null, ImportProblem.File($"The file has more than {options.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} rows; an import takes at most that many. Split it into smaller files."));
                }

                var row = new DealCsvRow(csv, index, csv.LineNumber, options.MaxFieldLength);
                if (row.ToDeal() is { } deal && row.Problems.Count == 0)
                {
                    file._lines.Add(csv.LineNumber);
                    deals.Add(deal);
                }
                else
                {
                    problems.AddRange(row.Problems);
                }
            }
        }
        catch (CsvFormatException exception)
        {
            return (null, new ImportProblem(Math.Max(1, exception.LineNumber), null, null, "The CSV is malformed here: " + exception.Message));
        }

        if (rows == 0)
        {
            return (null, new ImportProblem(1, null, null, "The CSV has a header but no row: add one row per deal."));
        }

        var source = new ImportSource(ImportFormat.Csv, new DealBook(null, null, deals, null, null), file) { Entries = rows };
        source.Problems.AddRange(problems);
        return (source, null);
    }

    private static string? Columns(List<string> header)
    {
        var unknown = header.Where(h => !DealCsvColumns.All.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        var missing = DealCsvColumns.Required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        var twice = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add("it lacks the column" + (missing.Count > 1 ? "s " : " ") + string.Join(", ", missing.Select(m => $"'{m}'")));
        }

        if (unknown.Count > 0)
        {
            problems.Add("it has unknown column" + (unknown.Count > 1 ? "s " : " ") + string.Join(", ", unknown.Select(u => $"'{Short(u)}'")));
        }

        if (twice.Count > 0)
        {
            problems.Add("it has the column" + (twice.Count > 1 ? "s " : " ") + string.Join(", ", twice.Select(t => $"'{t}'")) + " twice");
        }

        return problems.Count == 0 ? null
            : "Wrong columns: " + string.Join("; ", problems) + ". The columns are: " + string.Join(", ", DealCsvColumns.All) + " (download the template).";
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..37] + "...";

    [GeneratedRegex(@"^\$\.deals\[(\d+)\](.*)$")]
    private static partial Regex DealPath();
}
