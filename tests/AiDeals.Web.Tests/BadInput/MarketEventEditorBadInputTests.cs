using AiDeals.Core.Data;
using AiDeals.Web.Features.MarketEvents;
using AiDeals.Web.Tests.Support;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Web.Tests.BadInput;

/// <summary>The market event editor's bad-input cases (BadInput/editors/market-event.json), on the article's DeepSeek R1 release.</summary>
public sealed class MarketEventEditorBadInputTests(SeededDatabase database) : BadInputEditorTests(database), IClassFixture<SeededDatabase>
{
    private const string DeepSeekR1 = "DeepSeek releases the R1 reasoning model";

    public static TheoryData<string> Cases => EditorCases.Names("market-event");

    protected override string Kind => "market-event";

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Save_BadInput_IsRefusedWithItsMessageAndChangesNothing(string name) => RunAsync(name);

    protected override async Task<IRenderedComponent<ContainerFragment>> OpenAsync()
    {
        var id = await QueryAsync(db => db.MarketEvents.Where(e => e.Title == DeepSeekR1).Select(e => e.Id).SingleAsync(Token));
        var cut = RenderWithProviders(builder =>
        {
            builder.OpenComponent<MarketEventEditor>(0);
            builder.AddAttribute(1, nameof(MarketEventEditor.Id), (int?)id);
            builder.CloseComponent();
        });
        cut.WaitForElement("[data-testid=event-editor]", TimeSpan.FromSeconds(10));
        return cut;
    }

    protected override async Task<(int Rows, int Version)> RecordAsync(AiDealsDbContext db) => (
        await db.MarketEvents.IgnoreQueryFilters().CountAsync(Token),
        await db.MarketEvents.Where(e => e.Title == DeepSeekR1).Select(e => e.Version).SingleAsync(Token));
}
