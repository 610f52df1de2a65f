using System.Text.RegularExpressions;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Intake;

/// <summary>The words that decided a proposal's status, where they stand in the sentence, and the status they give.</summary>
public sealed record StatusCue(int Start, string Words, DealStatus Status);

/// <summary>
/// A deal's status from the wording around its amount: "in talks", "plans", "considering", "expected to", "could" →
/// in talks; "reportedly", "rumored" → rumored; "announced", "agreed", "signed" → announced; "invested", "closed",
/// "completed", "raised" → completed; "called off", "scrapped" → abandoned. Of the cues in a sentence the one nearest
/// the amount decides ("the recent announcement of a $100 billion investment" is announced, though the sentence opens
/// with "this potential deal"); at equal distance the surer status wins. "Failed" is no status: a deal can be
/// completed and fail later, so it is read as the outcome.
/// </summary>
public static partial class StatusCues
{
    public static IReadOnlyList<StatusCue> All(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return [.. Cue().Matches(sentence).Select(m => new StatusCue(m.Index, m.Value, StatusOf(m)))];
    }

    /// <summary>The cue nearest to the span (an amount's place in the sentence), or null when the sentence has none.</summary>
    public static StatusCue? Nearest(string sentence, int start, int length) =>
        All(sentence)
            .OrderByDescending(cue => cue.Status == DealStatus.Abandoned)
            .ThenBy(cue => Distance(cue, start, start + length))
            .ThenByDescending(cue => cue.Status)
            .FirstOrDefault();

    /// <summary>The words that say how a deal turned out ("ultimately failed"), or null.</summary>
    public static string? Outcome(string sentence) => OutcomeWords().Match(sentence) is { Success: true } match ? match.Value : null;

    private static int Distance(StatusCue cue, int start, int end) =>
        cue.Start + cue.Words.Length <= start ? start - (cue.Start + cue.Words.Length)
        : cue.Start >= end ? cue.Start - end
        : 0;

    private static DealStatus StatusOf(Match match) =>
        match.Groups["abandoned"].Success ? DealStatus.Abandoned
        : match.Groups["completed"].Success ? DealStatus.Completed
        : match.Groups["announced"].Success ? DealStatus.Announced
        : match.Groups["talks"].Success ? DealStatus.InTalks
        : DealStatus.Rumored;

    [GeneratedRegex(
        @"\b(?:(?<abandoned>called\s+off|scrapped|abandoned|pulled\s+out|walked\s+away)" +
        @"|(?<completed>since\s+investing|invested|has\s+closed|closed|completed|raised|secured|landed|received|acquired|bought|funded)" +
        @"|(?<announced>announcement|announced|announces|agreed|signed|unveiled|confirmed|will\s+invest)" +
        @"|(?<talks>in\s+talks|negotiating|negotiations|plans?\s+to|planned|planning|considering|weighing|expected\s+to|could|potential|if\s+finalized|proposed)" +
        @"|(?<rumored>reportedly|rumou?red|said\s+to\s+be|people\s+familiar))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    [GeneratedRegex(@"\b(?:ultimately\s+|later\s+)?(?:failed|collapsed|went\s+bankrupt|wrote\s+off)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutcomeWords();
}
