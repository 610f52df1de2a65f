using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// Turns a read deal book into entities, checking every reference and rule with the JSON path of the offender. The
/// rules of a deal, a valuation, an amount, a web address and a country are the editors' own (see <see cref="DealBookForms"/>).
/// </summary>
internal sealed partial class DealBookPlan(string path, DealBook book)
{
    private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Organization> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Deal> _deals = new(StringComparer.Ordinal);

    public List<Source> Sources { get; } = [];

    public List<Organization> Organizations { get; } = [];

    public List<Deal> Deals { get; } = [];

    public List<Valuation> Valuations { get; } = [];

    public List<MarketEvent> MarketEvents { get; } = [];

    public void Build()
    {
        if (book.Deals is null || book.Deals.Count == 0)
        {
            Fail("$.deals", "a deal book needs at least one deal.");
        }

        ForEach(book.Sources, "$.sources", AddSource);
        ForEach(book.Organizations, "$.organizations", AddOrganization);
        ForEach(book.Deals, "$.deals", AddDeal);
        ForEach(book.Deals, "$.deals", LinkWider);
        ForEach(book.Valuations, "$.valuations", AddValuation);
        ForEach(book.MarketEvents, "$.marketEvents", AddMarketEvent);
    }

    private void AddSource(DealBookSource source, string at)
    {
        var key = Key(source.Key, at);
        if (_sources.ContainsKey(key))
        {
            Fail(at + ".key", $"the source key '{key}' is used twice.");
        }

        var url = source.Url is null ? null : HttpUrl(source.Url, at + ".url", SourceLimits.Url);
        string? document = null;
        if (source.Document is not null)
        {
            var documentPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", source.Document);
            if (!File.Exists(documentPath))
            {
                Fail(at + ".document", $"the source document '{source.Document}' is not beside the deal book.");
            }

            document = File.ReadAllText(documentPath);
        }

        var entity = new Source
        {
            Title = Text(source.Title, at + ".title", SourceLimits.Title),
            Publisher = Optional(source.Publisher, at + ".publisher", SourceLimits.Publisher),
            Url = url,
            PublishedOn = source.PublishedOn,
        };
        _sources[key] = entity;
        _documents[key] = document;
        Sources.Add(entity);
    }

    private void AddOrganization(DealBookOrganization organization, string at)
    {
        var key = Key(organization.Key, at);
        if (_organizations.ContainsKey(key))
        {
            Fail(at + ".key", $"the organization key '{key}' is used twice.");
        }

        var name = Text(organization.Name, at + ".name", OrganizationLimits.Name);
        var names = Organizations.SelectMany(o => o.Aliases.Select(a => a.Name).Append(o.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Contains(name))
        {
            Fail(at + ".name", $"the name '{name}' is already an organization's name or alias.");
        }

        var entity = new Organization
        {
            Name = name,
            Slug = key,
            Type = organization.Type,
            Country = organization.Country is null ? null : Country(organization.Country, at + ".country"),
            Website = organization.Website is null ? null : HttpUrl(organization.Website, at + ".website", OrganizationLimits.Website),
            Description = Optional(organization.Description, at + ".description", OrganizationLimits.Description),
            FoundedYear = organization.FoundedYear,
        };
        names.Add(name);
        for (var i = 0; i < (organization.Aliases?.Count ?? 0); i++)
        {
            var alias = Text(organization.Aliases![i], $"{at}.aliases[{i}]", OrganizationLimits.Name);
            if (!names.Add(alias))
            {
                Fail($"{at}.aliases[{i}]", $"the alias '{alias}' is already an organization's name or alias.");
            }

            entity.Aliases.Add(new OrganizationAlias { Name = alias });
        }

        entity.Citations.AddRange(Citations(organization.Citations, at));
        _organizations[key] = entity;
        Organizations.Add(entity);
    }

    private void AddDeal(DealBookDeal deal, string at)
    {
        var key = Key(deal.Key, at);
        if (_deals.ContainsKey(key))
        {
            Fail(at + ".key", $"the deal key '{key}' is used twice.");
        }

        var target = deal.Target is null ? null : OrganizationRef(deal.Target, at + ".target");
        PartialDate? announced = deal.Announced is null ? null : Date(deal.Announced, at + ".announced");
        PartialDate? closed = deal.Closed is null ? null : Date(deal.Closed, at + ".closed");
        var participants = (deal.Participants ?? [])
            .Select((p, i) => OrganizationRef(p.Organization, $"{at}.participants[{i}].organization"))
            .ToList();
        var citations = Citations(deal.Citations, at);
        if (DealBookForms.CheckDeal(
            deal, at, announced, closed, [.. participants.Select(StandInId)], [.. citations.Select(c => (StandInId(c.Source!), c.Quote))]) is { } problem)
        {
            Fail(problem.At, problem.Problem);
        }

        var entity = new Deal
        {
            Title = deal.Title!.Trim(),
            Kind = deal.Kind,
            Status = deal.Status,
            Target = target,
            Announced = announced,
            Closed = closed,
            Notes = deal.Notes,
            OutcomeNote = deal.Outcome,
        };
        // Converted to dollars by the loader, which reads the rates; until then the figures are as reported.
        entity.Report(Currencies.Normalize(deal.Amount?.Currency), Amount(deal.Amount), rate: null);
        entity.Participants.AddRange(participants.Select((organization, i) =>
        {
            var participant = new DealParticipant { Organization = organization, Role = deal.Participants![i].Role };
            participant.Report(deal.Participants[i].Commitment?.Currency, Amount(deal.Participants[i].Commitment), rate: null);
            return participant;
        }));
        entity.Citations.AddRange(citations);
        _deals[key] = entity;
        Deals.Add(entity);
    }

    private void AddValuation(DealBookValuation valuation, string at)
    {
        var organization = OrganizationRef(valuation.Organization, at + ".organization");
        if (DealBookForms.CheckValuation(valuation, at, StandInId(organization)) is { } problem)
        {
            Fail(problem.At, problem.Problem);
        }

        var entity = new Valuation
        {
            Organization = organization,
            AsOfDate = Date(valuation.AsOf!, at + ".asOf"),
            Amount = valuation.Amount!.Value,
            Kind = valuation.Kind,
            Deal = valuation.Deal is null ? null : DealRef(valuation.Deal, at + ".deal"),
        };
        entity.Citations.AddRange(Citations(valuation.Citations, at));
        Valuations.Add(entity);
    }

    private void AddMarketEvent(DealBookMarketEvent marketEvent, string at)
    {
        if (AmountRange.ValidateFigure(marketEvent.Amount) is { } problem)
        {
            Fail(at + ".amount", problem);
        }

        var entity = new MarketEvent
        {
            Title = Text(marketEvent.Title, at + ".title", MarketEventLimits.Title),
            Description = Optional(marketEvent.Description, at + ".description", MarketEventLimits.Description),
            Occurred = Date(marketEvent.Date ?? Fail<string>(at + ".date", "a market event needs a date."), at + ".date"),
            Amount = marketEvent.Amount,
        };
        for (var i = 0; i < (marketEvent.Organizations?.Count ?? 0); i++)
        {
            var organization = OrganizationRef(marketEvent.Organizations![i], $"{at}.organizations[{i}]");
            if (entity.Organizations.All(o => o.Organization != organization))
            {
                entity.Organizations.Add(new MarketEventOrganization { Organization = organization });
            }
        }

        entity.Citations.AddRange(Citations(marketEvent.Citations, at));
        MarketEvents.Add(entity);
    }

    private List<Citation> Citations(IReadOnlyList<DealBookCitation>? citations, string at)
    {
        if (citations is null || citations.Count == 0)
        {
            Fail(at + ".citations", "every figure needs at least one citation with its quote.");
        }

        var result = new List<Citation>();
        for (var i = 0; i < citations.Count; i++)
        {
            var citationAt = $"{at}.citations[{i}]";
            var sourceKey = citations[i].Source ?? Fail<string>(citationAt + ".source", "a citation needs a source.");
            if (!_sources.TryGetValue(sourceKey, out var source))
            {
                Fail(citationAt + ".source", $"no source has the key '{sourceKey}'.");
            }

            var quote = string.IsNullOrWhiteSpace(citations[i].Quote)
                ? Fail<string>(citationAt + ".quote", "a citation needs the verbatim quote that backs the figure.")
                : Text(citations[i].Quote, citationAt + ".quote", CitationLimits.Quote);
            if (_documents[sourceKey] is { } document && !document.Contains(quote, StringComparison.Ordinal))
            {
                Fail(citationAt + ".quote", $"the quote is not found verbatim in the source document: \"{Shorten(quote)}\".");
            }

            result.Add(new Citation { Source = source, Quote = quote });
        }

        return result;
    }

    private Organization OrganizationRef(string? key, string at)
    {
        if (key is null || !_organizations.TryGetValue(key, out var organization))
        {
            return Fail<Organization>(at, key is null ? "an organization key is missing." : $"no organization has the key '{key}'.");
        }

        return organization;
    }

    private Deal DealRef(string key, string at) =>
        _deals.TryGetValue(key, out var deal) ? deal : Fail<Deal>(at, $"no deal has the key '{key}'.");

    // Checked already by the deal's rules (DealBookForms.CheckDeal).
    private static AmountRange Amount(DealBookAmount? amount) =>
        amount is null ? AmountRange.Undisclosed : AmountRange.Create(amount.Low, amount.High, amount.Qualifier);

    // The ids a form of a planned entry holds for the organizations and sources it names, which have no ids yet.
    private int StandInId(Organization organization) => Organizations.IndexOf(organization) + 1;

    private int StandInId(Source source) => Sources.IndexOf(source) + 1;

    private PartialDate Date(string text, string at) =>
        PartialDate.TryParse(text, out var date) ? date : Fail<PartialDate>(at, $"'{text}' is not a date: write 2025-01-27, 2025-01, 2024-Q4 or 2019.");

    private string Key(string? key, string at)
    {
        if (string.IsNullOrWhiteSpace(key) || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            Fail(at + ".key", "a key is required and is lowercase letters, digits and dashes.");
        }

        return key;
    }

    private string Text(string? text, string at, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail(at, "a value is required here.");
        }

        text = text.Trim();
        return text.Length <= maxLength ? text : Fail<string>(at, TextLimitAttribute.Message(maxLength, text.Length));
    }

    private string? Optional(string? text, string at, int maxLength) =>
        text is null || text.Length <= maxLength ? text : Fail<string>(at, TextLimitAttribute.Message(maxLength, text.Length));

    private string HttpUrl(string url, string at, int maxLength) =>
        !HttpUrlAttribute.IsHttpUrl(url) ? Fail<string>(at, $"'{Shorten(url)}' is not an http(s) URL.")
        : Optional(url.Trim(), at, maxLength)!;

    // Stored upper-cased, as the organization editor stores it.
    private string Country(string code, string at) =>
        Countries.IsValid(code)
            ? code.Trim().ToUpperInvariant()
            : Fail<string>(at, $"'{code}' is not an ISO 3166 alpha-2 country code such as US or JP.");

    private static void ForEach<T>(IReadOnlyList<T>? items, string at, Action<T, string> action)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            action(items![i], string.Create(CultureInfo.InvariantCulture, $"{at}[{i}]"));
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string at, string problem) => throw new DealBookException(path, at, problem);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private T Fail<T>(string at, string problem) => throw new DealBookException(path, at, problem);
}
