# Called by compare-with-r.sh: times R on the file, reads Pnen's timings and answers, compares.
suppressPackageStartupMessages({
  library(survival)
  library(data.table)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
csv <- args[1]; work <- args[2]; reps <- as.integer(args[3])

best <- function(n, expr) {
  f <- function() system.time(eval.parent(substitute(expr), 3))[["elapsed"]]
  min(replicate(n, f()))
}
timed <- function(n, code) { # runs code n times; returns list(seconds = best, value = last)
  times <- numeric(n); value <- NULL
  for (i in seq_len(n)) { t0 <- proc.time()[["elapsed"]]; value <- code(); times[i] <- proc.time()[["elapsed"]] - t0 }
  list(seconds = min(times), value = value)
}

fread_run <- timed(reps, function() fread(csv, showProgress = FALSE))
d <- fread_run$value
cox_run <- timed(1, function() coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10, data = d, ties = "efron"))
km_run <- timed(reps, function() survfit(Surv(time, status) ~ group, data = d))
lr_run <- timed(reps, function() survdiff(Surv(time, status) ~ group, data = d))

pnen_json <- function(prefix) lapply(Sys.glob(file.path(work, paste0(prefix, ".*.json"))), function(f) fromJSON(f, simplifyVector = FALSE))
fit_seconds <- function(runs) min(sapply(runs, function(r) r$timing$fitMs)) / 1000
load_seconds <- function(runs) min(sapply(runs, function(r) r$timing$loadMs)) / 1000
cox <- pnen_json("pnen-cox"); km <- pnen_json("pnen-km"); lr <- pnen_json("pnen-logrank")
warm <- fromJSON(file.path(work, "pnen-warm.json"))

# Same answers: coefficients to 1e-6 relative, and the log-rank statistic and medians likewise.
failures <- character()
agree <- function(what, r, p, tol = 1e-6) {
  bad <- abs(r - p) > tol * pmax(abs(r), 1e-300) + 1e-12
  if (any(bad)) failures <<- c(failures, sprintf("%s: R %s vs Pnen %s", what, format(r[bad], digits = 15), format(p[bad], digits = 15)))
  max(abs(r - p) / pmax(abs(r), 1e-300))
}
r_coef <- unname(coef(cox_run$value))
cli_coef <- sapply(cox[[1]]$terms, function(t) t$coef)
worst_cli <- agree("coef (pnen cox)", r_coef, cli_coef)
worst_warm <- agree("coef (harness)", r_coef, warm$coef)
agree("se (pnen cox)", unname(sqrt(diag(vcov(cox_run$value)))), sapply(cox[[1]]$terms, function(t) t$se))
agree("log-rank chi-square", lr_run$value$chisq, lr[[1]]$chisq)
r_median <- unname(summary(km_run$value)$table[, "median"])
agree("KM medians", r_median, sapply(km[[1]]$groups, function(g) g$median))

rows <- list(
  c("coxph (Efron, 10 covariates)", cox_run$seconds, fit_seconds(cox), warm$coxMs / 1000),
  c("survfit (3 groups)", km_run$seconds, fit_seconds(km), warm$kmMs / 1000),
  c("survdiff (3 groups)", lr_run$seconds, fit_seconds(lr), warm$logrankMs / 1000),
  c("fread / load (all 14 columns)", fread_run$seconds, NA, warm$loadMs / 1000)
)
cat(sprintf("\n%s: %d rows, %.0f MB\n\n", basename(csv), nrow(d), file.size(csv) / 1e6))
cat(sprintf("| %-30s | %8s | %14s | %8s | %14s | %8s |\n", "step", "R s", "Pnen CLI s", "R/CLI", "Pnen warm s", "R/warm"))
cat(sprintf("| %-30s | %8s | %14s | %8s | %14s | %8s |\n", strrep("-", 30), "---", "---", "---", "---", "---"))
for (r in rows) {
  rs <- as.numeric(r[2]); cli <- as.numeric(r[3]); w <- as.numeric(r[4])
  cat(sprintf("| %-30s | %8.3f | %14s | %8s | %14.3f | %7.1fx |\n", r[1], rs,
              if (is.na(cli)) "-" else sprintf("%.3f", cli), if (is.na(cli)) "-" else sprintf("%.1fx", rs / cli), w, rs / w))
}
cat(sprintf("\npnen cox loadMs (12 of 14 columns, fresh process): %.3f s\n", load_seconds(cox)))
cat(sprintf("coefficients: largest relative difference R vs pnen cox %.2e, vs harness %.2e (tolerance 1e-6)\n", worst_cli, worst_warm))
if (length(failures) > 0) {
  cat("DISAGREEMENT:\n", paste0("  ", failures, "\n"), sep = "")
  quit(status = 1)
}
cat("R and Pnen agree to 1e-6 (coefficients, standard errors, log-rank chi-square, KM medians).\n")
