namespace AiDeals.Core.Domain;

public class Organization : EditableEntity
{
    public required string Name { get; set; }

    /// <summary>Upper-case invariant form of <see cref="Name"/>: unique, so names are unique case-insensitively.</summary>
    public string NormalizedName { get; private set; } = string.Empty;

    public required string Slug { get; set; }

    public OrganizationType Type { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, e.g. "US".</summary>
    public string? Country { get; set; }

    public string? Website { get; set; }

    public string? Description { get; set; }

    public int? FoundedYear { get; set; }

    public List<OrganizationAlias> Aliases { get; set; } = [];

    public List<DealParticipant> Participations { get; set; } = [];

    public List<Deal> TargetedBy { get; set; } = [];

    public List<Valuation> Valuations { get; set; } = [];

    public List<Citation> Citations { get; set; } = [];

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    internal void SyncNormalizedName() => NormalizedName = Normalize(Name);
}

public class OrganizationAlias
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public required string Name { get; set; }

    public string NormalizedName { get; private set; } = string.Empty;

    internal void SyncNormalizedName() => NormalizedName = Organization.Normalize(Name);
}
