using AiDeals.Core.Features;

namespace AiDeals.Web.Components.Shared;

/// <summary>Addresses of organization pages.</summary>
public static class OrganizationLinks
{
    public static string Profile(OrganizationRef organization) => Profile(organization.Slug);

    public static string Profile(string slug) => "/organizations/" + Uri.EscapeDataString(slug);
}
