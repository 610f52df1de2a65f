using AiDeals.Core.Features.Watchlists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class WatchlistConfiguration : IEntityTypeConfiguration<Watchlist>
{
    public void Configure(EntityTypeBuilder<Watchlist> builder)
    {
        builder.ConfigureEditable();
        builder.Property(w => w.Owner).HasMaxLength(256);
        builder.HasIndex(w => w.Owner).IsUnique();
        builder.Property(w => w.FeedTokenHash).HasMaxLength(64);
        builder.Property(w => w.FeedTokenPrefix).HasMaxLength(WatchlistLimits.FeedTokenPrefix);

        // A feed reader's every poll finds its watchlist by the token's hash.
        builder.HasIndex(w => w.FeedTokenHash).IsUnique();
    }
}
