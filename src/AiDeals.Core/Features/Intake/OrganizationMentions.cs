using System.Text.RegularExpressions;

namespace AiDeals.Core.Features.Intake;

/// <summary>An organization the database knows, by its name and aliases, for matching in an article.</summary>
public sealed record KnownOrganization(int Id, string Name, IReadOnlyList<string> Aliases);

/// <summary>Where a sentence names a known organization, and the words it used ("OpenAI’s", "SoftBank Group").</summary>
public sealed record OrganizationMention(int Start, int Length, string Text, KnownOrganization Organization);

/// <summary>
/// Finds the known organizations a sentence names, by name or alias, in any case, as whole words, with a possessive
/// ("OpenAI's", "OpenAI’s") and curly or straight quotes alike. The longest name wins where names overlap ("SoftBank
/// Group" over "SoftBank"), and each place in the sentence is one mention.
/// </summary>
public sealed partial class OrganizationMentions
{
    private readonly List<(string Name, KnownOrganization Organization)> _names;

    public OrganizationMentions(IEnumerable<KnownOrganization> organizations)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        _names = [.. organizations
            .SelectMany(o => o.Aliases.Prepend(o.Name).Select(name => (Name: Normalize(name.Trim()), Organization: o)))
            .Where(n => n.Name.Length > 1)
            .OrderByDescending(n => n.Name.Length)];
    }

    public IReadOnlyList<OrganizationMention> Find(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var text = Normalize(sentence);
        var mentions = new List<OrganizationMention>();
        foreach (var (name, organization) in _names)
        {
            var from = 0;
            while ((from = text.IndexOf(name, from, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var end = from + name.Length;
                if (IsWordEdge(text, from - 1) && IsWordEdge(text, end) && !mentions.Any(m => from < m.Start + m.Length && m.Start < end))
                {
                    var possessive = Possessive().Match(text, end);
                    var length = name.Length + (possessive.Success && possessive.Index == end ? possessive.Length : 0);
                    mentions.Add(new OrganizationMention(from, length, sentence.Substring(from, length), organization));
                }

                from = end;
            }
        }

        return [.. mentions.OrderBy(m => m.Start)];
    }

    // Curly apostrophes and quotes as straight ones: the same length, so places in the text stay the sentence's.
    private static string Normalize(string text) =>
        text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"');

    private static bool IsWordEdge(string text, int index) =>
        index < 0 || index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] == '_');

    [GeneratedRegex(@"\G'(?:s\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();
}
