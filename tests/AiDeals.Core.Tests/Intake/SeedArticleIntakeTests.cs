using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Intake;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests.Intake;

/// <summary>
/// The seed article read by the intake: every figure of the shipped deal book comes back as a proposal with the same
/// amount, qualifier, status and quote — with the organizations known (a seeded database) and unknown (an empty one).
/// </summary>
public sealed class SeedArticleIntakeTests(ITestOutputHelper output)
{
    private static readonly DealBook Book = System.Text.Json.JsonSerializer.Deserialize<DealBook>(File.ReadAllText(SeedData.DealBookPath), DealBookJson.Read)!;

    public static TheoryData<bool> Known() => new() { true, false };

    [Theory]
    [MemberData(nameof(Known))]
    public void Extract_CoversEveryDealFigure_WithItsAmountStatusAndQuotes(bool known)
    {
        var proposals = Extract(known);

        foreach (var deal in Book.Deals!.Where(d => d.Amount is { Qualifier: not AmountQualifier.Undisclosed }))
        {
            var target = Name(deal.Target!);
            var match = proposals.Where(p => p.Kind == ProposalKind.Deal && Is(p.Target, target)
                && p.Amount == AmountRange.Create(deal.Amount!.Low, deal.Amount.High, deal.Amount.Qualifier)).ToList();
            var proposal = Assert.Single(match);
            Assert.Equal(deal.Status, proposal.Status);
            Assert.Equal(deal.Kind, proposal.DealKind);
            Assert.Equal(deal.Citations!.Select(c => c.Quote).Order(), proposal.Quotes.Select(q => q.Text).Order());
            Assert.Equal(deal.Participants!.Select(p => Name(p.Organization!)).Order(), proposal.Investors.Select(i => Canonical(i.Name)).Order());
        }
    }

    [Theory]
    [MemberData(nameof(Known))]
    public void Extract_LinksThePartsToTheirWiderDeals_AsTheDealBookDoes(bool known)
    {
        var proposals = Extract(known);
        Proposal Deal(string key)
        {
            var deal = Book.Deals!.Single(d => d.Key == key);
            return proposals.Single(p => p.Kind == ProposalKind.Deal && p.Amount == AmountRange.Create(deal.Amount!.Low, deal.Amount.High, deal.Amount.Qualifier) && Is(p.Target, Name(deal.Target!)));
        }

        var partnership = Deal("softbank-openai-partnership");
        var stargate = Deal("stargate-project");
        Assert.Equal([partnership.Key], Deal("softbank-openai-equity").PartOf);
        Assert.Equal([partnership.Key, stargate.Key], Deal("softbank-stargate-commitment").PartOf);
        Assert.Empty(partnership.PartOf);
        Assert.Empty(stargate.PartOf);
    }

    [Theory]
    [MemberData(nameof(Known))]
    public void Extract_ProposesTheValuationAndTheMarketValueDrop_NotAsInvestments(bool known)
    {
        var proposals = Extract(known);

        var valuation = Assert.Single(proposals, p => p.Kind == ProposalKind.Valuation);
        Assert.Equal("OpenAI", valuation.Target!.Name);
        Assert.Equal(AmountRange.Exact(157_000_000_000), valuation.Amount);
        Assert.Equal(Book.Valuations![0].Citations![0].Quote, Assert.Single(valuation.Quotes).Text);

        var drop = Book.MarketEvents!.Single(e => e.Amount is not null);
        var change = Assert.Single(proposals, p => p.Change is not null);
        Assert.Equal(drop.Amount, change.Change);
        Assert.Equal("Nvidia", Canonical(Assert.Single(change.Investors).Name));
        Assert.Equal(drop.Citations![0].Quote, Assert.Single(change.Quotes).Text);
        Assert.DoesNotContain(proposals, p => p.Kind == ProposalKind.Deal && p.Quotes.Any(q => q.Text == drop.Citations[0].Quote));
    }

    [Theory]
    [MemberData(nameof(Known))]
    public void Extract_EveryQuoteIsTheArticlesWordsAtItsPlace(bool known)
    {
        var text = File.ReadAllText(SeedData.ArticlePath);

        var proposals = Extract(known);

        Assert.All(proposals.SelectMany(p => p.Quotes), q => Assert.Equal(q.Text, text.Substring(q.Start, q.Text.Length)));
        Assert.DoesNotContain(proposals, p => p.Quotes.Any(q => q.Text.StartsWith("SoftBank Plans", StringComparison.Ordinal)));
    }

    private List<Proposal> Extract(bool known)
    {
        var organizations = known
            ? Book.Organizations!.Select((o, i) => new KnownOrganization(i + 1, o.Name!, o.Aliases ?? [])).ToList()
            : [];
        var source = Book.Sources![0];
        var article = new IntakeArticle(File.ReadAllText(SeedData.ArticlePath), source.Title!, null, null, source.PublishedOn!.Value);
        var proposals = new IntakeExtractor(organizations).Extract(article).ToList();
        foreach (var p in proposals)
        {
            output.WriteLine($"{p.Key} {p.Kind} {p.Title} | {string.Join(", ", p.Investors.Select(i => i.Name))} → {p.Target?.Name} | {p.Amount} {p.Currency} {p.Change} | {p.DealKind} {p.Status} {p.Date} | part of {string.Join(",", p.PartOf)} | {string.Join("; ", p.Why)}");
        }

        return proposals;
    }

    // The deal book's organization (by key) by its name, and names as the article writes them ("SoftBank") by the book's.
    private static string Name(string key) => Book.Organizations!.Single(o => o.Key == key).Name!;

    private static string Canonical(string name) =>
        Book.Organizations!.FirstOrDefault(o => o.Name == name || (o.Aliases ?? []).Contains(name))?.Name ?? name;

    private static bool Is(ProposedParty? party, string name) => party is not null && Canonical(party.Name) == name;
}
