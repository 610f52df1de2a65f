using System.Globalization;
using System.Text;
using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>An organization's address in URLs (/organizations/softbank), made from its name.</summary>
public static class OrganizationSlug
{
    private const int Length = 80;

    /// <summary>
    /// The address form of a name: lower-case ASCII letters and digits joined by hyphens, accents dropped
    /// ("Société Générale" → "societe-generale"); "organization" when nothing of the name is left.
    /// </summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        text = text.Length > Length ? text[..Length].TrimEnd('-') : text;
        return text.Length == 0 ? "organization" : text;
    }

    /// <summary>The name's slug, or with "-2", "-3"… when another organization (deleted ones too: they keep their address) has it.</summary>
    internal static async Task<string> UniqueAsync(AiDealsDbContext db, string name, int selfId, CancellationToken cancellationToken)
    {
        var slug = Of(name);
        var taken = (await db.Organizations.IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.Id != selfId && (o.Slug == slug || o.Slug.StartsWith(slug + "-")))
                .Select(o => o.Slug)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(slug))
        {
            return slug;
        }

        var number = 2;
        while (taken.Contains(string.Create(CultureInfo.InvariantCulture, $"{slug}-{number}")))
        {
            number++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{slug}-{number}");
    }
}
