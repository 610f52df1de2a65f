using AiDeals.Core.Data;
using AiDeals.Web.Features.Sources;
using AiDeals.Web.Tests.Support;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AiDeals.Web.Tests.BadInput;

/// <summary>The source dialog's bad-input cases (BadInput/editors/source.json), correcting the article's source as the sources page does.</summary>
public sealed class SourceEditorBadInputTests(SeededDatabase database) : BadInputEditorTests(database), IClassFixture<SeededDatabase>
{
    public static TheoryData<string> Cases => EditorCases.Names("source");

    protected override string Kind => "source";

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Save_BadInput_IsRefusedWithItsMessageAndChangesNothing(string name) => RunAsync(name);

    protected override async Task<IRenderedComponent<ContainerFragment>> OpenAsync()
    {
        var id = await QueryAsync(db => db.Sources.Select(s => s.Id).SingleAsync(Token));
        var cut = RenderWithProviders(_ => { });
        var parameters = new DialogParameters<SourceDialog> { { d => d.SourceId, id } };
        await cut.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<SourceDialog>("Edit source", parameters));
        // The fields show before the source is read into them: typing earlier would be overwritten.
        cut.WaitForAssertion(() => Assert.False(string.IsNullOrEmpty(
            cut.Find("[data-testid=source-title-input] input, input[data-testid=source-title-input]").GetAttribute("value"))), TimeSpan.FromSeconds(10));
        return cut;
    }

    protected override async Task<(int Rows, int Version)> RecordAsync(AiDealsDbContext db) => (
        await db.Sources.IgnoreQueryFilters().CountAsync(Token),
        await db.Sources.Select(s => s.Version).SingleAsync(Token));
}
