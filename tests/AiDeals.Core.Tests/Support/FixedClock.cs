namespace AiDeals.Core.Tests.Support;

/// <summary>A clock that says what the test sets, so timestamps written by a save can be checked exactly.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
