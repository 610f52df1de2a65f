using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

/// <summary>Adds a deal with its participants and citations; the form's <see cref="DealForm.Id"/> is ignored.</summary>
public sealed class CreateDeal(DealForm form) : CreateCommand<Deal>
{
    public DealForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    private IReadOnlyDictionary<string, ExchangeRate> _rates = new Dictionary<string, ExchangeRate>();

    public override void Validate(FieldErrors errors) => DealValidator.Validate(Form, dealId: 0, errors);

    protected override async Task CheckAsync(CommandScope scope)
    {
        await DealValidator.CheckAsync(scope, Form, dealId: 0);
        _rates = await Rates.RateLookup.ForDealAsync(scope.Db, Form, scope.CancellationToken);
    }

    protected override Deal Create()
    {
        var deal = new Deal { Title = Form.Title.Trim() };
        DealForms.Apply(Form, deal, _rates);
        deal.Participants.AddRange(Form.Participants.Select(p => DealForms.Apply(p, DealForms.NewParticipant(), _rates)));
        deal.Citations.AddRange(Form.Citations.Select(c => DealForms.Apply(c, DealForms.NewCitation())));
        deal.PartOf.AddRange(Form.PartOfIds.Distinct().Select(id => new DealLink { WiderId = id }));
        return deal;
    }
}
