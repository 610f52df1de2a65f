using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Sources;

/// <summary>Saves the form over the source it was loaded from, if nobody saved it since.</summary>
public sealed class UpdateSource(SourceForm form) : SourceCommand(form?.Id ?? 0, form?.Version)
{
    public SourceForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override void Validate(FieldErrors errors) => SourceValidator.Validate(Form, errors);

    protected override Task ApplyAsync(CommandScope scope, Source row)
    {
        SourceForms.Apply(Form, row);
        return Task.CompletedTask;
    }
}
