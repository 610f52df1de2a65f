using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.MarketEvents;

public sealed class CreateMarketEvent(MarketEventForm form) : CreateCommand<MarketEvent>
{
    public MarketEventForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override void Validate(FieldErrors errors) => MarketEventValidator.Validate(Form, errors);

    protected override Task CheckAsync(CommandScope scope) =>
        MarketEventValidator.CheckAsync(scope.Db, Form, scope.Errors, scope.CancellationToken);

    protected override MarketEvent Create()
    {
        var marketEvent = new MarketEvent { Title = Form.Title.Trim() };
        MarketEventForms.Apply(Form, marketEvent);
        marketEvent.Organizations.AddRange(Form.OrganizationIds.Distinct().Select(id => new MarketEventOrganization { OrganizationId = id }));
        return marketEvent;
    }
}
