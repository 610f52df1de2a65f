using AiDeals.Core.Domain;
using AiDeals.Core.Features.Citations;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Features.Sources;
using AiDeals.Core.Features.Valuations;

namespace AiDeals.Core.Features.Intake;

/// <summary>
/// The accepted proposals as the editors' commands, in the order their ids are needed: the article's source (once), the
/// organizations the analyst confirmed as new, the deals (wider ones first, so parts can name them), valuations and
/// events with their quotes. A command's id is known only once it saved: the steps after it read it from here.
/// </summary>
internal sealed class IntakeAcceptance(IntakeArticle article, IReadOnlyList<Proposal> accepted, AcceptanceContext context)
{
    private readonly Dictionary<Command, (string Key, Action<int>? Saved)> _steps = [];
    private readonly Dictionary<string, int> _organizations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _deals = [];
    private int? _sourceId = context.SourceId;

    public List<IntakeProblem> Problems { get; } = [];

    public int Created { get; private set; }

    public int Updated { get; private set; }

    public void OnResult(Command command, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(result);
        var (key, saved) = _steps[command];
        if (result.IsSaved)
        {
            saved?.Invoke(result.Id!.Value);
            return;
        }

        var messages = result.Outcome switch
        {
            CommandOutcome.Invalid => result.Errors.SelectMany(e => e.Value.Select(m => string.IsNullOrEmpty(e.Key) ? m : $"{e.Key}: {m}")),
            CommandOutcome.Conflict => ["Someone saved this deal meanwhile: read the article again to see their version."],
            CommandOutcome.NotFound => ["The stored deal it updates was deleted meanwhile."],
            _ => ["Only analysts may save proposals."],
        };
        Problems.AddRange(messages.Select(m => new IntakeProblem(key, m)));
    }

    public IEnumerable<Command> Commands()
    {
        if (_sourceId is null)
        {
            var source = new SourceForm { Title = article.Title.Trim(), Publisher = Blank(article.Publisher), Url = Blank(article.Url), PublishedOn = article.PublishedOn };
            yield return Step(new CreateSource(source), string.Empty, id => _sourceId = id);
        }

        foreach (var party in accepted.SelectMany(p => p.Parties).Where(p => !p.IsKnown).DistinctBy(p => p.Name.Trim().ToUpperInvariant()))
        {
            var form = new OrganizationForm { Name = party.Name.Trim(), Type = party.Type, Reason = "Named in a news article" };
            yield return Step(new CreateOrganization(form), accepted.First(p => p.Parties.Contains(party)).Key, id => _organizations[party.Name.Trim()] = id);
        }

        if (_sourceId is not int sourceId)
        {
            yield break;
        }

        foreach (var deal in WiderFirst(accepted.Where(p => p.Kind == ProposalKind.Deal).ToList()))
        {
            var form = DealFormOf(deal, sourceId);
            Command command = deal.Existing is null ? new CreateDeal(form) : new UpdateDeal(form);
            yield return Step(command, deal.Key, id => (_deals[deal.Key], Created, Updated) = (id, Created + (deal.Existing is null ? 1 : 0), Updated + (deal.Existing is null ? 0 : 1)));
        }

        foreach (var figure in accepted.Where(p => p.Kind != ProposalKind.Deal))
        {
            int? recordId = null;
            var kind = figure.Kind == ProposalKind.Valuation ? RecordKind.Valuation : RecordKind.MarketEvent;
            Command command = figure.Kind == ProposalKind.Valuation
                ? new CreateValuation(new ValuationForm
                {
                    OrganizationId = Id(figure.Target) ?? 0,
                    AsOf = figure.Date?.ToIsoString() ?? string.Empty,
                    Amount = figure.InDollars ? figure.Amount.Low ?? figure.Amount.High : null,
                    Kind = figure.ValuationKind,
                })
                : new CreateMarketEvent(new MarketEventForm
                {
                    Occurred = figure.Date?.ToIsoString() ?? string.Empty,
                    Title = figure.Title.Trim(),
                    Description = figure.Quotes.FirstOrDefault()?.Text,
                    OrganizationIds = [.. figure.Investors.Select(Id).OfType<int>()],
                    Amount = figure.InDollars ? figure.Change : null,
                });
            yield return Step(command, figure.Key, id => (recordId, Created) = (id, Created + 1));
            if (recordId is int saved)
            {
                foreach (var quote in figure.Quotes)
                {
                    yield return Step(new CiteRecord(new CiteRecordForm { Kind = kind, RecordId = saved, SourceId = sourceId, Quote = quote.Text }), figure.Key, null);
                }
            }
        }
    }

    // A stored deal keeps what the article does not say: its other quotes, participants, notes and dates.
    private DealForm DealFormOf(Proposal deal, int sourceId)
    {
        var form = deal.Existing is { } existing && context.Stored.TryGetValue(existing.Id, out var stored) ? stored : new DealForm { Title = deal.Title.Trim() };
        (form.Kind, form.Status, form.TargetId) = (deal.DealKind, deal.Status, Id(deal.Target));
        // The amount keeps the article's currency; the command converts it to dollars at the rate of the announced date.
        if (deal.Amount.IsDisclosed)
        {
            (form.AmountLow, form.AmountHigh, form.AmountQualifier) = (deal.Amount.Low, deal.Amount.High, deal.Amount.Qualifier);
            form.Currency = deal.Currency;
        }

        if (form.AnnouncedOn is null && deal.Date is { } date)
        {
            (form.AnnouncedOn, form.AnnouncedPrecision) = (date.Date, date.Precision);
        }

        // Every wider deal the article names, added to those a stored deal already has: a deal can be part of several.
        form.PartOfIds = [.. form.PartOfIds.Concat(deal.PartOf.Select(k => _deals.TryGetValue(k, out var id) ? id : 0).Where(id => id != 0)).Distinct()];
        form.OutcomeNote ??= deal.Outcome;
        // A single investor's commitment is the deal's amount, in the currency it was reported in.
        var single = deal.Investors.Count == 1;
        foreach (var investor in deal.Investors.Select(i => (Party: i, Id: Id(i))).Where(i => i.Id is not null && form.Participants.All(p => p.OrganizationId != i.Id)))
        {
            form.Participants.Add(new ParticipantForm
            {
                OrganizationId = investor.Id,
                Role = deal.InvestorRole,
                Currency = single ? deal.Currency : Currencies.Usd,
                CommitmentLow = single ? deal.Amount.Low : null,
                CommitmentHigh = single ? deal.Amount.High : null,
                CommitmentQualifier = single ? deal.Amount.Qualifier : AmountQualifier.Undisclosed,
            });
        }

        foreach (var quote in deal.Quotes.Where(q => form.Citations.All(c => c.SourceId != sourceId || c.Quote.Trim() != q.Text.Trim())))
        {
            form.Citations.Add(new CitationForm { SourceId = sourceId, Quote = quote.Text });
        }

        form.Reason = "From a news article";
        return form;
    }

    private int? Id(ProposedParty? party) =>
        party is null ? null : party.OrganizationId ?? (_organizations.TryGetValue(party.Name.Trim(), out var id) ? id : null);

    private Command Step(Command command, string key, Action<int>? saved)
    {
        _steps[command] = (key, saved);
        return command;
    }

    // Wider deals before their parts, so a part can name the wider deal it belongs to.
    private static IEnumerable<Proposal> WiderFirst(List<Proposal> deals)
    {
        var done = new HashSet<string>();
        while (done.Count < deals.Count)
        {
            var ready = deals.Where(d => !done.Contains(d.Key) && d.PartOf.All(k => done.Contains(k) || deals.All(o => o.Key != k))).ToList();
            foreach (var deal in ready.Count > 0 ? ready : deals.Where(d => !done.Contains(d.Key)))
            {
                done.Add(deal.Key);
                yield return deal;
            }
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Join(string? notes, string line) => string.IsNullOrWhiteSpace(notes) ? line : $"{notes}\n{line}";
}
