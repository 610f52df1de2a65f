using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Components.Shared;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;

namespace AiDeals.Web.Tests.Components;

/// <summary>
/// The form as loaded, which a conflict compares with theirs and the analyst's to tell who changed a field. The fields are
/// on screen while the shell describes it (a deal's names are read from the database, which on PostgreSQL truly waits):
/// what the analyst types meanwhile must count as the analyst's change, not as the form as loaded.
/// </summary>
public sealed class EditorShellLoadedTests(EmptyDatabase database) : MudBunitContext(database), IClassFixture<EmptyDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Conflict_FieldTypedWhileTheFormAsLoadedWasDescribed_AsksWhoseToKeep()
    {
        SignInAs(Roles.Analyst);
        var form = new NoteForm { Id = 7, Version = 1, Notes = "As loaded.", Title = "A note" };
        var describing = new TaskCompletionSource();

        var theirs = new Dictionary<string, string?> { ["Notes"] = "Ann's note.", ["Title"] = "A note" };
        var cut = Render<EditorShell>(p => p
            .Add(s => s.EditContext, new EditContext(form))
            .Add(s => s.RecordName, "note")
            .Add(s => s.FieldLabels, new Dictionary<string, string> { ["Title"] = "Title", ["Notes"] = "Notes" })
            .Add(s => s.Describe, FirstWaitsFor(describing.Task))
            .Add(s => s.Save, _ => Task.FromResult(CommandResult.Conflicted(new ConflictInfo("ann@aideals.test", DateTime.UtcNow, 2, theirs))))
            .Add(s => s.Saved, r => Task.FromResult(new EditorExit("Saved.", "/")))
            .Add(s => s.Reload, _ => { })
            .Add(s => s.ForbiddenText, "Only analysts can edit notes.")
            .Add(s => s.SaveText, "Save changes")
            .Add(s => s.CancelHref, "/"));

        // The analyst types while the form as loaded is still being described.
        form.Notes = "Bob's note.";
        await cut.InvokeAsync(describing.SetResult);
        cut.Find("form").Submit();

        var panel = cut.WaitForElement("[data-testid=conflict-panel]", Patience);
        Assert.Equal("Ask", panel.QuerySelector("tr[data-field=Notes]")!.GetAttribute("data-merge"));
        Assert.Equal("Unchanged", panel.QuerySelector("tr[data-field=Title]")!.GetAttribute("data-merge"));
    }

    [Fact]
    public async Task Save_FieldTypedWhileTheFormAsLoadedWasDescribed_SaysSavedNotNothingChanged()
    {
        SignInAs(Roles.Analyst);
        var form = new NoteForm { Id = 7, Version = 1, Notes = "As loaded." };
        var describing = new TaskCompletionSource();

        var cut = Render<EditorShell>(p => p
            .Add(s => s.EditContext, new EditContext(form))
            .Add(s => s.RecordName, "note")
            .Add(s => s.Describe, FirstWaitsFor(describing.Task))
            .Add(s => s.Save, _ => Task.FromResult(CommandResult.Saved(7, 2)))
            .Add(s => s.Saved, r => Task.FromResult(new EditorExit("Note saved.", "/notes/7")))
            .Add(s => s.Reload, _ => { })
            .Add(s => s.ForbiddenText, "Only analysts can edit notes.")
            .Add(s => s.SaveText, "Save changes")
            .Add(s => s.CancelHref, "/"));
        var snackbar = Render<MudBlazor.MudSnackbarProvider>();

        form.Notes = "Bob's note.";
        await cut.InvokeAsync(describing.SetResult);
        cut.Find("form").Submit();

        snackbar.WaitForAssertion(() => Assert.Contains("Note saved.", snackbar.Markup, StringComparison.Ordinal), Patience);
        Assert.DoesNotContain("Nothing was changed", snackbar.Markup, StringComparison.Ordinal);
    }

    /// <summary>
    /// As a page whose names come from the database: the values are read from the form once the names are in, and the
    /// first description (the form as loaded) waits for <paramref name="names"/>.
    /// </summary>
    private static Func<object, Task<IReadOnlyDictionary<string, string?>>> FirstWaitsFor(Task names)
    {
        var descriptions = 0;
        return async form =>
        {
            if (Interlocked.Increment(ref descriptions) == 1)
            {
                await names;
            }

            return Conflicts.Values(form);
        };
    }

    /// <summary>A form of two fields, as the pages' forms are: an id, a version, a reason and what the analyst edits.</summary>
    public sealed class NoteForm : IEditForm
    {
        public int Id { get; set; }

        public int Version { get; set; }

        public string? Reason { get; set; }

        public string? Title { get; set; }

        public string? Notes { get; set; }
    }
}
