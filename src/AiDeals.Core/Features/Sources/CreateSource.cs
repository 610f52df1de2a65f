using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Sources;

public sealed class CreateSource(SourceForm form) : CreateCommand<Source>
{
    public SourceForm Form { get; } = form ?? throw new ArgumentNullException(nameof(form));

    public override string? Reason => Form.Reason;

    public override void Validate(FieldErrors errors) => SourceValidator.Validate(Form, errors);

    protected override Source Create()
    {
        var source = new Source { Title = string.Empty };
        SourceForms.Apply(Form, source);
        return source;
    }
}
