namespace AiDeals.Web.Tests.Support;

/// <summary>
/// The test classes that start the app through Program. They run one after another: Program installs Serilog's
/// static bootstrap logger and AddSerilog freezes whichever one is static at the time, so two hosts starting at
/// once in one process can both pick the same logger and fail with "The logger is already frozen". The API tests share
/// one app (<see cref="Api.ApiWebFactory"/>, with a token per caller) as the collection's fixture.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WebHostCollection : ICollectionFixture<Api.ApiWebFactory>
{
    public const string Name = "Web host";
}
