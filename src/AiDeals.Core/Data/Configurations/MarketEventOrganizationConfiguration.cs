using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class MarketEventOrganizationConfiguration : IEntityTypeConfiguration<MarketEventOrganization>
{
    public void Configure(EntityTypeBuilder<MarketEventOrganization> builder)
    {
        builder.HasKey(x => new { x.MarketEventId, x.OrganizationId });
        builder.HasOne(x => x.MarketEvent).WithMany(e => e.Organizations).HasForeignKey(x => x.MarketEventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.OrganizationId);
        builder.HasQueryFilter(SoftDeleteFilters.OfLiveMarketEvent);
    }
}
