using Microsoft.Data.Sqlite;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// The indexes of the tables a run fills, set aside while it writes and built again from their own SQL afterwards:
/// building an index once by sorting is faster than keeping it in order through millions of inserts at random places
/// (titles, dates, amounts, organizations). Measured on 200,000 deals: keeping the indexes whose keys come in a few
/// ascending runs (status, kind, a mostly-NULL parent) costs more than building them; keeping those whose keys only
/// ever grow, and so append at the right edge, costs less. The triggers that keep the deal list's keys are set aside the
/// same way, so that a run writes each row once: it writes those keys itself.
/// </summary>
internal sealed class SyntheticIndexes
{
    private static readonly string[] Tables =
    [
        "Organizations", "OrganizationAliases", "Sources", "Deals", "DealParticipants", "Citations", "Valuations",
        "MarketEvents", "MarketEventOrganizations",
    ];

    // Keys the run writes in ascending order and never NULL: each row appends at the index's right edge.
    private static readonly HashSet<string> AppendedAtTheEnd =
        ["IX_DealParticipants_DealId_DeletedAt_OrganizationId_Role_CommitmentQualifier_ReportedQualifier", "IX_Valuations_DealId", "IX_OrganizationAliases_OrganizationId"];

    private readonly List<string> _definitions = [];

    /// <summary>Drops the indexes not kept (the schema's own CREATE INDEX statements are kept to build them again).</summary>
    public void Drop(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = $"SELECT name, sql, type FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", Tables.Select(t => $"'{t}'"))})";
            using var reader = read.ExecuteReader();
            var names = new List<(string Name, string Type)>();
            while (reader.Read())
            {
                if (AppendedAtTheEnd.Contains(reader.GetString(0)))
                {
                    continue;
                }


                names.Add((reader.GetString(0), reader.GetString(2)));
                _definitions.Add(reader.GetString(1));
            }

            reader.Close();
            foreach (var (name, type) in names)
            {
                connection.Execute(transaction, $"DROP {(type == "trigger" ? "TRIGGER" : "INDEX")} \"{name}\"");
            }
        }

        transaction.Commit();
    }

    /// <summary>Builds every dropped index and trigger again; a unique index that the new rows broke fails here, and the run with it.</summary>
    public void Restore(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var definition in _definitions)
        {
            connection.Execute(transaction, definition);
        }

        transaction.Commit();
        _definitions.Clear();
    }
}
