using Xunit.v3;

namespace AiDeals.Tests.Shared;

/// <summary>
/// Marks a test (or a class of tests) about PostgreSQL itself: its planner's <c>EXPLAIN</c>, its migrations' Down. The
/// SQLite pass of <c>.ci/run</c> leaves these out by their trait (<c>Provider=PostgreSqlOnly</c>, <c>--filter-not-trait</c>),
/// as the PostgreSQL pass leaves out <see cref="SqliteOnlyAttribute"/>'s; a plain <c>dotnet test</c> on SQLite still skips
/// them by their own <c>SkipUnless</c>, saying why.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PostgreSqlOnlyAttribute(string reason) : Attribute, ITraitAttribute
{
    public const string TraitName = "Provider";
    public const string TraitValue = "PostgreSqlOnly";

    /// <summary>Why the test means nothing on SQLite (or which test is its SQLite twin).</summary>
    public string Reason { get; } = reason;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(TraitName, TraitValue)];
}
