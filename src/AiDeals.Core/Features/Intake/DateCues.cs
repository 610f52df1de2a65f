using System.Globalization;
using System.Text.RegularExpressions;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Intake;

/// <summary>A date a sentence gives (to the day, month or year it says), the words that gave it, and where they stand.</summary>
public sealed record DateCue(int Start, string Words, PartialDate Date);

/// <summary>
/// Dates in a sentence, as precise as its words: "21 January 2025" or "January 21, 2025" (a day), "in January 2025" or
/// "in January" (a month; without a year, the latest January on or before the article's date), "since 2019" or "in 2017"
/// (a year), and "recent", "recently", "this week", "today", "yesterday" (the article's own date, to the month: an
/// article rarely says which day of its week). Nothing is guessed beyond the words.
/// </summary>
public static partial class DateCues
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static IReadOnlyList<DateCue> Find(string sentence, DateOnly articleDate)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var cues = new List<DateCue>();
        foreach (Match match in Date().Matches(sentence))
        {
            if (Read(match, articleDate) is { } date)
            {
                cues.Add(new DateCue(match.Index, match.Value, date));
            }
        }

        return cues;
    }

    private static PartialDate? Read(Match match, DateOnly articleDate)
    {
        if (match.Groups["relative"].Success)
        {
            return PartialDate.Month(articleDate.Year, articleDate.Month);
        }

        if (match.Groups["yearOnly"].Success)
        {
            var year = int.Parse(match.Groups["yearOnly"].Value, CultureInfo.InvariantCulture);
            return year <= articleDate.Year ? PartialDate.Year(year) : null;
        }

        var month = Array.IndexOf(Months, match.Groups["month"].Value.ToLowerInvariant()) + 1;
        if (month == 0)
        {
            return null;
        }

        int y;
        if (match.Groups["year"].Success)
        {
            y = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            // "in January", said in a February article, is the January just gone.
            y = month <= articleDate.Month ? articleDate.Year : articleDate.Year - 1;
        }

        var dayGroup = match.Groups["day"].Success ? match.Groups["day"] : match.Groups["day2"];
        if (dayGroup.Success)
        {
            var day = int.Parse(dayGroup.Value, CultureInfo.InvariantCulture);
            return day <= DateTime.DaysInMonth(y, month) ? PartialDate.Day(y, month, day) : null;
        }

        return PartialDate.Month(y, month);
    }

    private const string MonthName = "January|February|March|April|May|June|July|August|September|October|November|December";

    [GeneratedRegex(
        $@"\b(?:(?<day>\d{{1,2}})\s+(?<month>{MonthName})(?:\s+(?<year>(?:19|20)\d\d))?" +
        $@"|(?<month>{MonthName})\s+(?<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?<year>(?:19|20)\d\d)" +
        $@"|(?<month>{MonthName})(?:\s+(?<year>(?:19|20)\d\d))?(?=\W|$)" +
        @"|(?<=\b(?:since|in|from|of|during|by)\s)(?<yearOnly>(?:19|20)\d\d)\b" +
        @"|(?<relative>recently|recent|this\s+week|today|yesterday))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Date();
}
