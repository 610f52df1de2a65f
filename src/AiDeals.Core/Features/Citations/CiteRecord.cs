using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Citations;

/// <summary>Ties an organization, a valuation or a market event to a source with the quote that backs it.</summary>
public sealed class CiteRecord(CiteRecordForm form) : CreateCommand<Citation>
{
    public CiteRecordForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override void Validate(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.AddAnnotations(Form);
        if (Form.Kind is not (RecordKind.Organization or RecordKind.Valuation or RecordKind.MarketEvent))
        {
            errors.Add(nameof(CiteRecordForm.Kind), "A quote here backs an organization, a valuation or a market event.");
        }
    }

    protected override async Task CheckAsync(CommandScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var db = scope.Db;
        var token = scope.CancellationToken;
        if (Form.SourceId is not { } sourceId || (await scope.Live.SourcesAsync([sourceId], token)).Count == 0)
        {
            scope.Errors.Add(nameof(CiteRecordForm.SourceId), "That source does not exist or was deleted.");
        }

        var recordExists = Form.Kind switch
        {
            RecordKind.Organization => (await scope.Live.OrganizationsAsync([Form.RecordId], token)).Count > 0,
            RecordKind.Valuation => await db.Valuations.AnyAsync(v => v.Id == Form.RecordId, token),
            _ => await db.MarketEvents.AnyAsync(e => e.Id == Form.RecordId, token),
        };
        if (!recordExists)
        {
            scope.Errors.Add(nameof(CiteRecordForm.RecordId), "That record does not exist or was deleted.");
        }
    }

    protected override Citation Create() => new()
    {
        SourceId = Form.SourceId!.Value,
        Quote = Form.Quote.Trim(),
        OrganizationId = Form.Kind == RecordKind.Organization ? Form.RecordId : null,
        ValuationId = Form.Kind == RecordKind.Valuation ? Form.RecordId : null,
        MarketEventId = Form.Kind == RecordKind.MarketEvent ? Form.RecordId : null,
    };
}
