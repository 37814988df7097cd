#!/usr/bin/env bash
# Writes the EF Core compiled models (src/Marketplace.Data/CompiledModels/{Sqlite,Postgres}) anew from the code. Run it
# after any change to the model (an entity, a property, a mapping), with its migration: the server maps the database
# through the compiled model instead of building one at every start (about a second of CPU), so a stale one would map
# the old model. CompiledModelTests fails until the files match the code.
#
# Marketplace.Data is built without the old files (-p:WithoutCompiledModels=true: they may no longer compile once an
# entity is gone), so EF builds the model from OnModelCreating. EF also writes an [assembly: DbContextModel] attribute
# file per model; it is removed, because with it EF would pick the compiled model up by itself, even at design time
# (`dotnet ef` would then regenerate the old model). DataSetup names each model explicitly instead.
set -euo pipefail
cd "$(dirname "$0")/.."
models=src/Marketplace.Data/CompiledModels
dotnet tool restore >/dev/null
dotnet build src/Marketplace.Data -c Release --nologo -v quiet -p:WithoutCompiledModels=true
for provider in Sqlite Postgres; do
  rm -rf "$models/$provider"
  dotnet ef dbcontext optimize --no-build --configuration Release \
    --project src/Marketplace.Data --startup-project src/Marketplace.Data \
    --context "${provider}MarketplaceDbContext" \
    --output-dir "CompiledModels/$provider" --namespace "Marketplace.Data.CompiledModels.$provider"
  rm -f "$models/$provider/"*AssemblyAttributes.cs
done
echo "Wrote $models; build again (the last build left them out) and commit them with the model change."
