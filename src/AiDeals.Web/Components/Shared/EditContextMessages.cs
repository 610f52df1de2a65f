using Microsoft.AspNetCore.Components.Forms;

namespace AiDeals.Web.Components.Shared;

/// <summary>
/// A field's message for the inputs that cannot find it themselves (a picker of a name whose model field is an id):
/// the form's own annotations and a command's messages alike.
/// </summary>
public static class EditContextMessages
{
    /// <summary>The first message on <paramref name="field"/> of <paramref name="model"/> (the form or one of its rows), or null.</summary>
    public static string? MessageOf(this EditContext? context, object? model, string field) =>
        context is null || model is null ? null : context.GetValidationMessages(new FieldIdentifier(model, field)).FirstOrDefault();

    /// <summary>Every message on <paramref name="field"/> of <paramref name="model"/>.</summary>
    public static IReadOnlyList<string> MessagesOf(this EditContext? context, object? model, string field) =>
        context is null || model is null ? [] : context.GetValidationMessages(new FieldIdentifier(model, field)).ToList();
}
