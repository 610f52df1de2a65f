using AiDeals.Core.Domain;

namespace AiDeals.Core.Data.Seeding;

// The JSON shape of a deal book (seed-data/dealbook.json): figures with the quotes that back them, linked by keys.
// Money is whole units of a currency: US dollars unless an amount (a deal's or a commitment) names another ("currency": "EUR"); dates are
// "2025-01-27", "2025-01", "2024-Q4" or "2019".

public sealed record DealBook(
    IReadOnlyList<DealBookSource>? Sources,
    IReadOnlyList<DealBookOrganization>? Organizations,
    IReadOnlyList<DealBookDeal>? Deals,
    IReadOnlyList<DealBookValuation>? Valuations,
    IReadOnlyList<DealBookMarketEvent>? MarketEvents);

/// <summary>A source; <c>Document</c> names a text file beside the deal book that every quote must appear in verbatim.</summary>
public sealed record DealBookSource(string? Key, string? Title, string? Publisher, string? Url, DateOnly? PublishedOn, string? Document);

public sealed record DealBookCitation(string? Source, string? Quote);

/// <summary>An amount in whole units of <c>Currency</c> (ISO 4217; left out, US dollars, as in books written before it).</summary>
public sealed record DealBookAmount(long? Low, long? High, AmountQualifier Qualifier, string? Currency = null);

public sealed record DealBookOrganization(
    string? Key,
    string? Name,
    IReadOnlyList<string>? Aliases,
    OrganizationType Type,
    string? Country,
    string? Website,
    string? Description,
    int? FoundedYear,
    IReadOnlyList<DealBookCitation>? Citations);

public sealed record DealBookParticipant(string? Organization, ParticipantRole Role, DealBookAmount? Commitment);

/// <summary>
/// A deal. <c>PartOf</c> names the keys of the wider deals it is part of; <c>Parent</c> is the single umbrella of deal
/// books written before a deal could be part of several, still read as a one-key <c>PartOf</c>.
/// </summary>
public sealed record DealBookDeal(
    string? Key,
    string? Title,
    DealKind Kind,
    DealStatus Status,
    string? Target,
    DealBookAmount? Amount,
    string? Announced,
    string? Closed,
    string? Parent,
    string? Notes,
    string? Outcome,
    IReadOnlyList<DealBookParticipant>? Participants,
    IReadOnlyList<DealBookCitation>? Citations,
    IReadOnlyList<string>? PartOf = null)
{
    /// <summary>The wider deals' keys with the JSON path of each: <c>partOf</c>'s, or the old <c>parent</c> field's.</summary>
    public IReadOnlyList<(string Key, string At)> WiderKeys() =>
        PartOf is { } keys ? [.. keys.Select((key, i) => (key, $".partOf[{i}]"))]
        : Parent is { } parent ? [(parent, ".parent")]
        : [];
}

public sealed record DealBookValuation(
    string? Organization,
    string? AsOf,
    long? Amount,
    ValuationKind Kind,
    string? Deal,
    IReadOnlyList<DealBookCitation>? Citations);

public sealed record DealBookMarketEvent(
    string? Key,
    string? Title,
    string? Description,
    string? Date,
    IReadOnlyList<string>? Organizations,
    long? Amount,
    IReadOnlyList<DealBookCitation>? Citations);

/// <summary>A deal book that cannot be loaded: the file, the JSON path and the problem.</summary>
public sealed class DealBookException(string file, string jsonPath, string problem)
    : Exception($"Deal book {file}, at {jsonPath}: {problem}")
{
    public string File { get; } = file;

    public string JsonPath { get; } = jsonPath;

    public string Problem { get; } = problem;
}

public sealed record DealBookLoadResult(bool Loaded, int Organizations, int Deals, int Valuations, int MarketEvents);
