using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Deals;

/// <summary>Adds a deal with its participants and citations; the form's <see cref="DealForm.Id"/> is ignored.</summary>
public sealed class CreateDeal(DealForm form) : CreateCommand<Deal>
{
    public DealForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override void Validate(FieldErrors errors) => DealValidator.Validate(Form, dealId: 0, errors);

    protected override Task CheckAsync(CommandScope scope) =>
        DealValidator.CheckAsync(scope, Form, dealId: 0);

    protected override Deal Create()
    {
        var deal = new Deal { Title = Form.Title.Trim() };
        DealForms.Apply(Form, deal);
        deal.Participants.AddRange(Form.Participants.Select(p => DealForms.Apply(p, DealForms.NewParticipant())));
        deal.Citations.AddRange(Form.Citations.Select(c => DealForms.Apply(c, DealForms.NewCitation())));
        deal.PartOf.AddRange(Form.PartOfIds.Distinct().Select(id => new DealLink { WiderId = id }));
        return deal;
    }
}
