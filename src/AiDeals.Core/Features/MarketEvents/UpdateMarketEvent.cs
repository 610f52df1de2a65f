using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.MarketEvents;

/// <summary>Saves the form over the event it was loaded from, if nobody saved it since; its organization links follow the form.</summary>
public sealed class UpdateMarketEvent(MarketEventForm form) : MarketEventCommand(form?.Id ?? 0, form?.Version)
{
    public MarketEventForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override void Validate(FieldErrors errors) => MarketEventValidator.Validate(Form, errors);

    protected override IQueryable<MarketEvent> Load(IQueryable<MarketEvent> rows) => rows.Include(e => e.Organizations);

    protected override Task CheckAsync(CommandScope scope, MarketEvent row) =>
        MarketEventValidator.CheckAsync(scope.Db, Form, scope.Errors, scope.CancellationToken);

    protected override Task ApplyAsync(CommandScope scope, MarketEvent row)
    {
        MarketEventForms.Apply(Form, row);
        var wanted = Form.OrganizationIds.ToHashSet();
        foreach (var link in row.Organizations.Where(l => !wanted.Remove(l.OrganizationId)).ToList())
        {
            row.Organizations.Remove(link);
            scope.Db.MarketEventOrganizations.Remove(link);
        }

        row.Organizations.AddRange(wanted.Select(id => new MarketEventOrganization { MarketEventId = row.Id, OrganizationId = id }));

        // A change of organizations alone leaves the event's own row as it was: raise its version all the same, so
        // that a form opened before it conflicts instead of putting the old organizations back.
        scope.Db.Entry(row).Property(e => e.Version).IsModified = true;
        return Task.CompletedTask;
    }
}
