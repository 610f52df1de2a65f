using AiDeals.Core.Data;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Components.Shared;
using AiDeals.Web.Features.Accounts;
using AiDeals.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AiDeals.Web.Tests.BadInput;

/// <summary>
/// Runs an editor kind's bad-input cases (<see cref="EditorCases"/>) on the real services and a real database, as
/// an analyst: type each input, press Save, and check that the expected message shows on a field or on the form, that
/// nothing threw, and that no row changed (the audit log's count, the kind's row count and the record's version).
/// </summary>
public abstract class BadInputEditorTests : MudBunitContext
{
    // Saves go to a real database; on a busy machine they take longer than bUnit's one-second default.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private const string MessageSelector =
        ".mud-input-helper-text.mud-input-error, [data-testid=form-errors], [data-testid=alias-error], .validation-message";

    protected BadInputEditorTests(DatabaseFixture database)
        : base(database)
    {
        Authorization.SetAuthorized("analyst@aideals.local");
        Authorization.SetRoles(Roles.Analyst);
        Authorization.SetPolicies(Policies.CanEdit);
    }

    /// <summary>The file's name under BadInput/editors, without ".json".</summary>
    protected abstract string Kind { get; }

    /// <summary>Renders the editor on its record (after the providers MudBlazor needs) and waits until its fields are there.</summary>
    protected abstract Task<IRenderedComponent<ContainerFragment>> OpenAsync();

    /// <summary>The number of rows of the kind, deleted ones included, and the edited record's version.</summary>
    protected abstract Task<(int Rows, int Version)> RecordAsync(AiDealsDbContext db);

    protected static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    protected async Task RunAsync(string name)
    {
        var badInput = EditorCases.Get(Kind, name);
        var cut = await OpenAsync();
        var before = await SnapshotAsync();

        foreach (var (field, text) in badInput.Inputs)
        {
            await TypeAsync(cut, field, text);
        }

        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains(Messages(cut), m => m.Contains(badInput.Expect, StringComparison.Ordinal)), Patience);
        Assert.Equal(before, await SnapshotAsync());
    }

    protected IRenderedComponent<ContainerFragment> RenderWithProviders(RenderFragment editor) => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.AddContent(2, editor);
    });

    protected async Task<T> QueryAsync<T>(Func<AiDealsDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(Token);
        return await query(db);
    }

    /// <summary>Types into the field as a person would: input events for fields that read every keystroke, then change.</summary>
    private static async Task TypeAsync(IRenderedComponent<ContainerFragment> cut, string field, string text)
    {
        if (field.StartsWith("pick:", StringComparison.Ordinal))
        {
            await PickAsync(cut, field["pick:".Length..], text);
            return;
        }

        // Awaited: each handler has run before the next event (a read it starts may end after the event returns).
        if (Field(cut, field).HasAttribute("blazor:oninput"))
        {
            await Field(cut, field).InputAsync(new ChangeEventArgs { Value = text });
        }

        if (Field(cut, field).HasAttribute("blazor:onchange"))
        {
            await Field(cut, field).ChangeAsync(new ChangeEventArgs { Value = text });
        }
    }

    /// <summary>
    /// Picks the record named <paramref name="name"/> in a type-ahead (an <see cref="EntityPicker"/> by its TestId, "#2" for
    /// the second), as choosing it from the list does; an empty name clears the pick.
    /// </summary>
    private static async Task PickAsync(IRenderedComponent<ContainerFragment> cut, string field, string name)
    {
        var parts = field.Split('#');
        var index = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 1 : 0;
        var picker = cut.FindComponents<EntityPicker>().Where(p => p.Instance.TestId == parts[0]).ElementAt(index).Instance;
        EntityOption? option = null;
        if (name.Length > 0)
        {
            option = (await picker.Search(name, Token)).FirstOrDefault(o => o.Name == name);
            Assert.True(option is not null, $"'{name}' is not offered by '{field}'.");
        }

        await cut.InvokeAsync(() => picker.ValueChanged.InvokeAsync(option));
    }

    private static IElement Field(IRenderedComponent<ContainerFragment> cut, string field)
    {
        var parts = field.Split('#');
        var testId = parts[0];
        var index = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 1 : 0;
        var fields = cut.FindAll(
            $"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]");
        Assert.True(fields.Count > index, $"No field '{field}' on the editor.");
        return fields[index];
    }

    private static List<string> Messages(IRenderedComponent<ContainerFragment> cut) =>
        [.. cut.FindAll(MessageSelector).Select(e => e.TextContent.Trim())];

    private Task<(int Audits, int Rows, int Version)> SnapshotAsync() => QueryAsync(async db =>
    {
        var (rows, version) = await RecordAsync(db);
        return (await db.AuditEntries.CountAsync(Token), rows, version);
    });
}
