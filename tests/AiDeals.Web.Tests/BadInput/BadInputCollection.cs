namespace AiDeals.Web.Tests.BadInput;

/// <summary>
/// The corpus runs alone, after the parallel tests: its hundreds of requests would otherwise compete for the two cores
/// with the bUnit tests' timed waits, and its host must not start while another test's host starts (see
/// <see cref="Support.WebHostCollection"/>).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BadInputCollection
{
    public const string Name = "Bad input";
}
