# Reference values for propensity models, weights, balance and direct standardisation (Pnen h3).
#   Rscript make-reference.R     (run in this folder; writes the CSV files and weighting-reference.json)
# R 4.2.2, survival 3.5-3, nnet 7.3-18. Nothing here needs cobalt, WeightIt or EValue: their
# conventions are written out by hand below, each with where it comes from.
library(survival)
library(nnet)
library(jsonlite)
options(digits = 17)

write_csv <- function(df, name) { write.csv(df, name, row.names = FALSE, na = ""); name }
num <- function(x) ifelse(is.finite(x), x, NA)

# ---- data -------------------------------------------------------------------------------------
lung <- read.csv("../lung.csv")
vet <- read.csv("../veteran.csv")
syn <- read.csv("../../../examples/PnenSurgery/Data/pnen-shm-synthetic.csv", na.strings = c("", "NA"))
syn <- syn[, c("id", "sex", "age", "location", "hm_diameter_mm", "grade", "surgery", "os_months", "died")]
# Separation: x > 0 exactly when treated (complete separation); z is an ordinary covariate.
set.seed(20261201)
sep <- data.frame(arm = rep(c("control", "treated"), each = 20), z = round(rnorm(40), 2))
sep$x <- ifelse(sep$arm == "treated", 1, -1) * round(runif(40, 0.1, 2), 2)
# Quasi-separation: level "b" of the categorical g occurs only in the treated arm.
sep$g <- ifelse(seq_len(40) %% 4 == 0, "a", "c")
sep$g[sep$arm == "treated"][1:3] <- "b"
files <- c(write_csv(syn, "pnen-synthetic.csv"), write_csv(sep, "separation.csv"))

# ---- propensity models -----------------------------------------------------------------------
# The treatment is a factor whose first level is the reference; glm models P(second level).
coef_rows <- function(names, coef, se, level) {
  lapply(seq_along(names), function(i) list(level = level, term = names[i], coef = unname(coef[i]), se = unname(se[i])))
}

# cobalt's col_w_smd with s.d.denom = "pooled" (cobalt 4.x/5.0 R/balance-summary.R, R/utils.R col.w.v,
# R/functions_for_processing.R .compute_s.d.denom; multi-category: R/class-bal.tab.multi.R, one
# denominator over all treatment groups): numerator the (weighted) mean difference, level vs reference;
# denominator sqrt(mean over ALL treatment groups of the UNWEIGHTED variance), where the variance of
# a binary column (an indicator, or a numeric column with two values) is p(1 - p) with p its group
# mean (on the 0/1 scale), and of any other column the sample variance (n - 1).
# A difference below sqrt(eps) is 0 and not divided (cobalt's check_if_zero, R/utils.R).
zero <- function(x) abs(x) < sqrt(.Machine$double.eps)
wmean <- function(x, w) sum(x * w) / sum(w)
# x is the group's values; lo and span those of the whole column (its two values).
group_var <- function(x, binary, lo, span) {
  if (binary) { p <- mean((x - lo) / span); span^2 * p * (1 - p) } else var(x)
}
smd_rows <- function(cols, binary, treat, ref, w) {
  levs <- levels(treat)
  rows <- list()
  for (name in names(cols)) {
    x <- cols[[name]]
    denom <- sqrt(mean(sapply(levs, function(l) group_var(x[treat == l], binary[[name]], min(x), max(x) - min(x)))))
    for (l in setdiff(levs, ref)) {
      before <- mean(x[treat == l]) - mean(x[treat == ref])
      after <- wmean(x[treat == l], w[treat == l]) - wmean(x[treat == ref], w[treat == ref])
      rows[[length(rows) + 1]] <- list(column = name, treatment_level = l,
        smd_before = if (zero(before)) 0 else num(before / denom), smd_after = if (zero(after)) 0 else num(after / denom))
    }
  }
  rows
}
# Balance columns: a numeric covariate as it is; a categorical one as one indicator per level.
balance_columns <- function(d, covariates) {
  cols <- list(); binary <- list(); key <- list()
  for (v in covariates) {
    x <- d[[v]]
    if (is.factor(x) || is.character(x)) {
      for (l in levels(factor(x))) {
        nm <- paste0(v, "=", l); cols[[nm]] <- as.numeric(x == l); binary[[nm]] <- TRUE; key[[nm]] <- list(variable = v, level = l)
      }
    } else {
      cols[[v]] <- x; binary[[v]] <- length(unique(x)) == 2; key[[v]] <- list(variable = v, level = NA)
    }
  }
  list(cols = cols, binary = binary, key = key)
}
kish <- function(w) sum(w)^2 / sum(w^2)
# Type-7 quantiles of the weights at Q and 1 - Q, weights capped there (winsorised). For the ATT the
# focal group's weights (all 1) are left out of the quantiles and left alone, as WeightIt's trim() does
# for a group whose weights are all the same (WeightIt uses type 3; Pnen uses R's default type 7).
truncate_w <- function(w, treat, q, focal = NULL) {
  use <- if (is.null(focal)) rep(TRUE, length(w)) else treat != focal
  b <- quantile(w[use], c(min(q, 1 - q), max(q, 1 - q)), type = 7, names = FALSE)
  w[use] <- pmin(pmax(w[use], b[1]), b[2]); list(w = w, bounds = b)
}
weight_case <- function(name, ps_matrix, treat, ref, estimand, stabilize = FALSE, truncate = NA, focal = NULL, bal) {
  levs <- levels(treat)
  received <- ps_matrix[cbind(seq_along(treat), match(as.character(treat), levs))]
  w <- 1 / received
  if (estimand == "att") { w <- ps_matrix[, focal] / received }
  if (stabilize) { marg <- as.numeric(table(treat)[as.character(treat)]) / length(treat); w <- w * marg }
  bounds <- NULL
  if (!is.na(truncate)) { t <- truncate_w(w, treat, truncate, if (estimand == "att") focal else NULL); w <- t$w; bounds <- t$bounds }
  smd <- smd_rows(bal$cols, bal$binary, treat, ref, w)
  for (i in seq_along(smd)) { k <- bal$key[[smd[[i]]$column]]; smd[[i]]$variable <- k$variable; smd[[i]]$level <- k$level }
  list(name = name, estimand = estimand, stabilize = stabilize, truncate = truncate, focal = if (is.null(focal)) NA else focal,
       weights = w, sum = sum(w), min = min(w), max = max(w), mean = mean(w),
       bounds = if (is.null(bounds)) NA else bounds,
       ess = lapply(levs, function(l) list(level = l, n = sum(treat == l), ess = kish(w[treat == l]))),
       balance = smd)
}

ps_case <- function(name, file, d_all, treatment, covariates, categorical = character(0), ref = NULL, weightings) {
  d <- d_all[, c(treatment, covariates)]
  keep <- complete.cases(d)
  d <- d[keep, , drop = FALSE]
  for (v in categorical) d[[v]] <- factor(as.character(d[[v]]))
  for (v in covariates) if (is.character(d[[v]])) d[[v]] <- factor(d[[v]])
  treat <- factor(as.character(d[[treatment]]))
  if (!is.null(ref)) treat <- relevel(treat, ref)
  ref <- levels(treat)[1]
  f <- as.formula(paste("treat ~", paste(covariates, collapse = " + ")))
  dd <- cbind(d, treat = treat)
  bal <- balance_columns(d, covariates)
  if (nlevels(treat) == 2) {
    fit <- suppressWarnings(glm(f, family = binomial, data = dd))
    s <- summary(fit)$coefficients
    coefs <- coef_rows(rownames(s), s[, 1], s[, 2], levels(treat)[2])
    ps <- cbind(1 - fitted(fit), fitted(fit)); colnames(ps) <- levels(treat)
    model <- list(kind = "logistic", iterations = fit$iter, deviance = fit$deviance, converged = fit$converged)
  } else {
    fit <- multinom(f, data = dd, reltol = 1e-14, maxit = 1000, Hess = TRUE, trace = FALSE)
    cf <- coef(fit); se <- summary(fit)$standard.errors
    coefs <- do.call(c, lapply(rownames(cf), function(l) coef_rows(colnames(cf), cf[l, ], se[l, ], l)))
    ps <- fitted(fit); if (is.null(dim(ps))) stop("multinom gave a vector")
    model <- list(kind = "multinomial", deviance = fit$deviance, converged = fit$convergence == 0, iterations = fit$iter)
  }
  list(name = name, kind = "ps", data = file, treatment = treatment, covariates = covariates, categorical = categorical,
       reference = ref, levels = levels(treat), n = nrow(d), dropped = sum(!keep), rows = which(keep),
       model = model, coefficients = coefs, ps = unname(ps),
       weightings = lapply(weightings, function(x) do.call(weight_case, c(list(ps_matrix = ps, treat = treat, ref = ref, bal = bal), x))))
}

lung_ps <- ps_case("lung-sex", "lung.csv", lung, "sex", c("age", "ph.ecog", "ph.karno", "pat.karno", "wt.loss"),
  weightings = list(list(name = "ate", estimand = "ate"), list(name = "ate-stabilized", estimand = "ate", stabilize = TRUE),
                    list(name = "att", estimand = "att", focal = "2"), list(name = "ate-truncated", estimand = "ate", truncate = 0.05),
                    list(name = "att-truncated", estimand = "att", focal = "2", truncate = 0.1)))
# ph.ecog as a factor: level 3 has a single record, so its coefficient runs off to -infinity (glm
# stops where its deviance criterion is met); the other coefficients are estimates.
lung_single <- ps_case("lung-sex-ecog-factor", "lung.csv", lung, "sex", c("age", "ph.ecog", "wt.loss"), categorical = "ph.ecog",
  weightings = list(list(name = "ate", estimand = "ate")))
syn_ps <- ps_case("synthetic-surgery", "weighting/pnen-synthetic.csv", syn, "surgery", c("age", "sex", "grade", "hm_diameter_mm"),
  weightings = list(list(name = "ate", estimand = "ate"), list(name = "ate-stabilized-truncated", estimand = "ate", stabilize = TRUE, truncate = 0.02),
                    list(name = "att-PHR", estimand = "att", focal = "PHR")))
# location "Diffused" (3 records, none of them PHR once rows with a missing value are left out):
# quasi-separation in the multinomial model, its PHR coefficient diverges.
syn_sep <- ps_case("synthetic-surgery-location", "weighting/pnen-synthetic.csv", syn, "surgery", c("age", "location"),
  weightings = list(list(name = "ate", estimand = "ate")))
vet_ps <- ps_case("veteran-celltype", "veteran.csv", vet, "celltype", c("age", "karno", "diagtime", "prior", "trt"), categorical = "trt",
  ref = "squamous", weightings = list(list(name = "ate", estimand = "ate")))
cases <- list(lung_ps, lung_single, syn_ps, syn_sep, vet_ps)

# Separation: glm's own warnings, and its (non-)estimates, recorded for the record only.
sep_warnings <- character(0)
sep_fit <- withCallingHandlers(glm(factor(arm) ~ x + z, family = binomial, data = sep), warning = function(w) { sep_warnings <<- c(sep_warnings, conditionMessage(w)); invokeRestart("muffleWarning") })
quasi_warnings <- character(0)
quasi_fit <- withCallingHandlers(glm(factor(arm) ~ g + z, family = binomial, data = sep), warning = function(w) { quasi_warnings <<- c(quasi_warnings, conditionMessage(w)); invokeRestart("muffleWarning") })
separation <- list(name = "separation", kind = "separation", data = "weighting/separation.csv",
  complete = list(warnings = sep_warnings, coef = as.list(coef(sep_fit)), iterations = sep_fit$iter,
                  max_fitted = max(fitted(sep_fit)), min_fitted = min(fitted(sep_fit))),
  quasi = list(warnings = quasi_warnings, coef = as.list(coef(quasi_fit)), iterations = quasi_fit$iter))

# ---- direct standardisation from a Cox model ---------------------------------------------------
# survfit.coxph(fit, newdata = cohort with the exposure set to a level): one predicted curve per
# patient (Breslow hazard for a breslow fit, Efron's for an efron fit: ctype 1 / 2), averaged over the
# cohort with rowMeans; S at chosen times (right-continuous steps) and the area under it up to tau.
step_at <- function(time, surv, t) sapply(t, function(x) { i <- which(time <= x); if (length(i) == 0) 1 else surv[max(i)] })
area_to <- function(time, surv, tau) {
  keep <- time < tau
  knots <- c(0, time[keep]); vals <- c(1, surv[keep])
  sum(vals * diff(c(knots, tau)))
}
std_curves <- function(d, f, exposure, ties, times, tau) {
  # x and model kept with the fit: otherwise survfit.coxph rebuilds the model matrix by evaluating
  # `d` where the formula was made, which for a bootstrap resample is the original data.
  fit <- coxph(f, data = d, ties = ties, x = TRUE, model = TRUE)
  levs <- levels(d[[exposure]])
  curves <- lapply(levs, function(l) {
    nd <- d; nd[[exposure]] <- factor(l, levels = levs)
    sf <- survfit(fit, newdata = nd)
    s <- rowMeans(sf$surv)
    list(level = l, time = sf$time, surv = s, at = step_at(sf$time, s, times), rmst = area_to(sf$time, s, tau))
  })
  list(fit = fit, curves = curves)
}
# The differences from the reference, level by level: S at each time, then the RMST.
std_effects <- function(curves) unlist(lapply(curves[-1], function(cv) c(cv$at - curves[[1]]$at, cv$rmst - curves[[1]]$rmst)))
std_case <- function(name, file, d, time, event, exposure, covariates, categorical = character(0), ties, times, tau, ref = NULL,
                     bootstrap = 0, seed = 1) {
  d <- d[complete.cases(d[, c(time, event, exposure, covariates)]), c(time, event, exposure, covariates)]
  for (v in c(exposure, categorical)) d[[v]] <- factor(as.character(d[[v]]))
  for (v in covariates) if (is.character(d[[v]])) d[[v]] <- factor(d[[v]])
  if (!is.null(ref)) d[[exposure]] <- relevel(d[[exposure]], ref)
  f <- as.formula(sprintf("Surv(%s, %s) ~ %s", time, event, paste(c(exposure, covariates), collapse = " + ")))
  est <- std_curves(d, f, exposure, ties, times, tau)
  fit <- est$fit; curves <- est$curves; levs <- levels(d[[exposure]])
  ref_curve <- curves[[1]]
  # Bootstrap: set.seed(seed), then per replicate sample(n, replace = TRUE) rows, the model refitted;
  # percentile limits as quantile(type = 7), standard error as sd().
  boot <- NULL
  if (bootstrap > 0) {
    set.seed(seed)
    reps <- t(sapply(seq_len(bootstrap), function(b) {
      idx <- sample(nrow(d), replace = TRUE)
      std_effects(std_curves(d[idx, ], f, exposure, ties, times, tau)$curves)
    }))
    boot <- list(replicates = bootstrap, seed = seed, level = 0.95, estimate = std_effects(curves),
                 se = apply(reps, 2, sd), lower = apply(reps, 2, quantile, 0.025, type = 7, names = FALSE),
                 upper = apply(reps, 2, quantile, 0.975, type = 7, names = FALSE))
  }
  list(name = name, kind = "standardised", data = file, time = time, event = event, exposure = exposure,
       covariates = covariates, categorical = categorical, ties = ties, reference = levs[1], n = nrow(d),
       coef = as.list(coef(fit)), times = times, tau = tau, curves = curves,
       differences = lapply(curves[-1], function(cv) list(level = cv$level, surv = cv$at - ref_curve$at, rmst = cv$rmst - ref_curve$rmst)),
       bootstrap = boot)
}
std <- list(
  std_case("lung-sex-efron", "lung.csv", lung, "time", "event", "sex", c("age", "ph.ecog"), categorical = "ph.ecog", ties = "efron",
           times = c(180, 365, 730), tau = 730, bootstrap = 25, seed = 20261203),
  std_case("lung-sex-breslow", "lung.csv", lung, "time", "event", "sex", c("age", "ph.ecog", "wt.loss"), categorical = "ph.ecog", ties = "breslow",
           times = c(90, 365.5, 1000), tau = 1022),
  std_case("synthetic-surgery-efron", "weighting/pnen-synthetic.csv", syn, "os_months", "died", "surgery", c("age", "grade"), ties = "efron",
           times = c(12, 36, 60), tau = 60, ref = "NR", bootstrap = 20, seed = 7))

versions <- list(R = R.version.string, survival = as.character(packageVersion("survival")), nnet = as.character(packageVersion("nnet")))
out <- list(provenance = list(generated_by = "tests/TestData/weighting/make-reference.R", versions = versions,
  note = "multinom fitted with reltol = 1e-14, maxit = 1000 so that its BFGS reaches the maximum likelihood; compare at 1e-4. glm and coxph to 1e-6."),
  files = files, cases = c(cases, list(separation), std))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = FALSE), "weighting-reference.json")
