using System.Text.RegularExpressions;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Intake;

/// <summary>One pass over an article's sentences: each amount read as a deal, a valuation or a market change, and
/// sentences with an event's verb and no figure as market events.</summary>
internal sealed partial class ArticleReading(IntakeArticle article, PartyNames names)
{
    private readonly Dictionary<string, OrganizationType> _types = LearnTypes(article.Text);
    private List<Proposal> _lastDeals = [];
    private List<Proposal> _sentenceDeals = [];
    private int _count;

    public List<Proposal> Proposals { get; } = [];

    // Every name the article uses that the database does not know: "Inflection" later means the "Inflection AI" named before.
    private List<string>? _unknownNames;

    public void ReadSentences()
    {
        foreach (var sentence in ArticleSentences.Split(article.Text))
        {
            // A headline restates the body; a question asserts nothing.
            if (IsHeadline(sentence.Text) || sentence.Text.TrimEnd('"', '”', ')').EndsWith('?'))
            {
                continue;
            }

            var parties = Aligned(names.Find(sentence.Text));
            var found = new List<Proposal>();
            var amounts = MoneyExpressions.Find(sentence.Text);
            foreach (var money in amounts)
            {
                _sentenceDeals = found;
                if (parties.Count == 0 && Continues().IsMatch(sentence.Text[..money.Start]) && _lastDeals.Count > 0)
                {
                    Extend(_lastDeals[^1], sentence, money);
                    continue;
                }

                if (Read(sentence, parties, money) is { } proposal)
                {
                    found.Add(proposal);
                }
            }

            if (found.Count == 0 && amounts.Count == 0 && Event(sentence, parties) is { } happening)
            {
                found.Add(happening);
            }

            Umbrella(sentence, found);
            Proposals.AddRange(found);
            if (found.Any(p => p.Kind == ProposalKind.Deal))
            {
                _lastDeals = [.. found.Where(p => p.Kind == ProposalKind.Deal)];
            }
        }
    }

    private Proposal? Read(ArticleSentence sentence, IReadOnlyList<PartyMention> parties, MoneyMention money) =>
        FigureKinds.Of(sentence.Text, money) switch
        {
            FigureKind.Deal => Deal(sentence, parties, money),
            FigureKind.Valuation => Valuation(sentence, parties, money),
            FigureKind.MarketChange => MarketChange(sentence, parties, money),
            _ => null,
        };

    private Proposal? Deal(ArticleSentence sentence, IReadOnlyList<PartyMention> parties, MoneyMention money)
    {
        var reading = DealParties.Read(sentence.Text, parties, money);
        if (reading.Target is null || (reading.Investors.Count == 0 && !reading.Raised))
        {
            // Without a target, or without an investor unless the target raised the money, the words do not say a deal.
            return null;
        }

        var target = reading.Target.Party(TypeOf(reading.Target));
        var status = StatusCues.Nearest(sentence.Text, money.Start, money.Length);
        var proposal = New(ProposalKind.Deal, sentence, money);
        proposal.Target = target;
        proposal.Investors = [.. reading.Investors.Select(i => i.Party(TypeOf(i)))];
        proposal.InvestorRole = reading.Role;
        proposal.Status = status?.Status ?? DealStatus.Announced;
        proposal.DealKind = DealKindOf(sentence.Text, money, reading, target);
        proposal.Outcome = StatusCues.Outcome(sentence.Text) is { } outcome ? char.ToUpperInvariant(outcome[0]) + outcome[1..] : null;
        proposal.Date = FirstDate(sentence.Text) ?? (proposal.Status == DealStatus.Completed ? null : ArticleMonth);
        proposal.Why.AddRange(reading.Why.Select(w => $"parties “{w}”"));
        proposal.Why.Add(status is null ? "status: no cue, announced by default" : $"status “{status.Words}”");
        return proposal;
    }

    private Proposal? Valuation(ArticleSentence sentence, IReadOnlyList<PartyMention> parties, MoneyMention money)
    {
        // Whose worth: the one named after "valuing"/"values", else the target of a deal the sentence states, else a party
        // before the amount, else (for "the company", "the startup") the target of the last deal told.
        var valuing = Valuing().Match(sentence.Text[..money.Start]);
        var named = valuing.Success ? parties.FirstOrDefault(p => p.Start >= valuing.Index && p.End <= money.Start) : null;
        var of = named?.Party(TypeOf(named))
            ?? _sentenceDeals.FirstOrDefault(p => p.Kind == ProposalKind.Deal)?.Target
            ?? (parties.LastOrDefault(p => p.End <= money.Start) is { } before ? before.Party(TypeOf(before)) : null)
            ?? _lastDeals.LastOrDefault()?.Target;
        if (of is null)
        {
            return null;
        }

        var proposal = New(ProposalKind.Valuation, sentence, money);
        proposal.Target = of;
        proposal.ValuationKind = FigureKinds.ValuationKindOf(sentence.Text);
        proposal.Date = FirstDate(sentence.Text) ?? ArticleMonth;
        proposal.Why.Add("valuation words near the amount");
        return proposal;
    }

    private Proposal? MarketChange(ArticleSentence sentence, IReadOnlyList<PartyMention> parties, MoneyMention money)
    {
        var of = parties.LastOrDefault(p => p.End <= money.Start && p.Known is not null) ?? parties.FirstOrDefault(p => p.End <= money.Start);
        if (of is null || (money.High ?? money.Low) is not { } figure)
        {
            return null;
        }

        var proposal = New(ProposalKind.MarketEvent, sentence, money);
        proposal.Investors = [of.Party(TypeOf(of))];
        proposal.Change = FigureKinds.SignOf(sentence.Text) * figure;
        proposal.Date = FirstDate(sentence.Text) ?? ArticleMonth;
        proposal.Why.Add("a change in market value, not an investment");
        return proposal;
    }

    private Proposal? Event(ArticleSentence sentence, IReadOnlyList<PartyMention> parties)
    {
        var verb = EventVerb().Match(sentence.Text);
        if (!verb.Success)
        {
            return null;
        }

        var subject = parties.LastOrDefault(p => p.End <= verb.Index);
        if (subject is null)
        {
            return null;
        }

        // The subject, the object just after the verb, and any known organization the sentence names.
        var named = parties.Where(p => p == subject || p.Known is not null || (p.Start >= verb.Index && p.Start - (verb.Index + verb.Length) <= 12)).ToList();
        var proposal = New(ProposalKind.MarketEvent, sentence, null);
        proposal.Investors = [.. named.Select(p => p.Party(TypeOf(p))).DistinctBy(p => p.Name.ToUpperInvariant())];
        proposal.Title = ProposalTitles.Clause(sentence.Text, subject.Start, verb.Index + verb.Length);
        proposal.Date = FirstDate(sentence.Text) ?? ArticleMonth;
        proposal.Why.Add($"event “{verb.Value}”");
        return proposal;
    }

    // "The project, which could expand to $500 billion": the last deal's figure grows into a range.
    private static void Extend(Proposal deal, ArticleSentence sentence, MoneyMention money)
    {
        var from = deal.Amount.Low ?? deal.Amount.High;
        var to = money.High ?? money.Low;
        if (from is null || to is null || to <= from)
        {
            return;
        }

        deal.Amount = AmountRange.Between(from.Value, to.Value);
        deal.Quotes.Add(new ProposalQuote(sentence.Start, sentence.Text));
        deal.Why.Add($"range “{Continues().Match(sentence.Text[..money.Start]).Value.Trim()}” {money.Text}");
    }

    // "This investment is part of a broader partnership ...": the sentence's deal is the wider one; the last sentence's
    // deals with an investor in common are its parts.
    private void Umbrella(ArticleSentence sentence, List<Proposal> found)
    {
        var cue = PartOf().Match(sentence.Text);
        if (!cue.Success || found.FirstOrDefault(p => p.Kind == ProposalKind.Deal) is not { } wider)
        {
            return;
        }

        if (cue.Groups["what"].Value.Equals("partnership", StringComparison.OrdinalIgnoreCase))
        {
            wider.DealKind = DealKind.Partnership;
        }

        wider.Why.Add($"wider deal “{cue.Value}”");
        foreach (var part in _lastDeals.Where(p => p != wider && p.Investors.Any(i => wider.Investors.Any(w => Same(w, i)))))
        {
            part.PartOf.Add(wider.Key);
            part.Why.Add($"part of “{cue.Value}”");
        }
    }

    private Proposal New(ProposalKind kind, ArticleSentence sentence, MoneyMention? money)
    {
        var prefix = kind switch { ProposalKind.Deal => "deal", ProposalKind.Valuation => "valuation", _ => "event" };
        var proposal = new Proposal { Key = $"{prefix}-{++_count}", Kind = kind };
        proposal.Quotes.Add(new ProposalQuote(sentence.Start, sentence.Text));
        if (money is not null)
        {
            (proposal.Currency, proposal.Amount) = (money.Currency, money.Amount);
            proposal.Why.Add(money.Cue is null ? $"amount “{money.Text}”" : $"amount “{money.Cue}” → {Labels.Of(money.Qualifier).ToLowerInvariant()}");
        }

        return proposal;
    }

    private static DealKind DealKindOf(string sentence, MoneyMention money, DealPartiesReading reading, ProposedParty target)
    {
        var clause = sentence[money.End..];
        clause = clause[..Math.Min(clause.Length, reading.Target!.End - money.End + 60)];
        return reading.Acquisition ? DealKind.Acquisition
            : Partnership().IsMatch(sentence[..money.Start]) ? DealKind.Partnership
            : sentence.Contains("joint venture", StringComparison.OrdinalIgnoreCase) ? DealKind.JointVenture
            : Debt().IsMatch(sentence) ? DealKind.Debt
            : target.Type == OrganizationType.Project || Infrastructure().IsMatch(clause) ? DealKind.InfrastructureCommitment
            : DealKind.EquityInvestment;
    }

    private List<PartyMention> Aligned(IReadOnlyList<PartyMention> parties)
    {
        _unknownNames ??= [.. ArticleSentences.Split(article.Text).Where(s => !IsHeadline(s.Text)).SelectMany(s => names.Find(s.Text)).Where(p => p.Known is null).Select(p => p.Name).Distinct()];
        return [.. parties.Select(p => p.Known is not null ? p
            : _unknownNames.Where(n => n.StartsWith(p.Name + " ", StringComparison.OrdinalIgnoreCase)).OrderBy(n => n.Length).FirstOrDefault() is { } longer
                ? p with { Name = longer }
                : p)];
    }

    private OrganizationType TypeOf(PartyMention party) =>
        _types.TryGetValue(party.Name, out var type) ? type : OrganizationType.Company;

    private PartialDate? FirstDate(string sentence) => DateCues.Find(sentence, article.PublishedOn).FirstOrDefault()?.Date;

    private PartialDate ArticleMonth => PartialDate.Month(article.PublishedOn.Year, article.PublishedOn.Month);

    internal static bool Same(ProposedParty a, ProposedParty b) =>
        a.OrganizationId is { } id ? id == b.OrganizationId : b.OrganizationId is null && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    private static bool IsHeadline(string sentence) =>
        !EndMark().IsMatch(sentence) && sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 16;

    // "Stargate, a U.S.-based data center project": what an article says an organization is.
    private static Dictionary<string, OrganizationType> LearnTypes(string text)
    {
        var types = new Dictionary<string, OrganizationType>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Appositive().Matches(text))
        {
            types.TryAdd(match.Groups["name"].Value, match.Groups["what"].Value.ToLowerInvariant() switch
            {
                "project" or "venture" => OrganizationType.Project,
                "fund" or "investor" => OrganizationType.VentureFund,
                "conglomerate" => OrganizationType.Conglomerate,
                _ => OrganizationType.Company,
            });
        }

        return types;
    }

    [GeneratedRegex(@"[.!?][""'”’)\]]*$")]
    private static partial Regex EndMark();

    [GeneratedRegex(@"(?<name>[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)*),\s+an?\s+(?:[\w.\-]+\s+){0,5}?(?<what>project|venture|fund|investor|conglomerate|firm|startup|company|giant|maker|lab)\b")]
    private static partial Regex Appositive();

    [GeneratedRegex(@"\b(?:expand(?:s|ed|ing)?|grow(?:s|ing|n)?|rise|rising|increase[sd]?|swell|climb|reach)\s+(?:to\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Continues();

    [GeneratedRegex(@"\bpart\s+of\s+(?:a|an|the)\s+(?:broader|wider|larger|bigger|overall)\s+(?<what>partnership|deal|agreement|plan|program|programme|commitment|investment|project|initiative)", RegexOptions.IgnoreCase)]
    private static partial Regex PartOf();

    [GeneratedRegex(@"\bvalu(?:e|es|ed|ing)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Valuing();

    [GeneratedRegex(@"\bpartnership\b", RegexOptions.IgnoreCase)]
    private static partial Regex Partnership();

    [GeneratedRegex(@"\b(?:loan|debt|credit\s+facility|bonds?|notes\s+offering)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Debt();

    [GeneratedRegex(@"\b(?:data\s+cent(?:er|re)s?|infrastructure|supercomputer|compute\s+cluster|gigafactory|chip\s+plant|fab)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Infrastructure();

    [GeneratedRegex(@"\b(?:released|releases|launched|launches|unveiled|unveils|introduced|accused|accuses|sued|sues|agreed\s+to|filed|opened|open-sourced|banned|blocked|partnered|appointed|resigned|stepped\s+down)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EventVerb();
}
