using System.Data.Common;
using System.Globalization;
using System.Text;

namespace AiDeals.Core.Features.Export;

/// <summary>
/// The names the CSV export writes for ids: every organization's name and every source's URL, read once per long export
/// (tens of thousands of rows) rather than joined to each of a million deals, where each join was a random read; or
/// those of one batch's rows (a short export, and a long one's first batches: see <see cref="DealExportReader"/>).
/// </summary>
/// <remarks>
/// Each entry keeps its place in the database's own order (organizations by name, sources by publication date), so that
/// a deal's investors and sources sort in memory exactly as ORDER BY sorts them on either engine (its collation, where
/// its NULLs go). Deleted rows are kept, marked, so that a name the export must leave out is not taken for a new one.
/// </remarks>
internal sealed class ExportNames
{
    private readonly Dictionary<int, Entry> _organizations;
    private readonly Dictionary<int, Entry> _sources;

    private ExportNames(Dictionary<int, Entry> organizations, Dictionary<int, Entry> sources)
    {
        _organizations = organizations;
        _sources = sources;
    }

    /// <summary>A name (or URL), its place in the database's order and whether its row is live.</summary>
    internal readonly record struct Entry(string? Text, int Rank, bool Live);

    /// <summary>Every organization's name and every source's URL.</summary>
    public static Task<ExportNames> ReadAsync(DbConnection connection, Action<string>? observer, CancellationToken cancellationToken) =>
        ReadAsync(connection, organizationIds: null, sourceIds: null, observer, cancellationToken);

    /// <summary>
    /// The names of these organizations and the URLs of these sources only (a batch's: for an export of a few deals,
    /// reading tens of thousands of names would cost more than the export). Their places are those among themselves, which orders a
    /// deal's investors and sources as the whole order would.
    /// </summary>
    /// <remarks>Plain SQL, as the batches are read: through EF the names of 50,000 organizations and 50,000 sources took
    /// about a fifth of a second, while the first batch waited for them.</remarks>
    public static async Task<ExportNames> ReadAsync(
        DbConnection connection, IReadOnlyCollection<int>? organizationIds, IReadOnlyCollection<int>? sourceIds, Action<string>? observer, CancellationToken cancellationToken)
    {
        var organizations = await EntriesAsync(
            connection, "SELECT o.\"Id\", o.\"Name\", o.\"DeletedAt\" FROM \"Organizations\" AS o", "o", organizationIds, "o.\"Name\", o.\"Id\"", observer, cancellationToken);
        var sources = await EntriesAsync(
            connection, "SELECT s.\"Id\", s.\"Url\", s.\"DeletedAt\" FROM \"Sources\" AS s", "s", sourceIds, "s.\"PublishedOn\", s.\"Id\"", observer, cancellationToken);
        return new ExportNames(organizations, sources);
    }

    // The rows in the database's own order (the column's collation; where its NULLs go), each with its place in it.
    private static async Task<Dictionary<int, Entry>> EntriesAsync(
        DbConnection connection, string select, string alias, IReadOnlyCollection<int>? ids, string orderBy, Action<string>? observer, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<int, Entry>(ids?.Count ?? 0);
        if (ids is { Count: 0 })
        {
            return entries;
        }

        // Ids are whole numbers read from the database: written into the text, they need no parameters.
        var text = new StringBuilder(select);
        if (ids is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" WHERE {alias}.\"Id\" IN (").AppendJoin(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture))).Append(')');
        }

        text.Append(" ORDER BY ").Append(orderBy);
        await using var command = connection.CreateCommand();
        command.CommandText = text.ToString();
        observer?.Invoke(command.CommandText);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(reader.GetInt32(0), new Entry(reader.IsDBNull(1) ? null : reader.GetString(1), entries.Count, Live: reader.IsDBNull(2)));
        }

        return entries;
    }

    /// <summary>Whether the organization is known (live or deleted): false when it was added after the names were read.</summary>
    public bool Knows(int organizationId) => _organizations.ContainsKey(organizationId);

    /// <summary>Whether the source is known (live or deleted): false when it was added after the URLs were read.</summary>
    public bool KnowsSource(int sourceId) => _sources.ContainsKey(sourceId);

    /// <summary>The live organization's name and place by name, or null for a deleted one (left out, as the join left it).</summary>
    public Entry? Organization(int id) => _organizations.TryGetValue(id, out var entry) && entry.Live ? entry : null;

    /// <summary>The live source's URL and place by date, or null for a deleted source or one without a URL.</summary>
    public Entry? SourceUrl(int id) => _sources.TryGetValue(id, out var entry) && entry.Live && entry.Text is not null ? entry : null;
}
