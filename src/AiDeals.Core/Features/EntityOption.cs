namespace AiDeals.Core.Features;

/// <summary>
/// A record to pick in a form's type-ahead (a deal, a source, or an organization through
/// <see cref="Organizations.OrganizationOption.ToEntityOption"/>): its id, its name, and a line that tells look-alikes apart.
/// </summary>
public sealed record EntityOption(int Id, string Name, string? Detail = null);
