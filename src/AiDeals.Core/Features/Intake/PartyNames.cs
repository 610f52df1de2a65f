using System.Text.RegularExpressions;

namespace AiDeals.Core.Features.Intake;

/// <summary>Where a sentence names an organization: its words, the name to save, and the organization when it is known.</summary>
public sealed record PartyMention(int Start, int Length, string Name, KnownOrganization? Known)
{
    public int End => Start + Length;

    public ProposedParty Party(Domain.OrganizationType type = Domain.OrganizationType.Company) =>
        Known is { } known ? new ProposedParty(known.Name, known.Id, type) : new ProposedParty(Name, null, type);
}

/// <summary>
/// The organizations a sentence names: the known ones by name or alias (<see cref="OrganizationMentions"/>), and names
/// the database does not know yet — a run of capitalized words ("Thrive Capital", "Mistral AI", "xAI") that is not a
/// sentence's ordinary first word, a month, a nationality, a person after a title ("founder Masayoshi Son") or a known
/// name. A possessive is not part of the name ("Mistral’s" is Mistral).
/// </summary>
public sealed partial class PartyNames(OrganizationMentions known)
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "if", "in", "on", "for", "with", "however", "amid", "and",
        "but", "as", "at", "by", "from", "of", "to", "after", "before", "while", "when", "since", "under", "over", "will", "would",
        "could", "meanwhile", "also", "both", "all", "some", "most", "many", "other", "such", "his", "her", "their", "our", "we", "they",
        "he", "she", "there", "here", "what", "which", "who", "why", "how", "so", "yet", "not", "no", "one", "two", "three", "last",
        "next", "first", "according", "together", "separately", "earlier", "later", "today", "yesterday", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "ceo", "cfo", "ipo", "us", "u.s.", "uk", "eu", "chinese",
        "japanese", "american", "european", "french", "german", "british", "indian", "korean", "saudi", "emirati", "canadian",
        "investors", "investor", "shares", "series", "round", "seed", "billion", "million", "takeaway", "competitive", "arena", "middle",
        "eastern", "western", "northern", "southern", "asian", "african", "arab", "gulf", "existing", "sovereign", "separately", "elon",
    };

    private static readonly HashSet<string> PersonTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "founder", "co-founder", "cofounder", "ceo", "chief", "executive", "chairman", "chairwoman", "president", "mr", "mr.", "ms", "ms.",
        "mrs", "mrs.", "dr", "dr.", "analyst", "minister", "secretary", "partner", "director", "officer",
    };

    public IReadOnlyList<PartyMention> Find(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var mentions = known.Find(sentence)
            .Select(m => new PartyMention(m.Start, m.Length, m.Organization.Name, m.Organization))
            .ToList();
        foreach (Match match in Capitalized().Matches(sentence))
        {
            var (start, words) = Trim(match.Index, match.Groups["name"].Value);
            if (words.Length < 2 || words == "AI" || Product().IsMatch(words) || Describes(sentence, start + words.Length) || mentions.Any(m => start < m.End && m.Start < start + words.Length) || IsPerson(sentence, start))
            {
                continue;
            }

            var possessive = Possessive().Match(sentence, start + words.Length);
            var length = words.Length + (possessive.Success && possessive.Index == start + words.Length ? possessive.Length : 0);
            mentions.Add(new PartyMention(start, length, words, null));
        }

        return [.. mentions.OrderBy(m => m.Start)];
    }

    // Ordinary words at either end are not part of a name: "The Stargate" is Stargate; a name of only such words is none.
    private static (int Start, string Words) Trim(int start, string words)
    {
        var parts = Word().Matches(words).Where(w => !Ordinary(w.Value)).ToList();
        var first = Word().Matches(words).SkipWhile(w => Ordinary(w.Value)).FirstOrDefault();
        var last = Word().Matches(words).Reverse().SkipWhile(w => Ordinary(w.Value)).FirstOrDefault();
        if (parts.Count == 0 || first is null || last is null)
        {
            return (start, string.Empty);
        }

        return (start + first.Index, words[first.Index..(last.Index + last.Length)]);
    }

    // "Paris-based", "Abu Dhabi-based": where a name is from, not the name.
    private static bool Ordinary(string word) => NotNames.Contains(word) || word.EndsWith("-based", StringComparison.OrdinalIgnoreCase);

    // "the ChatGPT maker", "the Claude developer": a product named to describe its maker, not an organization.
    private static bool Describes(string sentence, int end) => Descriptor().IsMatch(sentence[end..]);

    private static bool IsPerson(string sentence, int start)
    {
        var before = sentence[..start].TrimEnd();
        var word = before[(before.LastIndexOf(' ') + 1)..].TrimEnd(',');
        return PersonTitles.Contains(word);
    }

    // Capitalized words (or a lower-case start with capitals inside: "xAI"), joined by spaces, "&" or "of"; digits allowed
    // inside a word ("G42") but a word of a capital and digits only ("R1", "H100") is a product, not a name.
    [GeneratedRegex(
        @"(?<![\w'’])(?<name>(?:[A-Z][\w&\-]*[\w&]|[a-z]+[A-Z][\w]*)(?:\s(?:of\s|&\s)?(?:[A-Z][\w&\-]*[\w&]|AI|[A-Z]{2,}))*)(?![\w])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Capitalized();

    // "R1", "H100", "GPT-4o": a model or a chip, not an organization.
    [GeneratedRegex(@"^(?:[A-Z]\d|[A-Z]\d{3,}\w*|GPT-?\d[\w.\-]*|[A-Z]{2,}s)$")]
    private static partial Regex Product();

    [GeneratedRegex(@"^\s+(?:maker|developer|creator|owner|parent|chatbot|model)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Descriptor();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\G['’](?:s\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();
}
