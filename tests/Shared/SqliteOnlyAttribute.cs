using Xunit.v3;

namespace AiDeals.Tests.Shared;

/// <summary>
/// Marks a test (or a class of tests) about SQLite itself: its file format, pragmas, FTS5, the query planner's
/// <c>EXPLAIN QUERY PLAN</c>, migrations from SQLite databases made by older versions. The PostgreSQL run leaves these
/// out by their trait (<c>Provider=SqliteOnly</c>, <c>--filter-not-trait</c> in <c>.ci/run</c>); the reason says why the
/// test has no PostgreSQL meaning, or where its PostgreSQL twin is.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class SqliteOnlyAttribute(string reason) : Attribute, ITraitAttribute
{
    public const string TraitName = "Provider";
    public const string TraitValue = "SqliteOnly";

    /// <summary>Why the test means nothing on PostgreSQL (or which test is its PostgreSQL twin).</summary>
    public string Reason { get; } = reason;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(TraitName, TraitValue)];
}
