namespace AiDeals.Core.Domain;

/// <summary>One change to one record: who, when, what, and each field's old and new value.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public AuditAction Action { get; set; }

    public DateTime AtUtc { get; set; }

    public required string User { get; set; }

    /// <summary>JSON object: field name to { "old": …, "new": … }.</summary>
    public required string Changes { get; set; }

    public string? Reason { get; set; }

    /// <summary>The batch the change came in with (an import's "Import of deals.csv"), so the history can show it whole.</summary>
    public string? Batch { get; set; }
}
