namespace AiDeals.Web.Features.Dashboard;

/// <summary>One slice of a deal-mix donut: its label, its deal count, and the filtered deal list behind it.</summary>
public sealed record DealMixSlice(string Label, int Count, string Href);
