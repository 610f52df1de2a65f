using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class DealParticipantConfiguration : IEntityTypeConfiguration<DealParticipant>
{
    public void Configure(EntityTypeBuilder<DealParticipant> builder)
    {
        builder.ConfigureEditable();
        // Its triggers keep the deal list's sort keys and search text (see DealListKeys): SQLite refuses RETURNING then.
        builder.ToTable(t => t.UseSqlReturningClause(false));
        builder.Ignore(p => p.Commitment);
        builder.Ignore(p => p.Reported);
        builder.Ignore(p => p.IsUnconverted);
        builder.Property(p => p.Currency).HasMaxLength(3).HasDefaultValue(Currencies.Usd);
        builder.HasOne(p => p.Deal).WithMany(d => d.Participants).HasForeignKey(p => p.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Organization).WithMany(o => o.Participations).HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // An organization's participations, with DeletedAt so that reading them (the investor filter, the picker's
        // counts, the profile) needs no row of the table itself.
        builder.HasIndex(p => new { p.OrganizationId, p.DealId, p.DeletedAt });
        // A deal's live participations with what the export's investors need (organization, role, whether an amount is
        // given) from the index alone: the export reads them for every deal, a batch at a time, and visiting each row
        // was most of a batch's cost. It serves the deal's key as well.
        builder.HasIndex(p => new { p.DealId, p.DeletedAt, p.OrganizationId, p.Role, p.CommitmentQualifier, p.ReportedQualifier });
        // The commitments in other currencies: those a change of rates converts again and those no rate converted (the
        // counts the totals show). Empty while every commitment is in dollars.
        builder.HasIndex(p => new { p.Currency, p.DealId }).HasFilter("\"Currency\" <> 'USD'");
    }
}
