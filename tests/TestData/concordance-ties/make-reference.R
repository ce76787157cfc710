# Harrell's concordance with ties in time and in the predictor at the edges, for the unit-weight
# counter of Pnen's ConcordanceCounter (a bit per row in 64-row words): 192 rows (three whole
# words; strata of 64 and 128 rows), times 1..12 with events and censorings tied at the shortest
# and the longest time, a predictor of six values whose runs of ties cross the word boundaries,
# and Cox models whose linear predictor takes few values (g, b) with and without strata.
# R 4.2.2, survival 3.5-3. Run in this folder: Rscript make-reference.R
library(survival)
library(jsonlite)

set.seed(20261203)
n <- 192
time <- c(rep(1, 16), sample(2:11, n - 32, replace = TRUE), rep(12, 16))
status <- rbinom(n, 1, 0.6)
status[c(1:8, n - 7:0)] <- c(1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1)
x <- sample(0:5, n, replace = TRUE)
x[c(1:6, n - 5:0)] <- c(0, 0, 5, 5, 0, 5, 5, 0, 0, 5, 5, 0) # both extreme values at both extreme times
d <- data.frame(time = time, status = status, x = x,
                g = sample(c("a", "b", "c"), n, replace = TRUE), b = rbinom(n, 1, 0.5),
                s = rep(c("s1", "s2"), c(64, 128)))
d <- d[sample(n), ] # rows not in time order
write.csv(d, "ties.csv", row.names = FALSE, quote = FALSE)

counts <- function(fit) {
  count <- if (is.matrix(fit$count)) colSums(fit$count) else fit$count
  list(concordant = unname(count["concordant"]), discordant = unname(count["discordant"]),
       tied_x = unname(count["tied.x"]), tied_y = unname(count["tied.y"]), tied_xy = unname(count["tied.xy"]))
}
direct <- function(name, formula, reverse) {
  fit <- concordance(formula, data = d, reverse = reverse)
  c(list(name = name, kind = "direct", strata = grepl("strata", deparse(formula)), reverse = reverse,
         c = fit$concordance, se = sqrt(fit$var)), counts(fit))
}
cox <- function(name, formula, strata) {
  fit <- coxph(formula, data = d)
  conc <- concordancefit(Surv(d$time, d$status), fit$linear.predictors, if (strata) d$s else NULL, reverse = TRUE, timefix = FALSE)
  c(list(name = name, kind = "cox", strata = strata, reverse = TRUE,
         c = unname(fit$concordance["concordance"]), se = unname(fit$concordance["std"])), counts(conc))
}
cases <- list(
  direct("x", Surv(time, status) ~ x, FALSE),
  direct("x reverse strata", Surv(time, status) ~ x + strata(s), TRUE),
  cox("cox g + b", Surv(time, status) ~ g + b, FALSE),
  cox("cox g + b strata", Surv(time, status) ~ g + b + strata(s), TRUE))
out <- list(provenance = sprintf("%s, survival %s; written by make-reference.R in this folder", R.version.string, packageVersion("survival")),
            data = "concordance-ties/ties.csv", cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "concordance-ties.json")
