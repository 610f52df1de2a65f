using AiDeals.Core.Features;

namespace AiDeals.Web.Components.Shared;

/// <summary>Addresses of organization pages.</summary>
public static class OrganizationLinks
{
    public static string Profile(OrganizationRef organization) => Profile(organization.Slug);

    public static string Profile(string slug) => "/organizations/" + Uri.EscapeDataString(slug);

    /// <summary>The deal list of the organization's deals as investor.</summary>
    public static string DealsAsInvestor(string slug) => "/deals?investor=" + Uri.EscapeDataString(slug);

    /// <summary>The deal list of the deals into the organization.</summary>
    public static string DealsAsTarget(string slug) => "/deals?target=" + Uri.EscapeDataString(slug);
}
