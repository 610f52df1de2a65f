using System.Text.RegularExpressions;

namespace AiDeals.Core.Features.Intake;

/// <summary>A sentence of an article, where it starts in the article's text, and its words as written.</summary>
public sealed record ArticleSentence(int Start, string Text)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// Splits an article's text into sentences, each with its place in the text, so a proposal can quote one verbatim and
/// the page can highlight it. Lines are sentences of their own (headlines, subheads); inside a line a sentence ends at
/// ".", "!" or "?" (and a closing quote or bracket after it) followed by a space and a capital, a digit or an opening
/// quote — except after an abbreviation ("U.S.", "Inc.", "Jan.") or an initial ("J. Smith"). A decimal point has no
/// space after it, so "1.5bn" stays whole.
/// </summary>
public static partial class ArticleSentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "U.S", "U.K", "U.N", "E.U", "Inc", "Corp", "Ltd", "Co", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "vs", "e.g", "i.e",
        "etc", "approx", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Gov", "Sen", "Rep",
    };

    public static IReadOnlyList<ArticleSentence> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<ArticleSentence>();
        foreach (Match line in Line().Matches(text))
        {
            var start = line.Index;
            foreach (Match end in SentenceEnd().Matches(line.Value))
            {
                var cut = line.Index + end.Index + end.Length;
                if (IsAbbreviation(text, start, line.Index + end.Index))
                {
                    continue;
                }

                Add(sentences, text, start, cut);
                start = cut;
            }

            Add(sentences, text, start, line.Index + line.Length);
        }

        return sentences;
    }

    // The word before the full stop at `dot`, from the sentence's start: an abbreviation or an initial does not end it.
    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        if (text[dot] != '.')
        {
            return false;
        }

        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '“'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    private static void Add(List<ArticleSentence> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new ArticleSentence(start, text[start..end]));
        }
    }

    [GeneratedRegex(@"[^\r\n]+")]
    private static partial Regex Line();

    // The end mark and any closing quotes or brackets after it; the lookahead wants a space and then a sentence's start.
    [GeneratedRegex("""[.!?]+["'”’)\]]*(?=\s+["“‘(]?[\p{Lu}\d$€£¥])""")]
    private static partial Regex SentenceEnd();
}
