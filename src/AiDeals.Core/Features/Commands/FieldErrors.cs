namespace AiDeals.Core.Features;

/// <summary>
/// A command's messages by field name, keyed as the form's properties are (<c>Participants[1].OrganizationId</c>);
/// the empty key holds messages about the whole form.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public bool Has(string field) => _byField.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var messages))
        {
            _byField[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>The form's DataAnnotations, each message under <paramref name="prefix"/> + its member name.</summary>
    public void AddAnnotations(object form, string prefix = "")
    {
        foreach (var (field, messages) in FormValidation.Validate(form))
        {
            foreach (var message in messages)
            {
                Add(prefix + field, message);
            }
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public CommandResult ToResult() => CommandResult.Invalid(ToDictionary());
}
