namespace AiDeals.Core.Domain;

/// <summary>How the domain's enums read for people: the one vocabulary of the pages, the history and the conflicts.</summary>
public static class Labels
{
    public static string Of(DealStatus status) => status switch
    {
        DealStatus.InTalks => "In talks",
        _ => status.ToString(),
    };

    public static string Of(DealKind kind) => kind switch
    {
        DealKind.EquityInvestment => "Equity investment",
        DealKind.InfrastructureCommitment => "Infrastructure commitment",
        DealKind.JointVenture => "Joint venture",
        _ => kind.ToString(),
    };

    public static string Of(OrganizationType type) => type switch
    {
        OrganizationType.CorporateInvestor => "Corporate investor",
        OrganizationType.VentureFund => "Venture fund",
        OrganizationType.SovereignFund => "Sovereign fund",
        OrganizationType.Project => "Project / joint venture",
        _ => type.ToString(),
    };

    public static string Of(ParticipantRole role) => role switch
    {
        ParticipantRole.CoInvestor => "Co-investor",
        _ => role.ToString(),
    };

    public static string Of(ValuationKind kind) => kind switch
    {
        ValuationKind.PostMoney => "Post-money",
        ValuationKind.PreMoney => "Pre-money",
        ValuationKind.MarketCap => "Market cap",
        _ => kind.ToString(),
    };

    /// <summary>How sure an amount is, for people: "Range", "At least", "Up to".</summary>
    public static string Of(AmountQualifier qualifier) => qualifier switch
    {
        AmountQualifier.UpTo => "Up to",
        AmountQualifier.AtLeast => "At least",
        _ => qualifier.ToString(),
    };

    /// <summary>Any of the domain's enums as people read it; a member with no label of its own reads as words ("CoInvestor" → "Co investor").</summary>
    public static string Of(Enum value) => value switch
    {
        DealStatus status => Of(status),
        DealKind kind => Of(kind),
        OrganizationType type => Of(type),
        ParticipantRole role => Of(role),
        ValuationKind kind => Of(kind),
        AmountQualifier qualifier => Of(qualifier),
        null => throw new ArgumentNullException(nameof(value)),
        _ => Words(value.ToString()),
    };

    private static string Words(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(text.Length == 0 ? c : char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
