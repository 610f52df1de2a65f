using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Valuations;

public sealed class CreateValuation(ValuationForm form) : CreateCommand<Valuation>
{
    public ValuationForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override void Validate(FieldErrors errors) => ValuationValidator.Validate(Form, errors);

    protected override Task CheckAsync(CommandScope scope) =>
        ValuationValidator.CheckAsync(scope.Db, Form, scope.Errors, scope.CancellationToken);

    protected override Valuation Create()
    {
        var valuation = new Valuation();
        ValuationForms.Apply(Form, valuation);
        return valuation;
    }
}
