using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Sources;

/// <summary>A source as its form: read for the editor and for a conflict, written back by the commands.</summary>
internal static class SourceForms
{
    public static SourceForm Of(Source source) => new()
    {
        Id = source.Id,
        Version = source.Version,
        Title = source.Title,
        Publisher = source.Publisher,
        Url = source.Url,
        PublishedOn = source.PublishedOn,
    };

    public static void Apply(SourceForm form, Source source)
    {
        source.Title = form.Title.Trim();
        source.Publisher = FormText.Blank(form.Publisher);
        source.Url = FormText.Blank(form.Url);
        source.PublishedOn = form.PublishedOn;
    }

    /// <summary>The conflict for the source as stored now.</summary>
    public static async Task<ConflictInfo> ConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        var theirs = Of(current);
        return await Conflicts.DescribeAsync(db, nameof(Source), theirs, Conflicts.Values(theirs), cancellationToken);
    }
}
