using System.Text.RegularExpressions;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Intake;

/// <summary>Who invests in whom for one amount of a sentence, the role the words give the investors, and the words that said so.</summary>
public sealed record DealPartiesReading(IReadOnlyList<PartyMention> Investors, PartyMention? Target, ParticipantRole Role, bool Acquisition, IReadOnlyList<string> Why)
{
    /// <summary>The target raised the money ("OpenAI raised $6.6B"): a deal even when the words name no investor.</summary>
    public bool Raised { get; init; }
}

/// <summary>
/// Reads who invests in whom around an amount, in the active and the passive voice: "SoftBank ... invest $25B in OpenAI"
/// (the subject before an investing verb, the target after "in", "into", "for", "to" or "with" just after the amount),
/// "OpenAI raised $6.6B from Thrive, Microsoft and Nvidia" (the subject before "raised" is the target; the list after
/// "from", "led by", "backed by", "including" the investors), "a $100B investment in Stargate, ... backed by OpenAI and
/// SoftBank", "Microsoft agreed to acquire Inflection for $650M". What the words do not say stays empty for the analyst.
/// </summary>
public static partial class DealParties
{
    public static DealPartiesReading Read(string sentence, IReadOnlyList<PartyMention> parties, MoneyMention money)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(money);
        var why = new List<string>();
        var role = ParticipantRole.Lead;
        var acquisition = false;
        var target = parties.FirstOrDefault(p => p.Start >= money.End && TargetLink().IsMatch(sentence[money.End..p.Start]));
        var investors = new List<PartyMention>();

        // "A acquired B for $X": A buys, B is bought.
        if (Acquire().Match(sentence[..money.Start]) is { Success: true } buy)
        {
            var bought = parties.FirstOrDefault(p => p.Start >= buy.Index + buy.Length && p.End <= money.Start);
            var buyer = parties.LastOrDefault(p => p.End <= buy.Index);
            if (bought is not null && buyer is not null)
            {
                (target, acquisition) = (bought, true);
                investors.Add(buyer);
                why.Add(buy.Value.Trim());
            }
        }

        // "OpenAI raised $6.6B": the subject of a raising verb is the target.
        var raised = false;
        if (investors.Count == 0 && Raise().Match(sentence[..money.Start]) is { Success: true } raise
            && parties.LastOrDefault(p => p.End <= raise.Index) is { } raiser && target is null)
        {
            (target, raised) = (raiser, true);
            why.Add(raise.Value.Trim());
        }

        // "... from A, B and C", "led by A, with participation from B": the investors named in lists; the first list's words give the role.
        var listed = investors.Count > 0;
        foreach (Match list in ListLead().Matches(sentence))
        {
            var named = ListAfter(sentence, parties, list.Index + list.Length).Where(p => p != target).ToList();
            if (named.Count > 0 && !listed)
            {
                if (investors.Count == 0)
                {
                    role = list.Groups["led"].Success ? ParticipantRole.Lead : list.Groups["backed"].Success ? ParticipantRole.Backer : ParticipantRole.CoInvestor;
                }

                investors.AddRange(named);
                why.Add(list.Value.Trim());
            }
        }

        // "SoftBank is expected to commit $15B": the subject of an investing verb before the amount invests.
        if (investors.Count == 0 && Invest().Matches(sentence[..money.Start]).LastOrDefault() is { } verb)
        {
            var subject = parties.LastOrDefault(p => p.End <= verb.Index && p != target);
            if (subject is not null)
            {
                investors.AddRange(JoinedBefore(sentence, parties, subject).Where(p => p != target));
                why.Add(verb.Value.Trim());
            }
        }

        if (investors.Count > 1 && role == ParticipantRole.Lead && !why.Any(w => w.StartsWith("led", StringComparison.OrdinalIgnoreCase)))
        {
            role = ParticipantRole.CoInvestor;
        }

        return new DealPartiesReading(investors.DistinctBy(p => p.Name.ToUpperInvariant()).ToList(), target, role, acquisition, why) { Raised = raised };
    }

    // The parties that follow a list's lead words, joined by commas and "and": "A, B and C".
    private static List<PartyMention> ListAfter(string sentence, IReadOnlyList<PartyMention> parties, int from)
    {
        var named = new List<PartyMention>();
        foreach (var party in parties.Where(p => p.Start >= from))
        {
            if (!ListGap().IsMatch(sentence[from..party.Start]))
            {
                break;
            }

            named.Add(party);
            from = party.End;
        }

        return named;
    }

    // "SoftBank and Oracle will invest": the subject and any party joined to it before.
    private static IEnumerable<PartyMention> JoinedBefore(string sentence, IReadOnlyList<PartyMention> parties, PartyMention subject)
    {
        var joined = new List<PartyMention> { subject };
        foreach (var party in parties.Where(p => p.End <= subject.Start).Reverse())
        {
            if (!ListGap().IsMatch(sentence[party.End..joined[0].Start]))
            {
                break;
            }

            joined.Insert(0, party);
        }

        return joined;
    }

    // Between an amount and its target: a few words at most, then "in", "into", "for", "to" or "with".
    [GeneratedRegex(@"^[\s,]*(?:[\w\-]+\s+){0,4}?(?:in|into|for|to|with)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TargetLink();

    [GeneratedRegex(@"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s*,\s*as\s+well\s+as\s+|\s+as\s+well\s+as\s+)?\s*(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListGap();

    [GeneratedRegex(@"\b(?:(?<led>led\s+by|co-led\s+by)|(?<backed>backed\s+by|funded\s+by|supported\s+by)|from|with\s+participation\s+from|including|joined\s+by|alongside|(?:investment|stake|funding|financing|bet)\s+by)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListLead();

    [GeneratedRegex(@"\b(?:invest(?:s|ed|ing)?|commit(?:s|ted|ting)?|spend(?:s|ing)?|spent|put(?:s|ting)?|pour(?:s|ed|ing)?|inject(?:s|ed|ing)?|pledge(?:s|d)?|plough(?:s|ed)?|bet(?:s|ting)?|back(?:s|ed|ing)?|fund(?:s|ed|ing)?|lead(?:s|ing)?|led|provid(?:e|es|ed|ing)|lend(?:s|ing)?|lent|contribut(?:e|es|ed|ing)|make|makes|made|take|takes|took)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Invest();

    [GeneratedRegex(@"\b(?:raise[sd]?|raising|secure[sd]?|securing|land(?:s|ed)?|close[sd]?\s+(?:a|an|its)|receive[sd]?|attract(?:s|ed)?|gets?|got|won)\b(?!.*\b(?:raise[sd]?|raising|secure[sd]?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Raise();

    [GeneratedRegex(@"\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|take\s+over|took\s+over|acquisition\s+of)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Acquire();
}
