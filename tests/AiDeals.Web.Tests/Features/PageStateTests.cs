using System.Text.Json;
using AiDeals.Core.Data;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Organizations;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Features.Organizations;
using AiDeals.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features;

/// <summary>
/// The deal page, the organization page and the deal editor read their data once per visit: the prerender's read travels
/// into the circuit as JSON (<c>[PersistentState]</c>, web defaults). Every deal and organization of the article's deal
/// book, read by the real queries, must come back from that trip as it left, or the circuit would show something else.
/// </summary>
public sealed class PageStateTests(SeededDatabase database) : IClassFixture<SeededDatabase>, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddAiDealsCore(database.Settings).BuildServiceProvider();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DealPagesAndEditors_AfterTheTripAsJson_AreWhatWasRead()
    {
        var details = _services.GetRequiredService<DealDetailQueries>();
        var forms = _services.GetRequiredService<DealFormQueries>();
        var history = _services.GetRequiredService<HistoryQueries>();
        var ids = await ReadAsync(db => db.Deals.Select(d => d.Id).ToListAsync(Cancel));
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            var detail = (await details.GetDetailAsync(id, Cancel))!;
            var changes = await history.ListForAsync([.. detail.AuditedRecords.Select(r => (r.EntityType, r.Id))], Cancel);
            Assert.NotEmpty(changes);
            var page = RoundTrip(new DealDetailState(detail, changes, await history.NameReferencesAsync(changes, Cancel)));
            Assert.Equal(detail.Participants.Count, page.Detail.Participants.Count);
            Assert.Equal(detail.Amount, page.Detail.Amount);
            Assert.Equal(detail.Announced, page.Detail.Announced);

            var form = (await forms.GetFormAsync(id, Cancel))!;
            var editor = RoundTrip(new DealEditorState(id, form, await forms.NameFormAsync(form, Cancel)));
            Assert.Equal(form.Citations.Select(c => c.Quote), editor.Form.Citations.Select(c => c.Quote));
        }
    }

    [Fact]
    public async Task OrganizationPages_AfterTheTripAsJson_AreWhatWasRead()
    {
        var profiles = _services.GetRequiredService<OrganizationProfileQueries>();
        var history = _services.GetRequiredService<HistoryQueries>();
        var slugs = await ReadAsync(db => db.Organizations.Select(o => o.Slug).ToListAsync(Cancel));
        Assert.NotEmpty(slugs);
        var named = 0;
        foreach (var slug in slugs)
        {
            var profile = (await profiles.GetProfileAsync(slug, Cancel))!;
            var changes = await history.ListForOrganizationAsync(profile.Id, Cancel);
            var references = await history.NameReferencesAsync(changes, Cancel);
            named += references.Entries.Count;
            var page = RoundTrip(new OrganizationProfileState(profile, changes, references));
            Assert.Equal(profile.TotalCommitted, page.Profile.TotalCommitted);
            Assert.Equal(profile.CommitmentCount, page.Profile.CommitmentCount);
            Assert.All(references.Entries, e => Assert.Equal(e.Name, page.References.NameOf(e.Field, e.Id)));
        }

        // Not vacuous: the article's histories name organizations and sources by id somewhere.
        Assert.True(named > 0, "no history named a reference");
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    // The whole state written again after the trip is the same JSON: nothing dropped, nothing changed.
    private static T RoundTrip<T>(T state)
    {
        var json = JsonSerializer.Serialize(state, Web);
        var back = JsonSerializer.Deserialize<T>(json, Web)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, Web));
        return back;
    }

    private async Task<T> ReadAsync<T>(Func<AiDealsDbContext, Task<T>> read)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(Cancel);
        return await read(db);
    }
}
