namespace AiDeals.Core.Domain;

public enum OrganizationType
{
    Company,
    CorporateInvestor,
    VentureFund,
    SovereignFund,
    Conglomerate,
    Project,
    Government,
}

public enum DealKind
{
    EquityInvestment,
    InfrastructureCommitment,
    JointVenture,
    Partnership,
    Acquisition,
    Debt,
    Grant,
}

public enum DealStatus
{
    Rumored,
    InTalks,
    Announced,
    Completed,
    Abandoned,
}

public enum ParticipantRole
{
    Lead,
    CoInvestor,
    Backer,
    Partner,
}

public enum ValuationKind
{
    PostMoney,
    PreMoney,
    MarketCap,
    Estimate,
}

/// <summary>How sure a figure is: the qualifier decides which of low and high are set.</summary>
public enum AmountQualifier
{
    Exact,
    UpTo,
    AtLeast,
    Range,
    Estimated,
    Undisclosed,
}

public enum DatePrecision
{
    Day,
    Month,
    Quarter,
    Year,
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Restored,
}
