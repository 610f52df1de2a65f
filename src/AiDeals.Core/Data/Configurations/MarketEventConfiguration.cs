using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class MarketEventConfiguration : IEntityTypeConfiguration<MarketEvent>
{
    public void Configure(EntityTypeBuilder<MarketEvent> builder)
    {
        builder.ConfigureEditable();
        builder.Ignore(e => e.Occurred);
        builder.Property(e => e.Title).HasMaxLength(MarketEventLimits.Title);
        builder.Property(e => e.Description).HasMaxLength(MarketEventLimits.Description);
        builder.HasIndex(e => e.OccurredOn);
    }
}
