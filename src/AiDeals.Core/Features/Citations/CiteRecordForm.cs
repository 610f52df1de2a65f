using System.ComponentModel.DataAnnotations;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Citations;

/// <summary>
/// A quote from a source that backs an organization, a valuation or a market event (a deal's quotes travel in its own
/// form); what an import adds for each quote of a deal book that the record does not hold yet.
/// </summary>
public sealed class CiteRecordForm
{
    [EnumDataType(typeof(RecordKind), ErrorMessage = "Choose what the quote backs.")]
    public RecordKind Kind { get; set; } = RecordKind.Organization;

    [Range(1, int.MaxValue, ErrorMessage = "Choose the record the quote backs.")]
    public int RecordId { get; set; }

    [Required(ErrorMessage = "Choose the source.")]
    public int? SourceId { get; set; }

    [Required(ErrorMessage = "Enter the quote, word for word.")]
    [PlainText]
    [TextLimit(CitationLimits.Quote)]
    public string Quote { get; set; } = string.Empty;
}
