# Called by compare-with-r.sh: times R on the file, reads Pnen's timings and answers, checks that
# they agree, and prints every target of issue 19 with PASS or MISS.
suppressPackageStartupMessages({
  library(survival)
  library(data.table)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
csv <- args[1]; work <- args[2]; reps <- as.integer(args[3]); load_average <- if (length(args) > 3) args[4] else "?"
build <- if (length(args) > 4) args[5] else "?"

timed <- function(n, code, what = deparse(substitute(code))[1]) { # runs code n times; returns list(seconds = best, value = last)
  times <- numeric(n); value <- NULL
  for (i in seq_len(n)) { gc(); t0 <- proc.time()[["elapsed"]]; value <- code(); times[i] <- proc.time()[["elapsed"]] - t0 }
  message(sprintf("  R %-60s %8.2f s (best of %d)", substr(what, 1, 60), min(times), n))
  list(seconds = min(times), value = value)
}

covariates <- paste0("x", 1:10)
cox_formula <- as.formula(paste("Surv(time, status) ~", paste(covariates, collapse = " + ")))
cp_formula <- as.formula(paste("Surv(start, time, status) ~", paste(covariates, collapse = " + ")))

fread_run <- timed(reps, function() fread(csv, select = c("time", "status", covariates), showProgress = FALSE))
d <- fread(csv, showProgress = FALSE)
cox_run <- timed(1, function() coxph(cox_formula, data = d, ties = "efron"))
km_run <- timed(reps, function() survfit(Surv(time, status) ~ group, data = d))
lr_run <- timed(reps, function() survdiff(Surv(time, status) ~ group, data = d))
check <- fread(file.path(work, "check.csv"), showProgress = FALSE) # the first rows (see compare-with-r.sh)
coxw_run <- timed(1, function() coxph(cox_formula, data = check, ties = "efron", weights = weight, robust = TRUE))
coxcp_run <- timed(1, function() coxph(cp_formula, data = d, ties = "efron"))
zph_run <- timed(1, function() cox.zph(cox_run$value, transform = "km"))
ps_formula <- as.formula(paste("x10 ~", paste(covariates[1:9], collapse = " + ")))
ps_run <- timed(1, function() glm(ps_formula, data = d, family = binomial))

pnen_json <- function(prefix) lapply(Sys.glob(file.path(work, paste0(prefix, ".*.json"))), function(f) fromJSON(f, simplifyVector = FALSE))
fit_seconds <- function(runs) min(sapply(runs, function(r) r$timing$fitMs)) / 1000
load_seconds <- function(runs) min(sapply(runs, function(r) r$timing$loadMs)) / 1000
cox <- pnen_json("pnen-cox"); km <- pnen_json("pnen-km"); lr <- pnen_json("pnen-logrank")
t1 <- pnen_json("pnen-table1"); coxw <- pnen_json("pnen-coxw"); coxcp <- pnen_json("pnen-coxcp")
coxw_check <- pnen_json("pnen-coxw-check")
zph <- pnen_json("pnen-zph"); ps <- pnen_json("pnen-ps")
warm <- fromJSON(file.path(work, "pnen-warm.json"))

# Table 1 in R: the same summaries and the test Pnen chose for each row (its "test" field).
table1_r <- function() {
  g <- factor(d$group)
  p <- list()
  for (row in t1[[1]]$rows) {
    v <- row$variable; x <- d[[v]]
    if (row$kind == "continuous") {
      tapply(x, g, mean); tapply(x, g, sd); tapply(x, g, quantile, c(0.25, 0.5, 0.75))
      mean(x); sd(x); quantile(x, c(0.25, 0.5, 0.75))
      if (length(x) <= 5000) shapiro.test(x)
      p[[v]] <- switch(row$test,
        kruskal = kruskal.test(x, g)$p.value,
        anova = summary(aov(x ~ g))[[1]][["Pr(>F)"]][1],
        welch = oneway.test(x ~ g)$p.value,
        wilcox = wilcox.test(x ~ g, exact = FALSE)$p.value,
        NA)
    } else {
      tab <- table(x, g)
      prop.table(tab, 2)
      p[[v]] <- switch(row$test,
        chisq = suppressWarnings(chisq.test(tab, correct = FALSE))$p.value,
        fisher = fisher.test(tab)$p.value,
        NA)
    }
  }
  unlist(p)
}
t1_run <- timed(1, table1_r) # a minute a run in R at 10^6 rows

# Same answers: to 1e-6 relative (estimates and statistics), 1e-5 for p-values.
failures <- character()
worst <- list()
agree <- function(what, r, p, tol = 1e-6) {
  r <- as.numeric(r); p <- as.numeric(p)
  if (length(r) != length(p)) { failures <<- c(failures, sprintf("%s: R has %d values, Pnen %d", what, length(r), length(p))); return(invisible(NA)) }
  bad <- abs(r - p) > tol * pmax(abs(r), 1e-300) + 1e-12
  if (any(bad)) failures <<- c(failures, sprintf("%s: R %s vs Pnen %s", what, format(r[bad], digits = 15), format(p[bad], digits = 15)))
  worst[[what]] <<- max(abs(r - p) / pmax(abs(r), 1e-300))
  invisible(worst[[what]])
}
terms_of <- function(run, field) sapply(run[[1]]$terms, function(t) t[[field]])
agree("cox coef", coef(cox_run$value), terms_of(cox, "coef"))
agree("cox se", sqrt(diag(vcov(cox_run$value))), terms_of(cox, "se"))
agree("cox concordance", cox_run$value$concordance[["concordance"]], cox[[1]]$concordance$c)
agree("cox coef (warm harness)", coef(cox_run$value), warm$coef)
agree("log-rank chi-square", lr_run$value$chisq, lr[[1]]$chisq)
agree("KM medians", summary(km_run$value)$table[, "median"], sapply(km[[1]]$groups, function(g) g$median))
agree("weighted cox coef (first rows)", coef(coxw_run$value), terms_of(coxw_check, "coef"))
agree("weighted cox robust se (first rows)", sqrt(diag(vcov(coxw_run$value))), terms_of(coxw_check, "se"))
agree("counting-process cox coef", coef(coxcp_run$value), terms_of(coxcp, "coef"))
agree("counting-process cox se", sqrt(diag(vcov(coxcp_run$value))), terms_of(coxcp, "se"))
zph_table <- zph_run$value$table
agree("cox.zph chi-square", zph_table[, "chisq"], c(sapply(zph[[1]]$zph$terms, function(t) t$chisq), zph[[1]]$zph$global$chisq))
agree("cox.zph p", zph_table[, "p"], c(sapply(zph[[1]]$zph$terms, function(t) t$p), zph[[1]]$zph$global$p), tol = 1e-5)
agree("logistic PS coef", coef(ps_run$value), sapply(ps[[1]]$model$coefficients, function(t) t$coef))
agree("logistic PS se", sqrt(diag(vcov(ps_run$value))), sapply(ps[[1]]$model$coefficients, function(t) t$se))
agree("Table 1 p", t1_run$value, sapply(t1[[1]]$rows, function(r) if (is.null(r$p)) NA else r$p), tol = 1e-5)

# Peak memory from the scaling harness: its peak/input column for km and logrank.
scaling <- readLines(file.path(work, "scaling.txt"))
peak_of <- function(op) {
  line <- grep(paste0("^", op, " "), scaling, value = TRUE)[1]
  as.numeric(tail(strsplit(trimws(line), " +")[[1]], 1))
}

plain <- fit_seconds(cox)
rows <- list(
  list("load 12 columns (fread select)", fread_run$seconds, load_seconds(cox), "R/Pnen", 2, ">="),
  list("coxph Efron 10 cov (fitMs)", cox_run$seconds, plain, "R/Pnen", 25, ">="),
  list("survfit by group", km_run$seconds, fit_seconds(km), "R/Pnen", 20, ">="),
  list("survdiff by group", lr_run$seconds, fit_seconds(lr), "R/Pnen", 20, ">="),
  list("Table 1 (9 cont + 2 cat)", t1_run$seconds, fit_seconds(t1), "R/Pnen", 10, ">="),
  list("Table 1 Pnen seconds", NA, fit_seconds(t1), "Pnen s", 1, "<"),
  list(sprintf("weighted Cox, robust (R: %d rows)", nrow(check)), coxw_run$seconds, fit_seconds(coxw), "Pnen/plain", 2, "<="),
  list("counting-process Cox", coxcp_run$seconds, fit_seconds(coxcp), "Pnen/plain", 2, "<="),
  list("cox.zph (fit + zph)", cox_run$seconds + zph_run$seconds, fit_seconds(zph), "Pnen/plain", 2, "<="),
  list("logistic PS (pnen ps)", ps_run$seconds, fit_seconds(ps), "Pnen/plain", 2, "<="),
  list("KM peak memory / input", NA, peak_of("km"), "x input", 2, "<="),
  list("log-rank peak memory / input", NA, peak_of("logrank"), "x input", 2, "<=")
)
cat(sprintf("\n%s: %d rows, %.0f MB; load average at the start of R's part: %s\n\n", basename(csv), nrow(d), file.size(csv) / 1e6, load_average))
cat(sprintf("| %-30s | %8s | %8s | %-10s | %8s | %8s | %-4s |\n", "target", "R s", "Pnen", "measure", "value", "goal", ""))
cat(sprintf("| %-30s | %8s | %8s | %-10s | %8s | %8s | %-4s |\n", strrep("-", 30), "---", "---", "---", "---", "---", "---"))
for (r in rows) {
  rs <- r[[2]]; pn <- r[[3]]; measure <- r[[4]]; goal <- r[[5]]; op <- r[[6]]
  value <- switch(measure, "R/Pnen" = rs / pn, "Pnen/plain" = pn / plain, pn)
  pass <- switch(op, ">=" = value >= goal, "<=" = value <= goal, "<" = value < goal)
  cat(sprintf("| %-30s | %8s | %8s | %-10s | %8s | %8s | %-4s |\n", r[[1]],
              if (is.na(rs)) "-" else sprintf("%.3f", rs), if (measure == "x input") "-" else sprintf("%.3f", pn),
              measure, sprintf("%.2f", value), paste(op, goal), if (isTRUE(pass)) "PASS" else "MISS"))
}
cat(sprintf("\nPnen seconds: fresh `pnen` processes (%s, --timing), best of %d; plain Cox fitMs %.3f s (fit + concordance).\n", build, reps, plain))
cat(sprintf("Warm harness (one process, code already compiled): load 14 columns %.3f s, cox fit %.3f s, km %.3f s, logrank %.3f s.\n",
            warm$loadMs / 1000, warm$coxMs / 1000, warm$kmMs / 1000, warm$logrankMs / 1000))
cat("Largest relative difference R vs Pnen:", paste(sprintf("%s %.1e", names(worst), unlist(worst)), collapse = "; "), "\n")
if (length(failures) > 0) {
  cat("DISAGREEMENT:\n", paste0("  ", failures, "\n"), sep = "")
  quit(status = 1)
}
cat("R and Pnen agree (estimates and statistics to 1e-6 relative, p-values to 1e-5).\n")
