using AiDeals.E2E.Tests.Infrastructure;
using Xunit.Sdk;
using Xunit.v3;

// One server and one browser for all the tests; the tests run one at a time so that a slow two-core machine
// (which may be running the other test projects at the same moment) does not starve the Blazor circuits.
[assembly: AssemblyFixture(typeof(E2EFixture))]
[assembly: Parallelization(Mode = ParallelMode.None)]
