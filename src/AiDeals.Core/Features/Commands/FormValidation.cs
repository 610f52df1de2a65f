using System.ComponentModel.DataAnnotations;

namespace AiDeals.Core.Features;

/// <summary>Runs a form model's DataAnnotations; the validators call it, so every caller of a command gets the same messages.</summary>
public static class FormValidation
{
    /// <summary>Messages by member name; empty when the form is valid.</summary>
    public static Dictionary<string, string[]> Validate(object form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [string.Empty]).Select(m => (Member: m, r.ErrorMessage)))
            .GroupBy(x => x.Member)
            .ToDictionary(g => g.Key, g => g.Select(x => x.ErrorMessage ?? "Invalid value.").ToArray());
    }
}
