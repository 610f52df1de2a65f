using AiDeals.Core.Features.History;

namespace AiDeals.Web.Features.Organizations;

/// <summary>
/// What an organization's page read for one organization: the profile, its history and the names the history shows,
/// carried as JSON from the prerendered page into the circuit (<c>[PersistentState]</c>), so that a visit reads the
/// profile (the heaviest read of a busy investor) once.
/// </summary>
public sealed record OrganizationProfileState(
    AiDeals.Core.Features.Organizations.OrganizationProfile Profile,
    IReadOnlyList<ChangeRecord> History,
    ReferenceNames References);
