namespace AiDeals.Core.Domain;

// The longest text each field holds, in UTF-16 code units (what .NET's Length and the browser's maxlength count).
// One number serves the column (EF configuration), the rule (the forms' TextLimit annotations, so the editors, the API
// and the deal book loader) and the input (MudTextField MaxLength and Counter).

/// <summary>The longest texts of a deal.</summary>
public static class DealLimits
{
    public const int Title = 300;
    public const int Notes = 4000;
    public const int OutcomeNote = 2000;
    public const int ExternalId = 100;
}

/// <summary>The longest quote a citation holds.</summary>
public static class CitationLimits
{
    public const int Quote = 4000;
}

/// <summary>The longest texts of an organization; an alias is a name, so it has the name's limit.</summary>
public static class OrganizationLimits
{
    public const int Name = 200;
    public const int Website = 2048;
    public const int Description = 4000;
}

/// <summary>The longest texts of a source.</summary>
public static class SourceLimits
{
    public const int Title = 500;
    public const int Publisher = 200;
    public const int Url = 2048;
}

/// <summary>The longest texts of a market event.</summary>
public static class MarketEventLimits
{
    public const int Title = 300;
    public const int Description = 4000;
}

/// <summary>The longest reason an audit entry keeps (why a change was made).</summary>
public static class AuditLimits
{
    public const int Reason = 1000;
    public const int Batch = 300;
}
