#!/usr/bin/env bash
# Generates EF Core's compiled model of the SQLite provider into src/AiDeals.Core/Data/CompiledModel/, which the app
# uses on SQLite instead of building the model at each start (docs/architecture.md, "Start-up"). Run it after any
# change to the model (an entity, a configuration, a migration); CompiledModelTests fails until it is run.
#
#   src/AiDeals.Core/Data/CompiledModel/regenerate.sh
#
# EF Core cannot generate query filters into a compiled model: the design-time factory leaves them out when given
# --without-query-filters, and AiDealsDbContextModel.QueryFilters.cs (written by hand) puts the soft delete's back.
# The assembly attribute EF Core writes beside the model is removed: with it, EF Core would use this SQLite model for
# PostgreSQL too. Each run writes a new model id (a GUID in AiDealsDbContextModelBuilder.cs); any other change in the
# files means the model changed.
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../../.." && pwd)"
folder="$repo/src/AiDeals.Core/Data/CompiledModel"
cd "$repo"
dotnet tool restore >/dev/null

# The tool builds the project with the current files, then writes over them; a file it did not write again names an
# entity type that is gone, and is removed. (Should the build fail because such a file names a class that no longer
# exists, delete that file and its lines in AiDealsDbContextModelBuilder.cs, then run this again.)
started="$(mktemp)"
trap 'rm -f "$started"' EXIT
dotnet ef dbcontext optimize --project src/AiDeals.Core --output-dir Data/CompiledModel \
    --namespace AiDeals.Core.Data.CompiledModel -- --without-query-filters
find "$folder" -name '*.cs' ! -name 'AiDealsDbContextModel.QueryFilters.cs' ! -newer "$started" -print -delete
rm -f "$folder/AiDealsDbContextAssemblyAttributes.cs"
echo "compiled-model: regenerated $folder"
