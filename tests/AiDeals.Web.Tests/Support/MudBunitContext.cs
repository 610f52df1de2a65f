using AiDeals.Core.Data;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AiDeals.Web.Tests.Support;

/// <summary>
/// A bUnit context set up for MudBlazor (loose JS interop, its services, a popover provider) and wired to the real
/// Core services on the test class's database. Pages render as an anonymous visitor (pages show edit controls inside
/// AuthorizeView, which needs an authentication state); a test signs someone in through <see cref="Authorization"/>.
/// </summary>
public abstract class MudBunitContext : BunitContext
{
    protected MudBunitContext(DatabaseFixture database)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddAiDealsCore(database.Settings);
        Services.AddSingleton<AiDeals.Web.Components.Shared.EditorDrafts>();
        Services.AddScoped<AiDeals.Web.Components.Layout.LiveAnnouncer>();
        Authorization = AddAuthorization();
    }

    /// <summary>Who is signed in: nobody until a test says otherwise.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>
    /// Signs in the demo account of a role (analyst@aideals.local for an analyst). bUnit answers policies by name: the
    /// role is granted CanEdit as the app's policy grants it, to analysts and admins.
    /// </summary>
    protected void SignInAs(string role)
    {
        Authorization.SetAuthorized($"{role.ToLowerInvariant()}@aideals.local");
        Authorization.SetRoles(role);
        if (AiDeals.Core.Features.Accounts.Actor.Create("someone", role).CanEdit)
        {
            Authorization.SetPolicies(AiDeals.Web.Features.Accounts.Policies.CanEdit);
        }
    }

    /// <summary>
    /// Finds and clicks in one step on the renderer, so that a render ending in between (a read completing, which on
    /// PostgreSQL is truly asynchronous) cannot replace the element's handler.
    /// </summary>
    protected static void FindAndClick<TPage>(IRenderedComponent<TPage> cut, Func<IRenderedComponent<TPage>, AngleSharp.Dom.IElement> find)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        cut.InvokeAsync(() => find(cut).Click()).GetAwaiter().GetResult();

    /// <summary>Renders a page the way the layout hosts it: after a <see cref="MudPopoverProvider"/>, which selects and grids need.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        Render<MudPopoverProvider>();
        return Render(parameters);
    }
}
