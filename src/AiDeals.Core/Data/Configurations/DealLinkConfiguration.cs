using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class DealLinkConfiguration : IEntityTypeConfiguration<DealLink>
{
    public void Configure(EntityTypeBuilder<DealLink> builder)
    {
        builder.ConfigureEditable();
        builder.HasOne(l => l.Part).WithMany(d => d.PartOf).HasForeignKey(l => l.PartId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Wider).WithMany(d => d.Parts).HasForeignKey(l => l.WiderId).OnDelete(DeleteBehavior.Restrict);
        // One live link per pair; a removed link stays as history, and adding it back is a new row.
        builder.HasIndex(l => new { l.PartId, l.WiderId }).IsUnique().HasFilter("DeletedAt IS NULL");
        // Down from a wider deal (its parts, the totals' walk), with DeletedAt so the walk needs no row of the table.
        builder.HasIndex(l => new { l.WiderId, l.DeletedAt, l.PartId });
    }
}
