using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Valuations;

/// <summary>Saves the form over the valuation it was loaded from, if nobody saved it since.</summary>
public sealed class UpdateValuation(ValuationForm form) : ValuationCommand(form?.Id ?? 0, form?.Version)
{
    public ValuationForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override void Validate(FieldErrors errors) => ValuationValidator.Validate(Form, errors);

    protected override Task CheckAsync(CommandScope scope, Valuation row) =>
        ValuationValidator.CheckAsync(scope.Db, Form, scope.Errors, scope.CancellationToken);

    protected override Task ApplyAsync(CommandScope scope, Valuation row)
    {
        ValuationForms.Apply(Form, row);
        return Task.CompletedTask;
    }
}
