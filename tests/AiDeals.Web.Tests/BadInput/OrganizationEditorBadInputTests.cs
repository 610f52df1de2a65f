using AiDeals.Core.Data;
using AiDeals.Web.Features.Organizations;
using AiDeals.Web.Tests.Support;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Web.Tests.BadInput;

/// <summary>The organization editor's bad-input cases (BadInput/editors/organization.json), on WeWork of the article.</summary>
public sealed class OrganizationEditorBadInputTests(SeededDatabase database) : BadInputEditorTests(database), IClassFixture<SeededDatabase>
{
    private const string WeWork = "wework";

    public static TheoryData<string> Cases => EditorCases.Names("organization");

    protected override string Kind => "organization";

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Save_BadInput_IsRefusedWithItsMessageAndChangesNothing(string name) => RunAsync(name);

    protected override Task<IRenderedComponent<ContainerFragment>> OpenAsync()
    {
        var cut = RenderWithProviders(builder =>
        {
            builder.OpenComponent<OrganizationEditor>(0);
            builder.AddAttribute(1, nameof(OrganizationEditor.Slug), WeWork);
            builder.CloseComponent();
        });
        cut.WaitForElement("[data-testid=organization-editor]", TimeSpan.FromSeconds(10));
        return Task.FromResult(cut);
    }

    protected override async Task<(int Rows, int Version)> RecordAsync(AiDealsDbContext db) => (
        await db.Organizations.IgnoreQueryFilters().CountAsync(Token) + await db.OrganizationAliases.IgnoreQueryFilters().CountAsync(Token),
        await db.Organizations.Where(o => o.Slug == WeWork).Select(o => o.Version).SingleAsync(Token));
}
