using AiDeals.Core.Features;
using AiDeals.Web.Components.Shared;
using AiDeals.Web.Tests.Support;
using Bunit;

namespace AiDeals.Web.Tests.Components;

/// <summary>
/// A picker that gets the focus asks the browser for nothing: MudBlazor's type-ahead selected its text on focus by a call
/// back from the server, and the browser's select() also focuses the input, so a late answer took the focus back from
/// the field a keyboard user had tabbed on to (seen in the deal editor: typing into Notes went into a citation's source).
/// </summary>
public sealed class PickerFocusTests(EmptyDatabase database) : MudBunitContext(database), IClassFixture<EmptyDatabase>
{
    private const string Select = "mudElementRef.select";

    [Fact]
    public void EntityPicker_Focused_DoesNotSelectItsTextFromTheServer()
    {
        var picker = RenderPage<EntityPicker>(p => p
            .Add(e => e.Label, "Citation 1 source")
            .Add(e => e.Value, new EntityOption(1, "Reuters"))
            .Add(e => e.Search, (_, _) => Task.FromResult<IReadOnlyList<EntityOption>>([new EntityOption(1, "Reuters")]))
            .Add(e => e.NoItemsText, "No source by that name."));

        picker.Find("input").Focus();
        picker.Find("input").Blur();

        Assert.Equal("Reuters", picker.Find("input").GetAttribute("value"));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == Select);
    }

    [Fact]
    public void CountryPicker_Focused_DoesNotSelectItsTextFromTheServer()
    {
        var picker = RenderPage<CountryPicker>(p => p.Add(c => c.Value, "US"));

        picker.Find("input").Focus();

        Assert.Equal("United States (US)", picker.Find("input").GetAttribute("value"));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == Select);
    }
}
