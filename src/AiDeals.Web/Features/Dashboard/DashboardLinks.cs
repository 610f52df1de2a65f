using System.Globalization;
using AiDeals.Core.Domain;

namespace AiDeals.Web.Features.Dashboard;

/// <summary>
/// Where the dashboard's tiles and charts lead: the deal list filtered by the address (the names <c>status</c>,
/// <c>investor</c>, <c>kind</c>, <c>sort</c> and <c>desc</c> are the deal list's), and the detail pages.
/// </summary>
public static class DashboardLinks
{
    public const string Deals = "/deals";

    public const string DealsByAmount = "/deals?sort=amount&desc=true";

    public const string Organizations = "/organizations";

    public const string Valuations = "/valuations";

    public const string MarketEvents = "/events";

    public static string DealsWithStatus(DealStatus status) => "/deals?status=" + status;

    public static string DealsOfKind(DealKind kind) => "/deals?kind=" + kind;

    public static string DealsWithInvestor(string slug) => "/deals?investor=" + Uri.EscapeDataString(slug);

    public static string Deal(int id) => "/deals/" + id.ToString(CultureInfo.InvariantCulture);

    public static string Organization(string slug) => "/organizations/" + Uri.EscapeDataString(slug);
}
