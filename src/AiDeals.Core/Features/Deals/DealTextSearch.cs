using System.Globalization;
using System.Text;
using AiDeals.Core.Data.Search;

namespace AiDeals.Core.Features.Deals;

/// <summary>
/// A free-text query as the deal list's FTS5 index (<see cref="DealSearchSql"/>) matches it: every word must appear, in
/// the title, the notes or a name or alias of one of the deal's organizations, as the start of a word there ("helix"
/// finds "Helix" and "Helixon", not "Thelix"), in any case and with or without accents. Letters and digits make words;
/// anything else separates them, so "open-ai" is the phrase "open ai" and a word of punctuation alone is left out.
/// </summary>
public static class DealTextSearch
{
    /// <summary>
    /// The FTS5 query for <paramref name="text"/>, or null when it holds no word. Each word is a quoted string (its own
    /// quotes doubled), so nothing a person types (quotes, <c>*</c>, <c>-</c>, <c>NEAR</c>, <c>AND</c>, parentheses) is
    /// read as FTS5 syntax: only the <c>*</c> after each closing quote is, which makes it a prefix.
    /// </summary>
    public static string? Match(string? text)
    {
        var query = new StringBuilder();
        foreach (var term in DealFiltering.Terms(text).Where(HasWord))
        {
            query.Append(query.Length > 0 ? " " : string.Empty).Append(Prefix(term));
        }

        return query.Length > 0 ? query.ToString() : null;
    }

    /// <summary>
    /// How many longer words <see cref="MatchExpression"/> looks up for a word: with fewer, the word is searched as itself
    /// or one of them; with as many, as a prefix.
    /// </summary>
    public const int MostLongerWords = 32;

    /// <summary>
    /// <see cref="Match"/> as an SQL expression for SQLite, which finds the same deals without the cost of FTS5's prefixes.
    /// FTS5 gathers every entry of every word a prefix starts before it intersects the words: 5.7 ms for "helix", a word
    /// in one deal in eight of a million. A word given whole is read only as far as the other words need: 0.1 ms. So a
    /// word of ASCII letters and digits, whose form in the index is its lower case, is looked up in the index's vocabulary
    /// (<see cref="DealSearchSql.Terms"/>) and searched as itself or any longer word it starts ("helix" OR "helixon")
    /// when fewer than <see cref="MostLongerWords"/> start with it. Any other word stays a prefix. The lookup is part of
    /// the statement, so it reads the same index as the match. <paramref name="value"/> binds a value and gives its
    /// parameter's name.
    /// </summary>
    public static string? MatchExpression(string? text, Func<string, string> value)
    {
        var words = new List<string>();
        foreach (var term in DealFiltering.Terms(text).Where(HasWord))
        {
            words.Add(term.All(char.IsAsciiLetterOrDigit) ? WordOrLonger(value(term.ToLowerInvariant())) : value(Prefix(term)));
        }

        return words.Count > 0 ? string.Join(" || ' AND ' || ", words) : null;
    }

    // The index's words are letters and digits, never a quote, so they need no escaping inside FTS5's quotes. char(1)
    // sorts after the word and before any longer word; char(1114111), the last code point, after every longer word.
    private static string WordOrLonger(string word) =>
        $"(SELECT CASE WHEN count(*) > {MostLongerWords} THEN '\"' || {word} || '\"*' ELSE '(' || group_concat('\"' || term || '\"', ' OR ') || ')' END"
        + $" FROM (SELECT {word} AS term UNION ALL SELECT term FROM (SELECT term FROM \"{DealSearchSql.Terms}\""
        + $" WHERE term >= {word} || char(1) AND term <= {word} || char(1114111) LIMIT {MostLongerWords})))";

    private static string Prefix(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*";

    /// <summary>
    /// The same query for PostgreSQL's index (<see cref="DealSearchSqlPostgreSql"/>) as tsquery text, or null when it
    /// holds no word: every word's runs of letters and digits, lower-cased and without accents as the index's words are,
    /// each a prefix (<c>:*</c>), the runs of one word next to each other (<c>&lt;-&gt;</c>, FTS5's phrase) and the words
    /// all required (<c>&amp;</c>). Only letters and digits reach the text, so nothing typed is read as tsquery syntax.
    /// </summary>
    public static string? TsQuery(string? text)
    {
        var words = DealFiltering.Terms(text)
            .Select(term => Runs(Fold(term)).Select(run => $"'{run}':*").ToList())
            .Where(runs => runs.Count > 0)
            .Select(runs => runs.Count == 1 ? runs[0] : "(" + string.Join(" <-> ", runs) + ")")
            .ToList();
        return words.Count > 0 ? string.Join(" & ", words) : null;
    }

    private static string Fold(string term)
    {
        var folded = new StringBuilder();
        foreach (var c in term.Normalize(NormalizationForm.FormD))
        {
            if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static IEnumerable<string> Runs(string term)
    {
        var run = new StringBuilder();
        foreach (var c in term.Append(' '))
        {
            if (HasWord(c.ToString()))
            {
                run.Append(c);
            }
            else if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }
        }
    }

    // unicode61's token characters: letters, digits and private-use characters.
    private static bool HasWord(string term) => term.Any(c => char.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.PrivateUse);
}
