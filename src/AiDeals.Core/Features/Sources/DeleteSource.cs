using System.Globalization;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Sources;

/// <summary>Deletes a source no live citation uses; the audit log keeps it, and the history can restore it.</summary>
public sealed class DeleteSource(int id, int version) : SourceCommand(id, version)
{
    protected override async Task CheckAsync(CommandScope scope, Source row)
    {
        var citations = await scope.Db.Citations.CountAsync(c => c.SourceId == row.Id, scope.CancellationToken);
        if (citations > 0)
        {
            scope.Errors.Add(string.Empty, citations == 1
                ? $"\"{row.Title}\" is cited once: remove that citation before deleting the source."
                : $"\"{row.Title}\" is cited {citations.ToString(CultureInfo.InvariantCulture)} times: remove those citations before deleting the source.");
        }
    }

    protected override Task ApplyAsync(CommandScope scope, Source row)
    {
        scope.Db.Sources.Remove(row);
        return Task.CompletedTask;
    }
}
