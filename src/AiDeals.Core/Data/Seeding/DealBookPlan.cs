using System.Globalization;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Data.Seeding;

/// <summary>Turns a read deal book into entities, checking every reference and rule with the JSON path of the offender.</summary>
internal sealed class DealBookPlan(string path, DealBook book)
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
        ForEach(book.Deals, "$.deals", LinkParent);
        ForEach(book.Valuations, "$.valuations", AddValuation);
        ForEach(book.MarketEvents, "$.marketEvents", AddMarketEvent);
    }

    /// <summary>Points every reference to a planned organization at one that is already in the database.</summary>
    public void Replace(Organization planned, Organization existing)
    {
        foreach (var deal in Deals)
        {
            if (deal.Target == planned)
            {
                deal.Target = existing;
            }

            foreach (var participant in deal.Participants.Where(p => p.Organization == planned))
            {
                participant.Organization = existing;
            }
        }

        foreach (var valuation in Valuations.Where(v => v.Organization == planned))
        {
            valuation.Organization = existing;
        }

        foreach (var link in MarketEvents.SelectMany(e => e.Organizations).Where(l => l.Organization == planned))
        {
            link.Organization = existing;
        }

        foreach (var citation in planned.Citations)
        {
            citation.Organization = existing;
            existing.Citations.Add(citation);
        }
    }

    private void AddSource(DealBookSource source, string at)
    {
        var key = Key(source.Key, at);
        if (_sources.ContainsKey(key))
        {
            Fail(at + ".key", $"the source key '{key}' is used twice.");
        }

        var url = source.Url is null ? null : HttpUrl(source.Url, at + ".url");
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
            Title = Text(source.Title, at + ".title", 500),
            Publisher = source.Publisher,
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

        var name = Text(organization.Name, at + ".name", 200);
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
            Website = organization.Website is null ? null : HttpUrl(organization.Website, at + ".website"),
            Description = organization.Description,
            FoundedYear = organization.FoundedYear,
        };
        names.Add(name);
        for (var i = 0; i < (organization.Aliases?.Count ?? 0); i++)
        {
            var alias = Text(organization.Aliases![i], $"{at}.aliases[{i}]", 200);
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

        var entity = new Deal
        {
            Title = Text(deal.Title, at + ".title", 300),
            Kind = deal.Kind,
            Status = deal.Status,
            Target = deal.Target is null ? null : OrganizationRef(deal.Target, at + ".target"),
            Amount = Amount(deal.Amount, at + ".amount"),
            Announced = deal.Announced is null ? null : Date(deal.Announced, at + ".announced"),
            Closed = deal.Closed is null ? null : Date(deal.Closed, at + ".closed"),
            Notes = deal.Notes,
            OutcomeNote = deal.Outcome,
        };

        if (entity.Announced is { } announced && entity.Closed is { } closed && closed.End < announced.Date)
        {
            Fail(at + ".closed", $"the deal closed ({closed}) before it was announced ({announced}).");
        }

        for (var i = 0; i < (deal.Participants?.Count ?? 0); i++)
        {
            var participant = deal.Participants![i];
            var participantAt = $"{at}.participants[{i}]";
            var organization = OrganizationRef(participant.Organization, participantAt + ".organization");
            if (entity.Participants.Any(p => p.Organization == organization))
            {
                Fail(participantAt + ".organization", $"'{participant.Organization}' takes part in this deal twice.");
            }

            entity.Participants.Add(new DealParticipant
            {
                Organization = organization,
                Role = participant.Role,
                Commitment = participant.Commitment is null ? AmountRange.Undisclosed : Amount(participant.Commitment, participantAt + ".commitment"),
            });
        }

        entity.Citations.AddRange(Citations(deal.Citations, at));
        _deals[key] = entity;
        Deals.Add(entity);
    }

    private void LinkParent(DealBookDeal deal, string at)
    {
        if (deal.Parent is null)
        {
            return;
        }

        var entity = _deals[deal.Key!];
        if (!_deals.TryGetValue(deal.Parent, out var parent))
        {
            Fail(at + ".parent", $"no deal has the key '{deal.Parent}'.");
        }

        for (var ancestor = parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor == entity)
            {
                Fail(at + ".parent", $"making '{deal.Parent}' the umbrella of '{deal.Key}' forms a cycle.");
            }
        }

        entity.Parent = parent;
    }

    private void AddValuation(DealBookValuation valuation, string at)
    {
        var amount = valuation.Amount ?? Fail<long>(at + ".amount", "a valuation needs an amount.");
        if (amount <= 0)
        {
            Fail(at + ".amount", "a valuation must be positive.");
        }

        var entity = new Valuation
        {
            Organization = OrganizationRef(valuation.Organization, at + ".organization"),
            AsOfDate = Date(valuation.AsOf ?? Fail<string>(at + ".asOf", "a valuation needs an as-of date."), at + ".asOf"),
            Amount = amount,
            Kind = valuation.Kind,
            Deal = valuation.Deal is null ? null : DealRef(valuation.Deal, at + ".deal"),
        };
        entity.Citations.AddRange(Citations(valuation.Citations, at));
        Valuations.Add(entity);
    }

    private void AddMarketEvent(DealBookMarketEvent marketEvent, string at)
    {
        var entity = new MarketEvent
        {
            Title = Text(marketEvent.Title, at + ".title", 300),
            Description = marketEvent.Description,
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
                : Text(citations[i].Quote, citationAt + ".quote", 4000);
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

    private AmountRange Amount(DealBookAmount? amount, string at)
    {
        if (amount is null)
        {
            return AmountRange.Undisclosed;
        }

        var error = AmountRange.Validate(amount.Low, amount.High, amount.Qualifier);
        return error is null ? AmountRange.Create(amount.Low, amount.High, amount.Qualifier) : Fail<AmountRange>(at, error);
    }

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
        return text.Length <= maxLength ? text : Fail<string>(at, $"the text is {text.Length} characters; at most {maxLength} fit.");
    }

    private string HttpUrl(string url, string at) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? url
            : Fail<string>(at, $"'{url}' is not an http(s) URL.");

    private string Country(string code, string at) =>
        code.Length == 2 && code.All(char.IsAsciiLetterUpper)
            ? code
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
