# Reference values for the count (GROUP BY) entry points of the DuckDB engine (tests/TestData/duckdb).
# Run from this folder: Rscript make-reference.R  (R 4.2.2, survival 3.5-3, jsonlite).
# Writes patterns.csv (one row per (stratum, time, status, covariate pattern) with its count) and
# cox-counts.json: coxph on the rows the patterns stand for (Efron and Breslow), and coxph with
# weights = count on the patterns themselves (Efron), which differs where deaths are tied: R's
# Efron with case weights counts tied death rows, not the rows they stand for.
library(survival)
set.seed(20261203)
n <- 3000
rows <- data.frame(
  time = sample(1:25, n, replace = TRUE),
  arm = sample(c("A", "B", "C"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2)),
  sex = sample(c("F", "M"), n, replace = TRUE),
  grade = sample(c("1", "2", "3"), n, replace = TRUE),
  centre = sample(c("north", "south", "lone"), n, replace = TRUE, prob = c(0.6, 0.3999, 0.0001))
)
rows$centre[1] <- "lone"  # a stratum with one record
rows$centre[rows$centre == "lone"][-1] <- "south"
lp <- with(rows, 0.4 * (arm == "B") - 0.6 * (arm == "C") + 0.3 * (sex == "M") + 0.5 * (grade == "3"))
rows$status <- as.integer(runif(n) < plogis(-0.3 + lp))
patterns <- aggregate(list(count = rep(1L, n)), by = rows[c("centre", "time", "status", "arm", "sex", "grade")], FUN = sum)
patterns <- patterns[do.call(order, patterns[c("centre", "time", "status", "arm", "sex", "grade")]), ]
write.csv(patterns, "patterns.csv", row.names = FALSE)

expanded <- patterns[rep(seq_len(nrow(patterns)), patterns$count), ]
fit <- function(f, data, ties, weighted = FALSE) {
  m <- if (weighted) coxph(f, data = data, ties = ties, weights = count) else coxph(f, data = data, ties = ties)
  list(coef = unname(coef(m)), se = unname(sqrt(diag(m$var))), loglik = unname(m$loglik),
       score = unname(m$score), iter = m$iter, n = m$n, nevent = m$nevent)
}
f <- Surv(time, status) ~ arm + sex + grade + strata(centre)
out <- list(
  provenance = paste("R", getRversion(), "survival", packageVersion("survival"), "- make-reference.R, seed 20261203"),
  terms = c("arm B", "arm C", "sex M", "grade 2", "grade 3"),
  rows_efron = fit(f, expanded, "efron"),
  rows_breslow = fit(f, expanded, "breslow"),
  weighted_patterns_efron = fit(f, patterns, "efron", weighted = TRUE)
)
writeLines(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "cox-counts.json")
