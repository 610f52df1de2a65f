namespace AiDeals.Core.Features;

/// <summary>
/// A form property that a conflict shows as part of another field (a date's precision with its date): a merge takes it
/// from the same side as that field.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MergedWithAttribute(string field) : Attribute
{
    public string Field { get; } = field;
}
