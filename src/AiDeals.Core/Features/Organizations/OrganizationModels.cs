using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;

namespace AiDeals.Core.Features.Organizations;

/// <summary>One row of the organization list.</summary>
public sealed record OrganizationSummary(
    string Slug,
    string Name,
    OrganizationType Type,
    string? Country,
    IReadOnlyList<string> Aliases,
    int DealsAsParticipant,
    int DealsAsTarget);

/// <summary>A deleted organization still holding its address, so its page can offer to restore it.</summary>
public sealed record DeletedOrganization(int Id, string Name, int Version, DateTime DeletedAtUtc);

/// <summary>
/// What merging one organization into another would move, counted over live records, for the confirmation.
/// <see cref="SharedDeals"/> are deals both take part in: the merged organization's participation in them is removed
/// and the survivor's (role and commitment) kept.
/// </summary>
public sealed record MergePreview(
    OrganizationOption Survivor,
    OrganizationOption Merged,
    IReadOnlyList<string> NewAliases,
    int DealsAsTarget,
    int Participations,
    IReadOnlyList<DealRef> SharedDeals,
    int Valuations,
    int MarketEvents,
    int Citations);
