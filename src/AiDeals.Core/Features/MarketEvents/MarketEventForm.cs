using System.ComponentModel.DataAnnotations;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.MarketEvents;

/// <summary>What an analyst enters to record or correct a market event; <see cref="Id"/> is 0 for a new one.</summary>
public sealed class MarketEventForm : IEditForm
{
    public int Id { get; set; }

    /// <summary>The version the form was loaded at; a save against a newer one is a conflict.</summary>
    public int Version { get; set; }

    /// <summary>The date at its precision: 2025-01-27, 2025-01, 2025-Q1 or 2025.</summary>
    [Required(ErrorMessage = "Give the date of the event.")]
    [PartialDateText]
    public string Occurred { get; set; } = string.Empty;

    [Required(ErrorMessage = "Give the event a title.")]
    [PlainText]
    [TextLimit(MarketEventLimits.Title)]
    public string Title { get; set; } = string.Empty;

    [PlainText]
    [TextLimit(MarketEventLimits.Description)]
    public string? Description { get; set; }

    /// <summary>The organizations the event involves.</summary>
    public List<int> OrganizationIds { get; set; } = [];

    /// <summary>A signed figure in whole US dollars: a market-cap loss is negative.</summary>
    public long? Amount { get; set; }

    /// <summary>Why the change is made, written into the audit log (e.g. when saving over someone else's change).</summary>
    [PlainText]
    [TextLimit(AuditLimits.Reason)]
    public string? Reason { get; set; }
}
