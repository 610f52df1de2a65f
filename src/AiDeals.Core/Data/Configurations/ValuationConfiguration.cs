using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class ValuationConfiguration : IEntityTypeConfiguration<Valuation>
{
    public void Configure(EntityTypeBuilder<Valuation> builder)
    {
        builder.ConfigureEditable();
        builder.Ignore(v => v.AsOfDate);
        builder.HasOne(v => v.Organization).WithMany(o => o.Valuations).HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Deal).WithMany().HasForeignKey(v => v.DealId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(v => new { v.OrganizationId, v.AsOf });
        // The dashboard's latest valuation: newest as-of date first, read from the end of this index (ties by id, its last key).
        builder.HasIndex(v => v.AsOf);
    }
}
