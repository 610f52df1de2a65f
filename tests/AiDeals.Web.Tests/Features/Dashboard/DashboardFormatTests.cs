using AiDeals.Core.Domain;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Web.Features.Dashboard;

namespace AiDeals.Web.Tests.Features.Dashboard;

public class DashboardFormatTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, "$0B")]
    [InlineData(1.5, "$1.5B")]
    [InlineData(25, "$25B")]
    [InlineData(556, "$556B")]
    [InlineData(1200, "$1.2T")]
    public void BillionsLabel_AxisValue_ReadsInBillions(double billions, string expected) =>
        Assert.Equal(expected, DashboardFormat.BillionsLabel(billions));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(6, "6")]
    [InlineData(961_398, "961,398")]
    [InlineData(1_000_000, "1,000,000")]
    public void Count_AtAnySize_ReadsWithThousandsSeparators(long count, string expected) =>
        Assert.Equal(expected, DashboardFormat.Count(count));

    [Theory]
    [InlineData(20, "just now")]
    [InlineData(5 * 60, "5 min ago")]
    [InlineData(2 * 3600 + 59, "2 h ago")]
    [InlineData(3 * 86400, "3 d ago")]
    [InlineData(40 * 86400, "29 Jan 2026")]
    public void Age_SecondsAgo_ReadsForPeople(int seconds, string expected) =>
        Assert.Equal(expected, DashboardFormat.Age(Now.AddSeconds(-seconds), Now));

    [Theory]
    [InlineData("Status", "status")]
    [InlineData("AmountHigh", "amount high")]
    [InlineData("TargetId", "target")]
    [InlineData("AnnouncedOn", "announced on")]
    public void Field_PropertyName_ReadsAsWords(string name, string expected) =>
        Assert.Equal(expected, DashboardFormat.Field(name));

    [Fact]
    public void Parts_CountsAndActions_ReadAsOnePhrase() =>
        Assert.Equal(
            "2 citations added, 1 alias removed",
            DashboardFormat.Parts([new PartChange("citation", AuditAction.Created, 2), new PartChange("alias", AuditAction.Deleted, 1)]));

    [Fact]
    public void Abbreviate_LongName_CutsWithAnEllipsis()
    {
        Assert.Equal("SoftBank…", DashboardFormat.Abbreviate("SoftBank Group Corp.", 9));
        Assert.Equal("Nvidia", DashboardFormat.Abbreviate("Nvidia", 9));
    }
}
