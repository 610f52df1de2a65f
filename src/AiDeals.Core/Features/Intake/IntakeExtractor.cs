namespace AiDeals.Core.Features.Intake;

/// <summary>
/// Turns an article into proposals: deals (who invests in whom, how much, how sure), valuations and market events, each
/// pinned to the sentences that state it and with the words that decided it. Deterministic and explainable: rules over
/// the words, no model, no network; the same article and organizations always give the same proposals.
/// </summary>
public sealed class IntakeExtractor(IEnumerable<KnownOrganization> organizations)
{
    private readonly PartyNames _names = new(new OrganizationMentions(organizations));

    public IReadOnlyList<Proposal> Extract(IntakeArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var reading = new ArticleReading(article, _names);
        reading.ReadSentences();
        ProposalMerging.MergeSameDeals(reading.Proposals);
        ProposalMerging.LinkParts(reading.Proposals, article.Text);
        foreach (var proposal in reading.Proposals)
        {
            proposal.Title = ProposalTitles.Of(proposal);
        }

        return reading.Proposals;
    }
}
