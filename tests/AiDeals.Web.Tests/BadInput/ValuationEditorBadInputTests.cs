using AiDeals.Core.Data;
using AiDeals.Web.Features.Valuations;
using AiDeals.Web.Tests.Support;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Web.Tests.BadInput;

/// <summary>The valuation editor's bad-input cases (BadInput/editors/valuation.json), on the article's OpenAI valuation.</summary>
public sealed class ValuationEditorBadInputTests(SeededDatabase database) : BadInputEditorTests(database), IClassFixture<SeededDatabase>
{
    public static TheoryData<string> Cases => EditorCases.Names("valuation");

    protected override string Kind => "valuation";

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Save_BadInput_IsRefusedWithItsMessageAndChangesNothing(string name) => RunAsync(name);

    protected override async Task<IRenderedComponent<ContainerFragment>> OpenAsync()
    {
        var id = await QueryAsync(db => db.Valuations.Select(v => v.Id).SingleAsync(Token));
        var cut = RenderWithProviders(builder =>
        {
            builder.OpenComponent<ValuationEditor>(0);
            builder.AddAttribute(1, nameof(ValuationEditor.Id), (int?)id);
            builder.CloseComponent();
        });
        cut.WaitForElement("[data-testid=as-of] input, input[data-testid=as-of]", TimeSpan.FromSeconds(10));
        return cut;
    }

    protected override async Task<(int Rows, int Version)> RecordAsync(AiDealsDbContext db) => (
        await db.Valuations.IgnoreQueryFilters().CountAsync(Token),
        await db.Valuations.Select(v => v.Version).SingleAsync(Token));
}
