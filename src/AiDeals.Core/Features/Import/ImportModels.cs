using System.Globalization;

namespace AiDeals.Core.Features.Import;

public enum ImportFormat
{
    DealBook,
    Csv,
}

/// <summary>What an import does to one entry of the file.</summary>
public enum ImportAction
{
    Create,
    Update,
    Unchanged,
    Error,
}

/// <summary>
/// A problem with the file at its place: a line and a column number (JSON: where the value starts) or a column
/// name (CSV: the header's name). Line 0 is the file as a whole.
/// </summary>
public sealed record ImportProblem(long Line, long? Column, string? ColumnName, string Message)
{
    public static ImportProblem File(string message) => new(0, null, null, message);

    /// <summary>"line 12, column 'Amount low (USD)'", "line 3:17", "line 8", or "file".</summary>
    public string Where => Line == 0 ? "file"
        : ColumnName is not null ? string.Create(CultureInfo.InvariantCulture, $"line {Line}, column '{ColumnName}'")
        : Column is { } column ? string.Create(CultureInfo.InvariantCulture, $"line {Line}:{column}")
        : string.Create(CultureInfo.InvariantCulture, $"line {Line}");

    public override string ToString() => $"{Where}: {Message}";
}

/// <summary>One entry of the file and what the import does with it.</summary>
public sealed record ImportItem(long Line, RecordKind Kind, string Name, ImportAction Action);

public sealed record ImportCounts(int Created, int Updated, int Unchanged, int Failed)
{
    public int Total => Created + Updated + Unchanged + Failed;
}

/// <summary>
/// What an import would do (a preview) or did (a commit): the counts, the entries (the first
/// <see cref="ImportOptions.MaxListedItems"/>), and every problem up to <see cref="ImportOptions.MaxErrors"/>.
/// </summary>
public sealed record ImportReport(
    string FileName,
    ImportFormat? Format,
    ImportCounts Counts,
    IReadOnlyList<ImportItem> Items,
    IReadOnlyList<ImportProblem> Problems,
    bool StoppedAtMaxErrors,
    bool Committed,
    string Batch)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>Whether a commit changes nothing (every entry left alone).</summary>
    public bool ChangesNothing => IsValid && Counts.Created == 0 && Counts.Updated == 0;
}

/// <summary>How far a preview or a commit is: entries done of the total.</summary>
public sealed record ImportProgress(int Done, int Total)
{
    public int Percent => Total == 0 ? 100 : (int)(100L * Done / Total);
}

/// <summary>The limits of an import (configuration section <c>Import</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>
    /// The largest file read, in bytes (128 MB: a deal book of 100,000 deals is about 82 MB). A file is read as a stream
    /// and its entries counted before any is held, so the cost of a file near the limit is its entries, not its bytes.
    /// </summary>
    public long MaxBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>The most entries (CSV rows, deal book entries) in one file.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>An import stops checking after this many problems and says so.</summary>
    public int MaxErrors { get; set; } = 100;

    /// <summary>The longest CSV field read, in characters; the longest text a record holds is 4,000.</summary>
    public int MaxFieldLength { get; set; } = 10_000;

    /// <summary>How many entries a report lists one by one (the counts cover them all).</summary>
    public int MaxListedItems { get; set; } = 500;

    /// <summary>How many entries' commands one save writes (fewer saves are faster; each save's rows are held in memory).</summary>
    public int SaveGroup { get; set; } = 1_000;

    /// <summary>
    /// From how many entries an import recomputes the aggregates once at its end instead of keeping them row by row
    /// (see <see cref="CommandBatch.Bulk"/>).
    /// </summary>
    public int BulkFrom { get; set; } = 5_000;
}
