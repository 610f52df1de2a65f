using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace AiDeals.Core.Tests.Support;

/// <summary>What SQLite plans to do for a command, read with EXPLAIN QUERY PLAN.</summary>
internal static partial class QueryPlans
{
    /// <summary>
    /// The plan's steps, one a line. Parameters are left unbound (NULL): without ANALYZE statistics SQLite's plan
    /// does not depend on their values.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ExplainAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    /// <summary>
    /// The steps that read a whole table: a SCAN of anything but a subquery the plan itself built (MATERIALIZE or
    /// CO-ROUTINE), whose rows came from an index search already, a constant row (a SELECT without FROM), a search of a
    /// full-text index by a MATCH (FTS5 reports it as "SCAN … VIRTUAL TABLE INDEX 0:M…", the M for the MATCH it was given;
    /// "0:=M…" when a rowid is given too, a probe of one row),
    /// or a range of an fts5vocab table's words bounded on both sides (its index number has the bits 0x200 for term &gt;=
    /// and 0x400 for term &lt;=).
    /// </summary>
    public static IReadOnlyList<string> FullScans(IReadOnlyList<string> plan)
    {
        var built = plan
            .Where(step => step.StartsWith("MATERIALIZE ", StringComparison.Ordinal) || step.StartsWith("CO-ROUTINE ", StringComparison.Ordinal))
            .Select(step => step.Split(' ')[1])
            .ToHashSet(StringComparer.Ordinal);
        return [.. plan.Where(step => step.StartsWith("SCAN ", StringComparison.Ordinal) && !built.Contains(step.Split(' ')[1]) && step != "SCAN CONSTANT ROW"
            && !FullTextMatch().IsMatch(step) && !IsWordRange(step))];
    }

    private static bool IsWordRange(string step) =>
        VocabularyRange().Match(step) is { Success: true } range && (int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture) & 0x600) == 0x600;

    [GeneratedRegex(@"^SCAN \S+ VIRTUAL TABLE INDEX (\d+):$")]
    private static partial Regex VocabularyRange();

    [GeneratedRegex(@"^SCAN \S+ (EXISTS )?VIRTUAL TABLE INDEX \d+:=?M")]
    private static partial Regex FullTextMatch();
}
