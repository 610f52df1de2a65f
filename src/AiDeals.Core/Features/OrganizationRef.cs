namespace AiDeals.Core.Features;

/// <summary>A link to an organization's profile, as lists and details show it.</summary>
public sealed record OrganizationRef(string Name, string Slug);
