# Reference values for the report time unit (ReportTimeUnitTests, tests/Pnen.Dsl.Tests): R 4.2.2, survival 3.5-3.
#   cd tests/TestData/report-units && Rscript lung-years.R ../lung.csv > lung-years.expected.json
# The plan: NCCTG lung, times recorded in days and reported in years (time / 365.25, as survminer's
# xscale = "d_y"); exposure sex (male reference); survival at 0.5, 1 and 2 years; restricted mean to
# 2 years; the crude Cox model (Efron). The same fit on days gives the hazard ratio too: the unit
# does not change it. Also, the same plan with the data read in months (time / (365.25 / 12))
# reported in weeks (x 30.4375 / 7), for the other factors.
library(survival)
library(jsonlite)
args <- commandArgs(trailingOnly = TRUE)
lung <- read.csv(args[1])
lung <- subset(lung, !is.na(inst))
lung$sex <- factor(ifelse(lung$sex == 1, "Male", "Female"), levels = c("Male", "Female"))
num <- function(x) ifelse(is.finite(x), x, NA)

fit_in <- function(time) {
  d <- lung
  d$t <- time
  fit <- survfit(Surv(t, event) ~ sex, data = d)
  tab <- summary(fit, rmean = 2 * 365.25 * attr(time, "perday"))$table
  at <- summary(fit, times = c(0.5, 1, 2) * 365.25 * attr(time, "perday"), extend = FALSE)
  reverse <- survfit(Surv(t, 1 - event) ~ 1, data = d)
  overall <- survfit(Surv(t, event) ~ 1, data = d)
  levels <- lapply(seq_len(nrow(tab)), function(i) {
    strata <- rownames(tab)[i]
    rows <- at$strata == strata
    list(level = sub("^sex=", "", strata),
         median = num(tab[i, "median"]), lower = num(tab[i, "0.95LCL"]), upper = num(tab[i, "0.95UCL"]),
         rmean = unname(tab[i, "rmean"]), rmean_se = unname(tab[i, "se(rmean)"]),
         times = at$time[rows], survival = at$surv[rows], survival_lower = at$lower[rows], survival_upper = at$upper[rows])
  })
  list(levels = levels,
       median = num(unname(summary(overall)$table["median"])),
       follow_up = num(unname(summary(reverse)$table["median"])),
       max_time = max(d$t))
}
days <- lung$time
years <- days / 365.25; attr(years, "perday") <- 1 / 365.25
weeks <- (days / (365.25 / 12)) * (365.25 / 12) / 7; attr(weeks, "perday") <- 1 / 7

cox_days <- coxph(Surv(time, event) ~ sex, data = lung, ties = "efron")
cox_years <- coxph(Surv(time / 365.25, event) ~ sex, data = lung, ties = "efron")
out <- list(
  provenance = "lung-years.R, R 4.2.2, survival 3.5-3, on tests/TestData/lung.csv without unknown institution",
  years = fit_in(years),
  weeks_from_months = fit_in(weeks),
  hr = unname(exp(coef(cox_years))), hr_days = unname(exp(coef(cox_days))),
  hr_p = unname(summary(cox_years)$coefficients[1, "Pr(>|z|)"]))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE))
