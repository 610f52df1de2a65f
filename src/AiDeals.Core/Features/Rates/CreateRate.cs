using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;

namespace AiDeals.Core.Features.Rates;

/// <summary>Adds one exchange rate (admins only: rates change the dollar figures of every deal in that currency).</summary>
public sealed class CreateRate(RateForm form) : CreateCommand<ExchangeRate>
{
    public RateForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override bool Allows(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin;
    }

    public override void Validate(FieldErrors errors) => RateValidator.Validate(Form, errors);

    protected override Task CheckAsync(CommandScope scope) => RateValidator.CheckAsync(scope, Form, rateId: 0);

    protected override ExchangeRate Create()
    {
        var rate = new ExchangeRate { Currency = string.Empty };
        Form.Apply(rate);
        return rate;
    }
}
