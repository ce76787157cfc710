#!/usr/bin/env bash
# Times R (survival, data.table, stats) against Pnen on the same synthetic file, in the same run,
# checks that both give the same answers, and prints every target of issue 19 with PASS or MISS.
# Not part of CI: it takes a few minutes and needs R.
#
#   bash benchmarks/compare-with-r.sh            # 10^6 rows, 10 covariates, heavy ties
#   ROWS=100000 REPS=2 bash benchmarks/compare-with-r.sh
#   PNEN="dotnet src/Pnen.Cli/bin/Release/net10.0/pnen.dll" bash benchmarks/compare-with-r.sh   # another build
#
# Needs R with survival, data.table and jsonlite. On Debian or Ubuntu:
#   apt-get install r-base-core r-cran-survival r-cran-data.table r-cran-jsonlite
#
# What is timed, with the file already in the page cache (R seconds vs Pnen seconds):
#   load       fread(file, select = the 12 columns)           vs  pnen cox --timing, loadMs (time, status, x1..x10)
#   coxph      coxph(Surv(time, status) ~ x1 + ... + x10) (Efron, with its concordance)  vs  pnen cox, fitMs
#   survfit    survfit(Surv(time, status) ~ group)            vs  pnen km --group group, fitMs
#   survdiff   survdiff(Surv(time, status) ~ group)           vs  pnen logrank --group group, fitMs
#   Table 1    per-group summaries, kruskal.test / aov / chisq.test / fisher.test as Pnen chose
#              (x1..x9 continuous, x10 and stratum categorical, by group)   vs  pnen table1 --timing, fitMs
# and Pnen against its own plain Cox fit (fitMs / the plain cox fitMs, target at most 2):
#   weighted Cox with the robust variance (--weights weight --robust), counting-process Cox
#   (--start start), cox.zph (--zph km: the fit, its concordance and the test), and the logistic
#   propensity model (pnen ps --treatment x10 --covariates x1..x9); R runs the same models for the
#   agreement check and its times are printed beside them (the weighted robust fit on the first
#   CHECK_ROWS rows only: R's robust variance there is far slower than linear in n).
# Peak memory of KM and log-rank relative to their numeric input comes from the scaling harness.
#
# Every Pnen number is from a fresh process (`pnen` as a user runs it: the published native binary
# below), best of REPS; R's are best of REPS for the fast steps and one run for the slow ones.
# The harness's "warm" numbers (one process that has run the code before) are printed for reference.
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

if [ -z "${PNEN:-}" ]; then
  # The fast binary a user gets (README): native AOT, no JIT in a fresh process. It needs clang
  # (apt-get install clang zlib1g-dev); without it, the ReadyToRun build is timed instead, and said.
  echo "publishing pnen (Release, native AOT) to $WORK/pnen..." >&2
  if dotnet publish src/Pnen.Cli -c Release --use-current-runtime -p:PublishAot=true -o "$WORK/pnen" -v q -nologo >"$WORK/publish.log" 2>&1; then
    BUILD="native AOT"
  else
    echo "native AOT publish failed (see $WORK/publish.log); timing the ReadyToRun build instead" >&2
    dotnet publish src/Pnen.Cli -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$WORK/pnen" -v q -nologo >/dev/null
    BUILD="ReadyToRun"
  fi
  PNEN="$WORK/pnen/pnen"
fi
BUILD=${BUILD:-$PNEN}
echo "building the benchmark harness (Release)..." >&2
dotnet build -c Release benchmarks/Pnen.Benchmarks -v q -nologo >/dev/null
BENCH="dotnet benchmarks/Pnen.Benchmarks/bin/Release/net10.0/Pnen.Benchmarks.dll"

CSV="$WORK/cohort-v2-$ROWS.csv"
if [ ! -s "$CSV" ]; then
  echo "generating $CSV ($ROWS rows)..." >&2
  $BENCH generate --rows "$ROWS" --out "$CSV" >/dev/null
fi
ls -l "$CSV" >&2
cat "$CSV" >/dev/null # into the page cache for both sides

covariates=x1,x2,x3,x4,x5,x6,x7,x8,x9,x10
runs() { # runs N OUTPUT_PREFIX command... : runs the command N times (a fresh process each), keeps each JSON
  local n=$1 prefix=$2; shift 2
  for i in $(seq 1 "$n"); do "$@" > "$prefix.$i.json"; done
}
echo "timing Pnen ($PNEN)..." >&2
surv=(--data "$CSV" --time time --event status)
runs "$REPS" "$WORK/pnen-cox" $PNEN cox "${surv[@]}" --covariates $covariates --timing
runs "$REPS" "$WORK/pnen-km" $PNEN km "${surv[@]}" --group group --timing
runs "$REPS" "$WORK/pnen-logrank" $PNEN logrank "${surv[@]}" --group group --timing
runs "$REPS" "$WORK/pnen-table1" $PNEN table1 --data "$CSV" --by group --vars x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,stratum --categorical x10,stratum --timing
runs "$REPS" "$WORK/pnen-coxw" $PNEN cox "${surv[@]}" --covariates $covariates --weights weight --robust --timing
runs "$REPS" "$WORK/pnen-coxcp" $PNEN cox "${surv[@]}" --start start --covariates $covariates --timing
runs "$REPS" "$WORK/pnen-zph" $PNEN cox "${surv[@]}" --covariates $covariates --zph km --timing
runs "$REPS" "$WORK/pnen-ps" $PNEN ps --data "$CSV" --treatment x10 --covariates x1,x2,x3,x4,x5,x6,x7,x8,x9 --timing
# R's robust variance of a weighted Efron fit grows much faster than n (20,000 rows: 4.5 s, 35 times
# its plain coxph): at 10^6 rows it does not finish in an hour. Its agreement is checked on the first
# CHECK_ROWS rows instead, Pnen fitting the same rows.
CHECK_ROWS=${CHECK_ROWS:-20000}
head -n $((CHECK_ROWS + 1)) "$CSV" > "$WORK/check.csv"
runs 1 "$WORK/pnen-coxw-check" $PNEN cox --data "$WORK/check.csv" --time time --event status --covariates $covariates --weights weight --robust --timing
echo "peak memory of km and logrank (scaling harness)..." >&2
$BENCH scaling --min "$ROWS" --max "$ROWS" --ops km,logrank > "$WORK/scaling.txt"
echo "warm harness..." >&2
$BENCH compare --data "$CSV" --reps "$REPS" > "$WORK/pnen-warm.json"

echo "timing R..." >&2
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
Rscript benchmarks/compare-with-r.R "$CSV" "$WORK" "$REPS" "$LOAD" "$BUILD"
