using AiDeals.Core.Data.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class UnionRestConfiguration : IEntityTypeConfiguration<UnionRest>
{
    public void Configure(EntityTypeBuilder<UnionRest> builder)
    {
        // By group first: a total reads one group's rows (the migration makes the table WITHOUT ROWID, so they lie together).
        builder.HasKey(r => new { r.GroupId, r.WiderId });
        // Recounting a wider deal replaces its rows in every group.
        builder.HasIndex(r => r.WiderId);
    }
}

internal sealed class UnionPendingConfiguration : IEntityTypeConfiguration<UnionPending>
{
    public void Configure(EntityTypeBuilder<UnionPending> builder)
    {
        builder.HasKey(p => p.DealId);
        builder.Property(p => p.DealId).ValueGeneratedNever();
    }
}
