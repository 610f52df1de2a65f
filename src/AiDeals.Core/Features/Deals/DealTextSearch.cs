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
            query.Append(query.Length > 0 ? " " : string.Empty)
                .Append('"').Append(term.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"*");
        }

        return query.Length > 0 ? query.ToString() : null;
    }

    // unicode61's token characters: letters, digits and private-use characters.
    private static bool HasWord(string term) => term.Any(c => char.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.PrivateUse);
}
