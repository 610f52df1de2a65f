using AiDeals.Core.Data.Seeding;

namespace AiDeals.Core.Features.Import;

/// <summary>
/// A file read into the one shape import plans from, a deal book (a CSV's rows become its deals, naming organizations
/// by name), with the way back from a JSON path of the book to a place in the file.
/// </summary>
internal sealed class ImportSource(ImportFormat format, DealBook book, IImportLocator locator)
{
    public ImportFormat Format { get; } = format;

    public DealBook Book { get; } = book;

    /// <summary>A CSV names organizations and leaves out what it has no column for (roles, commitments, quotes): those stay as stored.</summary>
    public bool IsCsv => Format == ImportFormat.Csv;

    public ImportProblem At(string path, string message) => locator.At(path, message);

    /// <summary>The problems found while reading, one per entry at most; the entries with one are not in <see cref="Book"/>.</summary>
    public List<ImportProblem> Problems { get; } = [];

    /// <summary>How many entries the file holds, those left out for a problem included.</summary>
    public int Entries { get; set; }
}

/// <summary>From a JSON path of the book ("$.deals[3].amount") to its place in the file.</summary>
internal interface IImportLocator
{
    ImportProblem At(string path, string message);
}
