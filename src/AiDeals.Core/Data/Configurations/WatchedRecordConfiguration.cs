using AiDeals.Core.Features.Watchlists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class WatchedRecordConfiguration : IEntityTypeConfiguration<WatchedRecord>
{
    public void Configure(EntityTypeBuilder<WatchedRecord> builder)
    {
        builder.ConfigureEditable();
        builder.Property(w => w.Owner).HasMaxLength(256);

        // One live watch per record per analyst; an unwatched (deleted) row stays for the history.
        builder.HasIndex(w => new { w.Owner, w.Kind, w.RecordId }).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
    }
}
