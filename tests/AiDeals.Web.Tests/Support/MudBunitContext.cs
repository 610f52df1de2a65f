using AiDeals.Core.Data;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AiDeals.Web.Tests.Support;

/// <summary>
/// A bUnit context set up for MudBlazor (loose JS interop, its services, a popover provider) and wired to the real
/// Core services on the test class's database.
/// </summary>
public abstract class MudBunitContext : BunitContext
{
    protected MudBunitContext(DatabaseFixture database)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddAiDealsCore(database.ConnectionString);
    }

    /// <summary>Renders a page the way the layout hosts it: after a <see cref="MudPopoverProvider"/>, which selects and grids need.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        Render<MudPopoverProvider>();
        return Render(parameters);
    }
}
