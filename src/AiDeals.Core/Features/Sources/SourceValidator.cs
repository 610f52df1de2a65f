namespace AiDeals.Core.Features.Sources;

/// <summary>The rules of a source, for every way one is written (the editor, the API, import, the deal book).</summary>
public static class SourceValidator
{
    /// <summary>The form's annotations: a title, lengths, and an http(s) address when there is one.</summary>
    public static void Validate(SourceForm form, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.AddAnnotations(form);
    }
}
