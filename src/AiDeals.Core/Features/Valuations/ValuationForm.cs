using System.ComponentModel.DataAnnotations;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Valuations;

/// <summary>What an analyst enters to record or correct a valuation; <see cref="Id"/> is 0 for a new one.</summary>
public sealed class ValuationForm : IEditForm
{
    public int Id { get; set; }

    /// <summary>The version the form was loaded at; a save against a newer one is a conflict.</summary>
    public int Version { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Choose the organization that was valued.")]
    public int OrganizationId { get; set; }

    /// <summary>The date at its precision: 2025-03-31, 2025-03, 2025-Q1 or 2025.</summary>
    [Required(ErrorMessage = "Give the date of the valuation.")]
    [PartialDateText]
    public string AsOf { get; set; } = string.Empty;

    /// <summary>Whole US dollars.</summary>
    [Required(ErrorMessage = "Enter the valuation in dollars.")]
    [Range(typeof(long), "1", "9223372036854775807", ErrorMessage = "A valuation is more than zero dollars.")]
    public long? Amount { get; set; }

    public ValuationKind Kind { get; set; } = ValuationKind.PostMoney;

    /// <summary>The deal the figure came from, when there is one.</summary>
    public int? DealId { get; set; }

    /// <summary>Why the change is made, written into the audit log (e.g. when saving over someone else's change).</summary>
    [PlainText]
    [TextLimit(AuditLimits.Reason)]
    public string? Reason { get; set; }
}
