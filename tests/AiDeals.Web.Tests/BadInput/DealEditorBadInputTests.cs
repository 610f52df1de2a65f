using AiDeals.Core.Data;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Tests.Support;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Web.Tests.BadInput;

/// <summary>The deal editor's bad-input cases (BadInput/editors/deal.json), on the Stargate deal of the article.</summary>
public sealed class DealEditorBadInputTests(SeededDatabase database) : BadInputEditorTests(database), IClassFixture<SeededDatabase>
{
    private const string Stargate = "Stargate AI data-center project";

    public static TheoryData<string> Cases => EditorCases.Names("deal");

    protected override string Kind => "deal";

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Save_BadInput_IsRefusedWithItsMessageAndChangesNothing(string name) => RunAsync(name);

    protected override async Task<IRenderedComponent<ContainerFragment>> OpenAsync()
    {
        var id = await QueryAsync(db => db.Deals.Where(d => d.Title == Stargate).Select(d => d.Id).SingleAsync(Token));
        var cut = RenderWithProviders(builder =>
        {
            builder.OpenComponent<DealEditor>(0);
            builder.AddAttribute(1, nameof(DealEditor.Id), id);
            builder.CloseComponent();
        });
        cut.WaitForElement("[data-testid=deal-editor]", TimeSpan.FromSeconds(10));
        return cut;
    }

    protected override async Task<(int Rows, int Version)> RecordAsync(AiDealsDbContext db) => (
        await db.Deals.IgnoreQueryFilters().CountAsync(Token),
        await db.Deals.Where(d => d.Title == Stargate).Select(d => d.Version).SingleAsync(Token));
}
