# Expected values of LungStudyTests, computed independently with R 4.2.2 and survival 3.5-3:
#   Rscript lung-study.R ../../TestData/lung.csv > lung-study.expected.json
# The plan: exclude unknown institution; exposure sex (male reference); characteristics age < 65,
# ECOG <= 1, weight loss <= 10 lb; univariate log-rank; multivariable Cox (Efron) with the
# characteristics of univariate P <= 0.15; subgroup "Older" (age >= 65, missing ECOG excluded first);
# within women, the ECOG effect (reference 0-1).
library(survival)
library(jsonlite)
args <- commandArgs(trailingOnly = TRUE)
lung <- read.csv(args[1])
num <- function(x) ifelse(is.finite(x), x, NA)

cohort <- subset(lung, !is.na(inst))
prepare <- function(d) {
  d$sex <- factor(ifelse(d$sex == 1, "Male", "Female"), levels = c("Male", "Female"))
  d$agegroup <- factor(ifelse(d$age < 65, "<65", ">=65"), levels = c("<65", ">=65"))
  d$ecog <- factor(ifelse(d$ph.ecog <= 1, "0-1", "2-3"), levels = c("0-1", "2-3"))
  d$wtloss <- factor(ifelse(d$wt.loss <= 10, "<=10 lb", ">10 lb"), levels = c("<=10 lb", ">10 lb"))
  d
}
km_levels <- function(d, var) {
  d[[var]] <- droplevels(d[[var]])
  fit <- survfit(as.formula(sprintf("Surv(time, event) ~ %s", var)), data = d)
  tab <- summary(fit)$table
  q <- quantile(fit, c(.25, .75))$quantile
  if (is.null(dim(tab))) {  # one level only: survfit returns a vector
    tab <- t(as.matrix(tab)); rownames(tab) <- paste0(var, "=", levels(d[[var]])); q <- t(as.matrix(q))
  }
  lapply(seq_len(nrow(tab)), function(i) list(level = sub("^[^=]*=", "", rownames(tab)[i]), n = unname(tab[i, "n.start"]),
    events = unname(tab[i, "events"]), median = num(unname(tab[i, "median"])), q25 = num(unname(q[i, 1])), q75 = num(unname(q[i, 2]))))
}
logrank_p <- function(d, var) {
  if (length(unique(na.omit(d[[var]]))) < 2) return(NA)  # constant here: not tested
  t <- survdiff(as.formula(sprintf("Surv(time, event) ~ %s", var)), data = d)
  pchisq(t$chisq, sum(t$exp > 0) - 1, lower.tail = FALSE)
}
analyse <- function(d) {
  d <- prepare(d)
  chars <- c(agegroup = "Age group", ecog = "ECOG", wtloss = "Weight loss")
  uni <- lapply(names(chars), function(v) list(characteristic = chars[[v]], p = logrank_p(d, v), levels = km_levels(d, v),
                                               missing = sum(is.na(d[[v]]))))
  chosen <- names(chars)[sapply(uni, function(u) !is.na(u$p) && u$p <= 0.15)]
  f <- coxph(as.formula(paste("Surv(time, event) ~", paste(c("sex", chosen), collapse = " + "))), data = d)
  cf <- summary(f)$coefficients; ci <- summary(f)$conf.int
  terms <- lapply(rownames(cf), function(tn) list(term = tn, hr = unname(ci[tn, "exp(coef)"]), lower = unname(ci[tn, "lower .95"]),
                                                  upper = unname(ci[tn, "upper .95"]), p = unname(cf[tn, "Pr(>|z|)"])))
  rev <- survfit(Surv(time, 1 - event) ~ 1, data = d)
  list(n = nrow(d), events = sum(d$event), median_follow_up = unname(summary(rev)$table["median"]),
       exposure_logrank_p = logrank_p(d, "sex"), exposure_levels = km_levels(d, "sex"),
       univariate = uni, selected = unname(chars[chosen]), model_n = f$n, model_terms = terms)
}
older_all <- subset(cohort, age >= 65)
older <- subset(cohort, !is.na(ph.ecog) & age >= 65)
women <- prepare(subset(cohort, sex == 2))
wf <- coxph(Surv(time, event) ~ ecog, data = women)
out <- list(
  provenance = sprintf("%s, survival %s: lung-study.R", R.version.string, packageVersion("survival")),
  recruited = nrow(lung), after_exclusion = nrow(cohort),
  cohort = analyse(cohort),
  older = c(list(missing_ecog_excluded = sum(is.na(cohort$ph.ecog)), not_selected = sum(!is.na(cohort$ph.ecog)) - nrow(older)), analyse(older)),
  women_ecog = list(n = nrow(women), hr = unname(exp(coef(wf))), lower = unname(exp(confint(wf))[1]), upper = unname(exp(confint(wf))[2]),
                    p = unname(summary(wf)$coefficients[1, "Pr(>|z|)"]), logrank_p = logrank_p(women, "ecog"))
)
cat(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE))
