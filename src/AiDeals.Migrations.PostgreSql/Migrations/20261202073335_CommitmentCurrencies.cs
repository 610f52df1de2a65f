using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CommitmentCurrencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "DealParticipants",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "USD",
                collation: "C");

            migrationBuilder.AddColumn<DateOnly>(
                name: "RateOn",
                table: "DealParticipants",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "RateUnitsPerUsd",
                table: "DealParticipants",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportedHigh",
                table: "DealParticipants",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportedLow",
                table: "DealParticipants",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportedQualifier",
                table: "DealParticipants",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DealParticipants_Currency_DealId",
                table: "DealParticipants",
                columns: new[] { "Currency", "DealId" },
                filter: "\"Currency\" <> 'USD'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DealParticipants_Currency_DealId",
                table: "DealParticipants");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "DealParticipants");

            migrationBuilder.DropColumn(
                name: "RateOn",
                table: "DealParticipants");

            migrationBuilder.DropColumn(
                name: "RateUnitsPerUsd",
                table: "DealParticipants");

            migrationBuilder.DropColumn(
                name: "ReportedHigh",
                table: "DealParticipants");

            migrationBuilder.DropColumn(
                name: "ReportedLow",
                table: "DealParticipants");

            migrationBuilder.DropColumn(
                name: "ReportedQualifier",
                table: "DealParticipants");
        }
    }
}
