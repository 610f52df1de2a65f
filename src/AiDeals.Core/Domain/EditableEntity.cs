namespace AiDeals.Core.Domain;

/// <summary>
/// A row analysts edit: an optimistic-concurrency <see cref="Version"/> and a soft delete.
/// </summary>
public abstract class EditableEntity
{
    public int Id { get; set; }

    /// <summary>Raised by one on every save; a save whose version is stale is a conflict.</summary>
    public int Version { get; set; }

    /// <summary>When the row was deleted (UTC); deleted rows are hidden from normal queries and can be restored.</summary>
    public DateTime? DeletedAt { get; set; }
}
