using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal static class EditableEntityConfiguration
{
    /// <summary>Version as the concurrency token and a filter that hides soft-deleted rows.</summary>
    public static void ConfigureEditable<T>(this EntityTypeBuilder<T> builder)
        where T : EditableEntity
    {
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasQueryFilter(SoftDeleteFilters.NotDeleted<T>());
    }
}
