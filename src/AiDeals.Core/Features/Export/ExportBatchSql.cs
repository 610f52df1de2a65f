using System.Data.Common;
using System.Globalization;
using System.Text;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Export;

/// <summary>
/// The reads of an export batch, in plain SQL on the lookups connection: the deals' live participations and their live
/// citations, by deal id, with no join (names and URLs come from <see cref="ExportNames"/>). Read through EF, the
/// participations of 100,000 deals took about twice the CPU time (1.3–1.4 s against 0.65–0.85 s on a busy machine).
/// </summary>
internal static class ExportBatchSql
{
    /// <summary>
    /// The participations in two reads, into <paramref name="found"/> (emptied first: a list kept from batch to batch,
    /// as large as a batch's participations, stays out of the large object heap's collections): what every one needs
    /// from the deal's covering index alone (no visit to its row, which was most of a batch's cost), then the amounts of
    /// the few that give one, by key.
    /// </summary>
    public static async Task ParticipantsAsync(
        DbConnection connection, IReadOnlyCollection<int> dealIds, List<ExportParticipant> found, Action<string>? observer, CancellationToken cancellationToken)
    {
        found.Clear();
        var withAmounts = new Dictionary<int, int>();
        var text = Text("""
            SELECT p."Id", p."DealId", p."OrganizationId", p."Role", p."CommitmentQualifier", p."ReportedQualifier"
            FROM "DealParticipants" AS p WHERE p."DeletedAt" IS NULL AND p."DealId" IN (
            """, dealIds);
        await using (var command = Command(connection, text, observer))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var participant = new ExportParticipant(
                    reader.GetInt32(0),
                    reader.GetInt32(1),
                    reader.GetInt32(2),
                    RoleOf(reader.GetString(3)),
                    Enum.Parse<AmountQualifier>(reader.GetString(4)),
                    reader.IsDBNull(5) ? null : Enum.Parse<AmountQualifier>(reader.GetString(5)));
                if (participant.HasCommitment)
                {
                    withAmounts.Add(participant.Id, found.Count);
                }

                found.Add(participant);
            }
        }

        if (withAmounts.Count > 0)
        {
            await ReadAmountsAsync(connection, found, withAmounts, observer, cancellationToken);
        }
    }

    private static async Task ReadAmountsAsync(
        DbConnection connection, List<ExportParticipant> found, Dictionary<int, int> withAmounts, Action<string>? observer, CancellationToken cancellationToken)
    {
        var text = Text("""
            SELECT p."Id", p."Currency", p."ReportedLow", p."ReportedHigh", p."CommitmentLow", p."CommitmentHigh", p."RateOn"
            FROM "DealParticipants" AS p WHERE p."Id" IN (
            """, withAmounts.Keys);
        await using var command = Command(connection, text, observer);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var at = withAmounts[reader.GetInt32(0)];
            found[at] = found[at] with
            {
                Currency = reader.GetString(1),
                ReportedLow = Int64OrNull(reader, 2),
                ReportedHigh = Int64OrNull(reader, 3),
                CommitmentLow = Int64OrNull(reader, 4),
                CommitmentHigh = Int64OrNull(reader, 5),
                RateOn = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
            };
        }
    }

    /// <summary>The live citations of the deals, into <paramref name="found"/> (emptied first).</summary>
    public static async Task CitationsAsync(
        DbConnection connection, IReadOnlyCollection<int> dealIds, List<(int DealId, int SourceId)> found, Action<string>? observer, CancellationToken cancellationToken)
    {
        found.Clear();
        var text = Text("""
            SELECT c."DealId", c."SourceId" FROM "Citations" AS c WHERE c."DeletedAt" IS NULL AND c."DealId" IN (
            """, dealIds);
        await using var command = Command(connection, text, observer);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

    }

    // Ids are whole numbers read from the database: written into the text (as the deal list's investors are), they need
    // no parameters, and the same SQL runs on SQLite and PostgreSQL.
    private static string Text(string select, IReadOnlyCollection<int> ids) =>
        new StringBuilder(select, select.Length + (ids.Count * 8))
            .AppendJoin(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))
            .Append(')')
            .ToString();

    private static DbCommand Command(DbConnection connection, string text, Action<string>? observer)
    {
        observer?.Invoke(text);
        var command = connection.CreateCommand();
        command.CommandText = text;
        return command;
    }

    private static long? Int64OrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    // The roles as stored (their names); Enum.Parse for any other, so that a new role still reads.
    private static ParticipantRole RoleOf(string role) => role switch
    {
        nameof(ParticipantRole.Lead) => ParticipantRole.Lead,
        nameof(ParticipantRole.CoInvestor) => ParticipantRole.CoInvestor,
        nameof(ParticipantRole.Backer) => ParticipantRole.Backer,
        _ => Enum.Parse<ParticipantRole>(role),
    };
}

/// <summary>
/// One live participation of an exported deal, as the CSV's investors and commitments need it. The amount's columns are
/// read only for a participation that gives one (<see cref="HasCommitment"/>); the others keep the defaults.
/// </summary>
internal readonly record struct ExportParticipant(
    int Id,
    int DealId,
    int OrganizationId,
    ParticipantRole Role,
    AmountQualifier CommitmentQualifier,
    AmountQualifier? ReportedQualifier)
{
    public string Currency { get; init; } = Currencies.Usd;

    public long? ReportedLow { get; init; }

    public long? ReportedHigh { get; init; }

    public long? CommitmentLow { get; init; }

    public long? CommitmentHigh { get; init; }

    public DateOnly? RateOn { get; init; }

    /// <summary>Whether the CSV's commitments name it: an amount given in dollars or as reported.</summary>
    public bool HasCommitment => CommitmentQualifier != AmountQualifier.Undisclosed || ReportedQualifier is not (null or AmountQualifier.Undisclosed);
}
