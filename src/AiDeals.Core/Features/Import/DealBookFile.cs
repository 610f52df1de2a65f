using System.Text.Json;
using AiDeals.Core.Data.Seeding;

namespace AiDeals.Core.Features.Import;

/// <summary>
/// Reads a deal book upload: the JSON of <c>seed-data/</c>, as a stream, with the positions of its entries for the
/// problems. The entries are counted first, in a pass that holds none of them, so that a file of millions of tiny
/// entries is refused before any is read into memory.
/// </summary>
internal static class DealBookFile
{
    public static (ImportSource? Source, ImportProblem? Problem) Read(ImportText text, ImportOptions options)
    {
        var positions = JsonPositions.Read(text, options.MaxRows);
        if (positions is { Elements: var counted } && counted > options.MaxRows)
        {
            return (null, TooMany(counted, options));
        }

        DealBook? book;
        try
        {
            using var body = text.OpenBody();
            book = JsonSerializer.Deserialize<DealBook>(body, DealBookJson.Read);
        }
        catch (JsonException exception)
        {
            // System.Text.Json counts lines and bytes from 0 and ends its message with the path, which we say our way.
            var message = exception.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ') + ".";
            var where = exception.Path is { Length: > 0 } path ? $" (at {path})" : string.Empty;
            return exception.LineNumber is { } line
                ? (null, new ImportProblem(line + 1, (exception.BytePositionInLine ?? 0) + 1, null, "The deal book is not valid JSON here: " + message + where))
                : (null, ImportProblem.File("The deal book is not valid JSON: " + message + where));
        }

        if (book is null)
        {
            return (null, new ImportProblem(1, 1, null, "The file holds null instead of a deal book: an object with \"deals\", \"organizations\", \"sources\" is expected."));
        }

        if (positions is null)
        {
            // Both read the file with the same rules; should they ever disagree, the file is refused rather than misplaced.
            return (null, ImportProblem.File("The deal book is not valid JSON."));
        }

        var entries = (book.Deals?.Count ?? 0) + (book.Organizations?.Count ?? 0) + (book.Sources?.Count ?? 0)
            + (book.Valuations?.Count ?? 0) + (book.MarketEvents?.Count ?? 0);
        if (entries > options.MaxRows)
        {
            return (null, TooMany(entries, options));
        }

        if (entries == 0)
        {
            return (null, new ImportProblem(1, 1, null, "The deal book holds no entry: give at least one deal, organization or source."));
        }

        return (new ImportSource(ImportFormat.DealBook, book, positions) { Entries = entries }, null);
    }

    private static ImportProblem TooMany(int entries, ImportOptions options) =>
        ImportProblem.File(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The deal book holds {entries:N0} entries; an import takes at most {options.MaxRows:N0}. Split it into smaller files."));
}
