using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Sources;

/// <summary>Brings a deleted source back; a live one stays as it is.</summary>
public sealed class RestoreSource(int id, int version) : SourceCommand(id, version)
{
    protected override bool FindsDeleted => true;

    protected override Task ApplyAsync(CommandScope scope, Source row)
    {
        row.DeletedAt = null;
        return Task.CompletedTask;
    }
}
