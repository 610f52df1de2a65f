using System.Globalization;
using System.Text;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.History;
using AiDeals.Web.Components.Shared;

namespace AiDeals.Web.Features.History;

/// <summary>How the audit log's raw field values read for people: "$15B" rather than 15000000000.</summary>
public static class ChangeText
{
    private static readonly HashSet<string> MoneyFields = new(StringComparer.Ordinal)
    {
        "AmountLow", "AmountHigh", "CommitmentLow", "CommitmentHigh", "Amount",
    };

    /// <summary>"28 Nov 2026, 16:50 UTC": the audit log's time, unambiguous whatever the reader's time zone.</summary>
    public static string When(DateTime atUtc) =>
        atUtc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Of(AuditAction action) => action.ToString();

    /// <summary>"AmountLow" → "Amount low", "TargetId" → "Target".</summary>
    public static string Field(string field)
    {
        var name = field.EndsWith("Id", StringComparison.Ordinal) && field.Length > 2 ? field[..^2] : field;
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>A field's value as people read it; "—" when there was none.</summary>
    public static string Value(string field, string? value, ReferenceNames? references = null)
    {
        if (value is null)
        {
            return "—";
        }

        if (references?.NameOf(field, value) is { } name)
        {
            return name;
        }

        if (MoneyFields.Contains(field) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var dollars))
        {
            return AmountRange.Format(dollars);
        }

        if (field == "DeletedAt" && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return When(at);
        }

        return field switch
        {
            "Status" when Enum.TryParse<DealStatus>(value, out var status) => Labels.Of(status),
            "Kind" when Enum.TryParse<DealKind>(value, out var kind) => Labels.Of(kind),
            "Kind" when Enum.TryParse<ValuationKind>(value, out var valuationKind) => Labels.Of(valuationKind),
            "Type" when Enum.TryParse<OrganizationType>(value, out var type) => Labels.Of(type),
            "Role" when Enum.TryParse<ParticipantRole>(value, out var role) => Labels.Of(role),
            "AmountQualifier" or "CommitmentQualifier" when Enum.TryParse<AmountQualifier>(value, out var qualifier) => Labels.Of(qualifier),
            _ => value,
        };
    }

    /// <summary>
    /// The change's fields, without those that read the same before and after, and without the precision of a date
    /// that has no value (a new deal with no closing date still stores a closing precision).
    /// </summary>
    public static IEnumerable<FieldChangeView> Fields(ChangeRecord change)
    {
        var dated = change.Fields.Where(f => f.Old is not null || f.New is not null).Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
        return change.Fields.Where(f => f.Old != f.New
            && !(f.Field.EndsWith("Precision", StringComparison.Ordinal) && !dated.Contains(f.Field[..^"Precision".Length] + "On")));
    }
}
