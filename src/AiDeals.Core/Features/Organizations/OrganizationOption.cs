namespace AiDeals.Core.Features.Organizations;

/// <summary>
/// An organization to pick or to filter by: its id and address, its aliases (so that "SBG" finds SoftBank Group and
/// says why) and, from the deal list's filters, how many deals it takes part in or is the target of.
/// </summary>
public sealed record OrganizationOption(int Id, string Name, string Slug, IReadOnlyList<string> Aliases, int DealCount = 0)
{
    /// <summary>The line that tells look-alikes apart: "also SBG, SoftBank Group Corp."; null without aliases.</summary>
    public string? Detail => Aliases.Count == 0 ? null : "also " + string.Join(", ", Aliases);

    /// <summary>The organization as a record to pick beside deals and sources, in a picker that takes any of them.</summary>
    public EntityOption ToEntityOption() => new(Id, Name, Detail);
}
