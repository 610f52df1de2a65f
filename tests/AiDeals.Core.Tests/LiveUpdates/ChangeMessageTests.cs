using System.Text;
using AiDeals.Core.Data;
using AiDeals.Core.Data.LiveUpdates;

namespace AiDeals.Core.Tests.LiveUpdates;

/// <summary>The NOTIFY payload of a change: what it carries, its size limit, and what it refuses to read.</summary>
public sealed class ChangeMessageTests
{
    private static readonly Guid Sender = Guid.Parse("6f1c1f43-1b9c-4c73-9d3e-0c7d7b1f5a21");
    private static readonly DateTime At = new(2026, 12, 2, 6, 30, 15, 123, DateTimeKind.Utc);

    [Fact]
    public void Encode_AChange_ReadsBackAsTheSameChangeFromItsSender()
    {
        var change = new DataChange(new HashSet<string> { "DealParticipant", "Deal" }, At, "ann@aideals.local");

        var message = ChangeMessage.TryDecode(ChangeMessage.Encode(Sender, change));

        Assert.NotNull(message);
        Assert.Equal(Sender, message.From);
        var read = message.ToChange();
        Assert.Equal((At, DateTimeKind.Utc, "ann@aideals.local", false), (read.AtUtc, read.AtUtc.Kind, read.User, read.Unknown));
        Assert.Equal(["Deal", "DealParticipant"], read.EntityTypes.Order(StringComparer.Ordinal));
        Assert.False(read.Touches("Valuation"));
    }

    [Theory]
    [InlineData(3_900)]
    [InlineData(4_000)]
    [InlineData(20_000)]
    public void Encode_PastNotifysLimit_SaysAnythingChangedWithinTheLimit(int userLength)
    {
        // Two bytes a character in UTF-8: 3,900 fit, 4,000 do not.
        var change = new DataChange(new HashSet<string> { "Deal" }, At, new string('é', userLength));

        var payload = ChangeMessage.Encode(Sender, change);
        var read = ChangeMessage.TryDecode(payload)!.ToChange();

        Assert.True(Encoding.UTF8.GetByteCount(payload) <= ChangeMessage.MaxPayloadBytes);
        Assert.Equal(userLength <= 3_900, !read.Unknown);
        Assert.True(read.Touches("Deal"));
        Assert.Equal(read.Unknown ? "" : change.User, read.User);
    }

    [Fact]
    public void Encode_AnythingChanged_StaysAnything()
    {
        var read = ChangeMessage.TryDecode(ChangeMessage.Encode(Sender, DataChange.Anything(At)))!.ToChange();

        Assert.True(read.Unknown);
        Assert.True(read.Touches("Organization"));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"from":"00000000-0000-0000-0000-000000000000","types":["Deal"],"at":"2026-12-02T06:00:00Z","user":"x"}""")]
    [InlineData("""{"from":"6f1c1f43-1b9c-4c73-9d3e-0c7d7b1f5a21","types":["Deal"],"at":"2026-12-02T06:00:00Z"}""")]
    [InlineData("""{"from":"6f1c1f43-1b9c-4c73-9d3e-0c7d7b1f5a21","types":"Deal","at":"2026-12-02T06:00:00Z","user":"x"}""")]
    [InlineData("[1,2]")]
    public void TryDecode_NotAChange_IsRefused(string payload) => Assert.Null(ChangeMessage.TryDecode(payload));

    [Fact]
    public void Wait_AfterEachFailure_DoublesUpToThirtySeconds()
    {
        Assert.Equal(
            [0.5, 1, 2, 4, 8, 16, 30, 30],
            new[] { 1, 2, 3, 4, 5, 6, 7, 100 }.Select(f => PostgresChangeRelay.Wait(f).TotalSeconds));
    }
}
