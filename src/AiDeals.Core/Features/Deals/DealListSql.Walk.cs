using System.Globalization;
using AiDeals.Core.Data.Search;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// The filters whose page may walk the sort's index instead of sorting what their own index finds: investors in many
/// deals and a text many deals match (see <see cref="DealListReader.WalkWhenManyMatchAsync"/>, which decides).
/// </summary>
internal sealed partial class DealListSql
{
    /// <summary>Whether the filter is by investors alone, the one whose page may walk the sort's index instead.</summary>
    public bool ByInvestorsAlone => _investorIds is not null;

    /// <summary>Whether the filter is by text alone on SQLite, the other whose page may walk the sort's index.</summary>
    public bool ByTextAlone => _textAlone is not null;

    /// <summary>
    /// For a filter by investors alone, how many live participations they have, counted no further than
    /// <paramref name="cap"/>; null for any other filter.
    /// </summary>
    public string? InvestorsParticipations(int cap) => _investorIds is null ? null : string.Create(CultureInfo.InvariantCulture,
        $"SELECT COUNT(*) FROM (SELECT 1 FROM \"DealParticipants\" AS p WHERE p.\"OrganizationId\" IN ({_investorIds}) AND p.\"DeletedAt\" IS NULL LIMIT {cap}) AS capped");

    /// <summary>
    /// The page of investors with many deals walks the sort's index as an unfiltered page does, and keeps each deal one
    /// of them takes part in (a probe of the participants' index): for an investor in one deal of every 400 or more, the
    /// page is found within some 10,000 entries, where sorting all its deals first took 42 ms for 38,810 of them. The
    /// count and the total still start from the participations.
    /// </summary>
    public void WalkTheSortsIndex()
    {
        if (_investorIds is null)
        {
            throw new InvalidOperationException("Only a filter by investors alone walks the sort's index for them.");
        }

        _walk = $"EXISTS (SELECT 1 FROM \"DealParticipants\" AS p WHERE p.\"OrganizationId\" IN ({_investorIds}) AND p.\"DealId\" = d.\"Id\" AND p.\"DeletedAt\" IS NULL)";
    }

    /// <summary>
    /// For a filter by text alone on SQLite: the text's FTS5 query as SQLite writes it out (see
    /// <see cref="DealTextSearch.MatchExpression"/>) and how many of the index's entries match it, counted no further
    /// than <paramref name="cap"/> (0 for a query with a prefix, which does not walk); null for any other filter.
    /// </summary>
    public string? TextMatches(int cap) => _textAlone is null ? null : string.Create(CultureInfo.InvariantCulture,
        $"WITH q(\"Match\") AS (SELECT {_textAlone}) SELECT q.\"Match\", CASE WHEN instr(q.\"Match\", '\"*') > 0 THEN 0 ELSE"
        + $" (SELECT COUNT(*) FROM (SELECT 1 FROM \"{DealSearchSql.Table}\" WHERE \"{DealSearchSql.Table}\" MATCH q.\"Match\" LIMIT {cap})) END FROM q");

    /// <summary>
    /// The page of a text that many deals match walks the sort's index as an unfiltered page does, and keeps each deal
    /// the free-text index finds for <paramref name="match"/> (<see cref="TextMatches"/>'s query; a probe by the deal's
    /// id): "helix", in one deal in eight of a million, sorted all 126,000 of them first in 100 ms. Only a query of whole
    /// words walks: FTS5 would gather a prefix's entries again for every deal it probes. The count still starts from the
    /// matches.
    /// </summary>
    public void WalkTheSortsIndex(string match)
    {
        if (_textAlone is null || match.Contains("\"*", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Only a filter by text alone, of whole words, walks the sort's index for it.");
        }

        _walk = $"EXISTS (SELECT 1 FROM \"{DealSearchSql.Table}\" WHERE \"{DealSearchSql.Table}\" MATCH {Value(match)} AND rowid = d.\"Id\")";
    }

    /// <summary>
    /// For a filter by text alone on SQLite: how many of the free-text index's entries match, counted no further than
    /// <paramref name="cap"/>, from the index alone; null for any other filter.
    /// </summary>
    public string? TextEntries(int cap) => _textAlone is null ? null : string.Create(CultureInfo.InvariantCulture,
        $"SELECT COUNT(*) FROM (SELECT 1 FROM \"{DealSearchSql.Table}\" WHERE \"{DealSearchSql.Table}\" MATCH {_textAlone} LIMIT {cap}) AS entries");

    /// <summary>How many deals are deleted (their entries stay in the free-text index), counted no further than <paramref name="cap"/>.</summary>
    public static string DeletedDeals(int cap) => string.Create(CultureInfo.InvariantCulture,
        $"SELECT COUNT(*) FROM (SELECT 1 FROM \"Deals\" AS d WHERE d.\"DeletedAt\" IS NOT NULL LIMIT {cap}) AS deleted");
}
