#!/usr/bin/env bash
# The --engine duckdb benchmark: ROWS rows (default 10^8) generated as Parquet in $TMPDIR by DuckDB's
# own SQL (generate-parquet.cs, deterministic), then pnen km, logrank, cox (three categorical
# covariates and strata: counts per pattern) and cox with a continuous covariate added (the rows
# streamed) on it as fresh processes; prints wall time and peak resident memory
# (/usr/bin/time's maximum RSS) of each, then deletes the file. The engine is capped by
# PNEN_DUCKDB_THREADS (default here 2) and PNEN_DUCKDB_MEMORY_LIMIT (default here 4GB).
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000000}
dir=${TMPDIR:-/tmp}/pnen-duckdb-benchmark
mkdir -p "$dir"
data="$dir/cohort-$rows.parquet"
trap 'rm -f "$data"' EXIT
export PNEN_DUCKDB_THREADS=${PNEN_DUCKDB_THREADS:-2}
export PNEN_DUCKDB_MEMORY_LIMIT=${PNEN_DUCKDB_MEMORY_LIMIT:-4GB}

dotnet build -c Release src/Pnen.Cli -v quiet -nologo >/dev/null
cp benchmarks/duckdb/generate-parquet.cs "$dir/generate-parquet.cs"
start=$(date +%s.%N)
(cd "$dir" && dotnet run generate-parquet.cs -- "$rows" "$data" "$PNEN_DUCKDB_THREADS")
echo "generate: $(echo "$(date +%s.%N) - $start" | bc) s, $(du -h "$data" | cut -f1)"

pnen="dotnet src/Pnen.Cli/bin/Release/net10.0/pnen.dll"
run() {
  local name=$1; shift
  /usr/bin/time -f "$name: %e s wall, %M KB peak RSS" -o "$dir/time.txt" $pnen "$@" --data "$data" --time time --event status --engine duckdb --timing > "$dir/$name.json"
  cat "$dir/time.txt"
  grep -E '"(n|events|chisq|loadMs|fitMs)"' "$dir/$name.json" | tr -d ' \n' | cut -c1-160 || true; echo
}
echo "threads $PNEN_DUCKDB_THREADS, memory limit $PNEN_DUCKDB_MEMORY_LIMIT, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
run km km --group arm
run logrank logrank --group arm --strata region
run cox cox --covariates arm,sex,grade --categorical grade --strata region
run cox-stream cox --covariates arm,sex,grade,age --categorical grade --strata region   # age: rows streamed through each Newton step
