namespace AiDeals.Core.Features;

/// <summary>How a form's optional text is stored: trimmed, and blank text as no value.</summary>
public static class FormText
{
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
