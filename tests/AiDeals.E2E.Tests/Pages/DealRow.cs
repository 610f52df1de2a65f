namespace AiDeals.E2E.Tests.Pages;

/// <summary>One row of the deal grid, as a person reads it.</summary>
public sealed record DealRow(
    string Title,
    string Target,
    IReadOnlyList<string> Investors,
    string Kind,
    string Status,
    string Amount,
    string Announced);
