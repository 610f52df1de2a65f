using System.Text.Json;
using AiDeals.Core.Features;
using Microsoft.Extensions.Caching.Memory;

namespace AiDeals.Web.Components.Shared;

/// <summary>
/// An analyst's unsaved form, kept on the server as it is typed: the form lives in the circuit, and a circuit can end
/// without a save (the connection drops, the browser closes, the page is reloaded). The editor offers the draft back the
/// next time the same user opens the same editor. Kept in this process's memory for three days of quiet, at most
/// <see cref="CapacityKilobytes"/> of them (when full, the least recently used are compacted away); a restart forgets them.
/// </summary>
public sealed class EditorDrafts : IDisposable
{
    /// <summary>How much draft text the app keeps at most, over all users, in kilobytes of JSON (32 MB).</summary>
    public const int CapacityKilobytes = 32 * 1024;

    /// <summary>How a form is kept: its settable fields (computed ones such as a deal's <c>Announced</c> are left out).</summary>
    internal static readonly JsonSerializerOptions Json = new() { IgnoreReadOnlyProperties = true };

    private readonly MemoryCache _drafts = new(new MemoryCacheOptions { SizeLimit = CapacityKilobytes });
    private readonly TimeProvider _clock;

    public EditorDrafts(TimeProvider clock) => _clock = clock;

    /// <summary>A copy of <paramref name="form"/> as it is now, its settable fields as a draft keeps them.</summary>
    public static object Copy(object form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return JsonSerializer.Deserialize(JsonSerializer.Serialize(form, form.GetType(), Json), form.GetType(), Json)
            ?? throw new InvalidOperationException($"A copy of a {form.GetType().Name} reads as nothing.");
    }

    /// <summary>Keeps <paramref name="form"/> as it is now, with the values it was loaded with (what a later merge starts from).</summary>
    public void Keep(string user, string editor, object form, IReadOnlyDictionary<string, string?>? loaded)
    {
        ArgumentNullException.ThrowIfNull(form);
        var json = JsonSerializer.Serialize(form, form.GetType(), Json);
        var draft = new EditorDraft(form.GetType(), json, loaded, _clock.GetUtcNow());
        var kilobytes = 1 + (json.Length / 1024);
        _drafts.Set(Key(user, editor), draft, new MemoryCacheEntryOptions { Size = kilobytes, SlidingExpiration = TimeSpan.FromDays(3) });
    }

    public EditorDraft? Find(string user, string editor) => _drafts.Get<EditorDraft>(Key(user, editor));

    /// <summary>One user's draft of one editor ("deals/12/edit"); none for an anonymous user.</summary>
    public DraftSlot Slot(string user, string editor) => new(this, user, editor);

    public void Discard(string user, string editor) => _drafts.Remove(Key(user, editor));

    public void Dispose() => _drafts.Dispose();

    private static string Key(string user, string editor) => user + "\n" + editor;
}

/// <summary>A kept form: its type and fields as JSON, the values it was loaded with, and when it was last typed in.</summary>
public sealed record EditorDraft(Type FormType, string FormJson, IReadOnlyDictionary<string, string?>? Loaded, DateTimeOffset SavedAt)
{
    /// <summary>A new form of the kept type with the kept fields.</summary>
    public object Form() => JsonSerializer.Deserialize(FormJson, FormType, EditorDrafts.Json)
        ?? throw new InvalidOperationException("A kept draft reads as nothing.");

    /// <summary>Puts the kept fields into <paramref name="form"/> (the live one the editor binds to), its version included.</summary>
    public void CopyInto(object form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.GetType() != FormType)
        {
            throw new InvalidOperationException($"A draft of a {FormType.Name} cannot fill a {form.GetType().Name}.");
        }

        var kept = Form();
        foreach (var property in FormType.GetProperties().Where(p => p.CanRead && p.CanWrite && p.Name != "Id"))
        {
            property.SetValue(form, property.GetValue(kept));
        }
    }
}

/// <summary>Where one user's draft of one editor is kept.</summary>
public sealed class DraftSlot(EditorDrafts drafts, string user, string editor)
{
    /// <summary>The kept draft to offer back, unless it holds nothing <paramref name="form"/> does not (then it is dropped).</summary>
    public EditorDraft? Offer(object form)
    {
        var draft = user.Length > 0 ? drafts.Find(user, editor) : null;
        if (draft is not null && Conflicts.SameValues(Conflicts.Values(draft.Form()), Conflicts.Values(form)))
        {
            Discard();
            return null;
        }

        return draft;
    }

    public void Keep(object form, IReadOnlyDictionary<string, string?>? loaded)
    {
        if (user.Length > 0)
        {
            drafts.Keep(user, editor, form, loaded);
        }
    }

    public void Discard() => drafts.Discard(user, editor);
}
