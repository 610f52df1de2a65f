using AiDeals.Core.Domain;
using MudBlazor;

namespace AiDeals.Web.Components.Shared;

/// <summary>How the domain's enums read and look in the UI.</summary>
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

    public static Color ColorOf(DealStatus status) => status switch
    {
        DealStatus.Rumored => Color.Default,
        DealStatus.InTalks => Color.Warning,
        DealStatus.Announced => Color.Info,
        DealStatus.Completed => Color.Success,
        _ => Color.Error,
    };
}
