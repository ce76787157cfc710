#!/usr/bin/env bash
# Times R survival and data.table against Pnen on the same synthetic file, in the same run, and
# checks that both give the same answers. Not part of CI: it takes a minute or two and needs R.
#
#   bash benchmarks/compare-with-r.sh            # 10^6 rows, 10 covariates, heavy ties
#   ROWS=100000 bash benchmarks/compare-with-r.sh
#
# Needs R with survival, data.table and jsonlite. On Debian or Ubuntu:
#   apt-get install r-base-core r-cran-survival r-cran-data.table r-cran-jsonlite
#
# What is timed, on both sides, with the file already in the page cache:
#   fread      data.table::fread(file)                  vs  Pnen's TableReader on every column (warm process)
#   coxph      coxph(Surv(time, status) ~ x1 + ... + x10) (Efron)   vs  pnen cox --timing, fitMs
#   survfit    survfit(Surv(time, status) ~ group)      vs  pnen km --group group --timing, fitMs
#   survdiff   survdiff(Surv(time, status) ~ group)     vs  pnen logrank --group group --timing, fitMs
# Pnen's CLI numbers are from a fresh process each (the JIT included); the harness's ("warm") are
# from one process that has run the same code before, as R's functions are already compiled.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
REPS=${REPS:-3}
WORK=${WORK:-$(mktemp -d -t pnen-compare.XXXXXX)}
mkdir -p "$WORK"

if ! command -v Rscript >/dev/null 2>&1; then
  echo "Rscript not found. Install R: apt-get install r-base-core r-cran-survival r-cran-data.table r-cran-jsonlite" >&2
  exit 1
fi
for pkg in survival data.table jsonlite; do
  if ! Rscript -e "quit(status = !requireNamespace('$pkg', quietly = TRUE))" >/dev/null 2>&1; then
    echo "R package '$pkg' is missing: apt-get install r-cran-${pkg//./-}" >&2
    exit 1
  fi
done

echo "building Pnen (Release)..." >&2
dotnet build -c Release src/Pnen.Cli -v q -nologo >/dev/null
dotnet build -c Release benchmarks/Pnen.Benchmarks -v q -nologo >/dev/null
PNEN="dotnet src/Pnen.Cli/bin/Release/net10.0/pnen.dll"
BENCH="dotnet benchmarks/Pnen.Benchmarks/bin/Release/net10.0/Pnen.Benchmarks.dll"

CSV="$WORK/cohort-$ROWS.csv"
if [ ! -s "$CSV" ]; then
echo "generating $CSV ($ROWS rows)..." >&2
  $BENCH generate --rows "$ROWS" --out "$CSV" >/dev/null
fi
ls -l "$CSV" >&2
cat "$CSV" >/dev/null # into the page cache for both sides

covariates=x1,x2,x3,x4,x5,x6,x7,x8,x9,x10
best_of() { # best_of N OUTPUT_PREFIX command... : runs the command N times, keeps each JSON
  local n=$1 prefix=$2; shift 2
  for i in $(seq 1 "$n"); do "$@" > "$prefix.$i.json"; done
}
echo "timing Pnen..." >&2
best_of 1 "$WORK/pnen-cox" $PNEN cox --data "$CSV" --time time --event status --covariates $covariates --timing
best_of "$REPS" "$WORK/pnen-km" $PNEN km --data "$CSV" --time time --event status --group group --timing
best_of "$REPS" "$WORK/pnen-logrank" $PNEN logrank --data "$CSV" --time time --event status --group group --timing
$BENCH compare --data "$CSV" --reps "$REPS" > "$WORK/pnen-warm.json"

echo "timing R..." >&2
Rscript benchmarks/compare-with-r.R "$CSV" "$WORK" "$REPS"
