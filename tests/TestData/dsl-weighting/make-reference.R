# Reference values of the study DSL's propensity-score weighting, adjusted curves and E-values (Pnen hb):
#   Rscript make-reference.R     (run in this folder; writes dsl-weighting-reference.json)
# R 4.2.2, survival 3.5-3, nnet 7.3-18. The plans are tests/Pnen.Dsl.Tests/Study/WeightingStudies.cs:
#   LungWeightingStudy: ../lung.csv, exposure sex (male reference), the plan stratified by ECOG 0-1 vs 2-3;
#     ATT (focal female) of age, ph.karno and weight loss <= 10 lb, truncated at the 0.05 and 0.9 quantiles;
#     the model "Adjusted" (sex + age per 10 + ph.karno, Breslow ties) and curves standardised from it
#     (ECOG entered as a covariate), S at 180 and 365 days, RMST to 365, 20 bootstrap replicates, seed 11;
#     the subgroup "Older" (age >= 65).
#   SurgeryWeightingStudy: ../weighting/pnen-synthetic.csv without unknown grade, exposure surgery (NR, PR,
#     PHR; NR reference); stabilised ATE of age, sex, grade and HM diameter truncated at 0.01 and 0.99 (a
#     multinomial model); the model "Adjusted" (surgery + age + sex + grade, Efron); curves standardised on
#     age, sex and grade, S at 12, 36, 60 months, RMST to 60, 20 replicates, seed 7; the subgroup "Body/tail".
#   SurgeryAttStudy: the same cohort, ATT of age, sex and grade with PHR the focal level.
# Nothing here uses WeightIt, cobalt or EValue (not installed): their conventions are written out by hand.
# The multinomial model is fitted to its maximum by Newton-Raphson below (nnet's BFGS stops short of it;
# its estimate is printed beside for the record), the logistic one by glm with epsilon 1e-14.
library(survival)
library(nnet)
library(jsonlite)
options(digits = 17)

# ---- propensity models, weights, balance ------------------------------------------------------
# The maximum-likelihood multinomial logit (reference level first): Newton-Raphson from 0 on the
# log-likelihood, whose Hessian blocks are -X' diag(P_j (d_jk - P_k)) X. Returns the fitted probabilities.
multinomial_probabilities <- function(X, y, K) {
  p <- ncol(X); B <- matrix(0, p, K - 1); Y <- outer(y, seq_len(K), "==") * 1
  for (it in 1:200) {
    eta <- cbind(0, X %*% B); P <- exp(eta - apply(eta, 1, max)); P <- P / rowSums(P)
    g <- as.vector(t(X) %*% (Y[, -1, drop = FALSE] - P[, -1, drop = FALSE]))
    H <- matrix(0, p * (K - 1), p * (K - 1))
    for (j in 1:(K - 1)) for (k in 1:(K - 1)) {
      w <- P[, j + 1] * ((j == k) - P[, k + 1])
      H[(j - 1) * p + 1:p, (k - 1) * p + 1:p] <- t(X) %*% (X * w)
    }
    step <- solve(H, g); B <- B + matrix(step, p, K - 1)
    if (max(abs(step)) < 1e-13) break
  }
  eta <- cbind(0, X %*% B); P <- exp(eta - apply(eta, 1, max)); P / rowSums(P)
}
# P(level | x) of every analysed row, a column per treatment level.
propensity <- function(d, treat, covariates) {
  f <- as.formula(paste("~", paste(covariates, collapse = " + ")))
  X <- model.matrix(f, d)
  K <- nlevels(treat)
  if (K == 2) {
    fit <- glm(treat ~ X - 1, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
    P <- cbind(1 - fitted(fit), fitted(fit))
  } else {
    P <- multinomial_probabilities(X, as.integer(treat), K)
    check <- multinom(as.formula(paste("treat ~", paste(covariates, collapse = " + "))), data = cbind(d, treat = treat), trace = FALSE, reltol = 1e-14, maxit = 1000)
    cat(sprintf("multinom vs Newton, largest difference in fitted probabilities: %.3g\n", max(abs(fitted(check) - P))))
  }
  colnames(P) <- levels(treat); P
}
# WeightIt's get_w_from_ps: ATE 1/P(received); ATT P(focal)/P(received) (1 for the focal patients);
# stabilised by the share of the level received; truncated at type-7 quantiles (lo, hi) of the weights
# (for the ATT of the non-focal weights, the focal ones left at 1).
weights_of <- function(P, treat, estimand, focal = NULL, stabilize = FALSE, truncate = NULL) {
  received <- P[cbind(seq_along(treat), as.integer(treat))]
  w <- if (estimand == "ate") 1 / received else P[, focal] / received
  if (stabilize) w <- w * as.numeric(table(treat)[as.character(treat)]) / length(treat)
  bounds <- NULL
  if (!is.null(truncate)) {
    use <- if (estimand == "att") as.character(treat) != focal else rep(TRUE, length(w))
    bounds <- quantile(w[use], truncate, type = 7, names = FALSE)
    w[use] <- pmin(pmax(w[use], bounds[1]), bounds[2])
  }
  list(w = w, bounds = bounds)
}
# cobalt's col_w_smd with s.d.denom = "pooled": the (weighted) difference in means over the square root of the
# mean over ALL arms of the UNWEIGHTED variances (p(1 - p) for an indicator or a two-valued number, var() else);
# a difference under sqrt(eps) is 0. One row per number and per level of a factor, per non-reference arm.
balance <- function(d, covariates, treat, w) {
  zero <- function(x) abs(x) < sqrt(.Machine$double.eps)
  wmean <- function(x, w) sum(x * w) / sum(w)
  levs <- levels(treat); ref <- levs[1]; rows <- list()
  add <- function(name, level, x, binary) {
    gv <- function(v) if (binary) { lo <- min(x); span <- max(x) - lo; q <- mean((v - lo) / span); span^2 * q * (1 - q) } else var(v)
    denom <- sqrt(mean(sapply(levs, function(l) gv(x[treat == l]))))
    for (l in levs[-1]) {
      b <- mean(x[treat == l]) - mean(x[treat == ref]); a <- wmean(x[treat == l], w[treat == l]) - wmean(x[treat == ref], w[treat == ref])
      rows[[length(rows) + 1]] <<- list(variable = name, level = level, treatment = l,
        before = if (zero(b)) 0 else b / denom, after = if (zero(a)) 0 else a / denom,
        meanAfter = wmean(x[treat == l], w[treat == l]), referenceMeanAfter = wmean(x[treat == ref], w[treat == ref]))
    }
  }
  for (v in names(covariates)) {
    x <- d[[covariates[[v]]]]
    if (is.factor(x)) for (l in levels(x)) add(v, l, as.numeric(x == l), TRUE) else add(v, NA, x, length(unique(x)) == 2)
  }
  rows
}
arms <- function(w, treat) lapply(levels(treat), function(l) {
  x <- w[treat == l]; q <- quantile(x, c(0, 0.25, 0.5, 0.75, 1), type = 7, names = FALSE)
  list(level = l, n = length(x), sum = sum(x), ess = sum(x)^2 / sum(x^2), min = q[1], q1 = q[2], median = q[3], q3 = q[4], max = q[5])
})

# ---- E-values (VanderWeele & Ding 2017; VanderWeele 2020 for a common outcome) ---------------------------
evalue <- function(rr) { if (rr < 1) rr <- 1 / rr; rr + sqrt(rr * (rr - 1)) }
to_rr <- function(hr, common) if (common) (1 - 0.5^sqrt(hr)) / (1 - 0.5^sqrt(1 / hr)) else hr
evalues <- function(hr, lower, upper, common) {
  rr <- to_rr(hr, common); lo <- to_rr(lower, common); hi <- to_rr(upper, common)
  ci <- if (rr > 1) (if (lo < 1) 1 else evalue(lo)) else if (rr < 1) (if (hi > 1) 1 else evalue(hi)) else 1
  list(point = evalue(rr), ci = ci)
}
# Whether the outcome is common: the Kaplan-Meier proportion with the event at the last time above 15%.
common_outcome <- function(time, event) { km <- survfit(Surv(time, event) ~ 1); p <- 1 - km$surv[length(km$surv)]; list(proportion = p, common = p > 0.15) }
# A coxph's rows: HR, limits and P (robust ones when the fit is), E-values both ways.
cox_rows <- function(fit, common) {
  s <- summary(fit); cf <- s$coefficients; ci <- s$conf.int
  lapply(setNames(rownames(cf), rownames(cf)), function(t) {
    hr <- unname(ci[t, "exp(coef)"]); lo <- unname(ci[t, "lower .95"]); hi <- unname(ci[t, "upper .95"])
    list(hr = hr, lower = lo, upper = hi, p = unname(cf[t, ncol(cf)]), se = unname(cf[t, if ("robust se" %in% colnames(cf)) "robust se" else "se(coef)"]),
         rare = evalues(hr, lo, hi, FALSE), common = evalues(hr, lo, hi, TRUE), chosen = evalues(hr, lo, hi, common))
  })
}
km_at <- function(fit, times) {
  s <- summary(fit, times = times, extend = TRUE)
  strata <- sub("^[^=]*=", "", as.character(s$strata))
  lapply(setNames(unique(strata), unique(strata)), function(l) list(surv = s$surv[strata == l], lower = s$lower[strata == l], upper = s$upper[strata == l]))
}

# One weighting: model, weights, balance, arms, weighted KM and weighted Cox (with the plan's strata).
weighting_case <- function(d, treat_name, covariates, estimand, focal = NULL, stabilize = FALSE, truncate = NULL, times, strata = NULL) {
  vars <- unname(unlist(covariates))
  cc <- d[complete.cases(d[, c(treat_name, vars)]), ]
  treat <- cc[[treat_name]]
  P <- propensity(cc, treat, vars)
  wt <- weights_of(P, treat, estimand, focal, stabilize, truncate)
  cc$w <- wt$w
  km <- survfit(Surv(time, event) ~ treat, data = cbind(cc, treat = treat), weights = w)
  f <- if (is.null(strata)) Surv(time, event) ~ treat else as.formula(sprintf("Surv(time, event) ~ treat + strata(%s)", strata))
  cox <- coxph(f, data = cbind(cc, treat = treat), weights = w, robust = TRUE)
  list(n = nrow(cc), dropped = nrow(d) - nrow(cc), weights = list(sum = sum(wt$w), min = min(wt$w), max = max(wt$w)),
       bounds = if (is.null(wt$bounds)) NULL else wt$bounds, arms = arms(wt$w, treat), balance = balance(cc, covariates, treat, wt$w),
       km = km_at(km, times),
       cox = list(n = cox$n, events = cox$nevent, rows = cox_rows(cox, common_outcome(d$time, d$event)$common),
                  naive_se = I(unname(sqrt(diag(cox$naive.var)))), rscore = list(chisq = as.numeric(cox$rscore), df = length(coef(cox)),
                  p = pchisq(as.numeric(cox$rscore), length(coef(cox)), lower.tail = FALSE))),
       outcome = common_outcome(d$time, d$event))
}

# Direct standardisation (as ../weighting/make-reference.R): survfit.coxph(fit, newdata = the cohort with the
# exposure set to a level), averaged with rowMeans; S at the times and the area to tau; the bootstrap as
# set.seed(seed) then sample(n, replace = TRUE) per replicate, percentile limits quantile(type = 7).
step_at <- function(time, surv, t) sapply(t, function(x) { i <- which(time <= x); if (length(i) == 0) 1 else surv[max(i)] })
area_to <- function(time, surv, tau) { keep <- time < tau; knots <- c(0, time[keep]); vals <- c(1, surv[keep]); sum(vals * diff(c(knots, tau))) }
std_curves <- function(d, f, ties, times, tau) {
  fit <- coxph(f, data = d, ties = ties, x = TRUE, model = TRUE)
  levs <- levels(d$treat)
  lapply(levs, function(l) {
    nd <- d; nd$treat <- factor(l, levels = levs)
    sf <- survfit(fit, newdata = nd); s <- rowMeans(sf$surv)
    list(level = l, at = step_at(sf$time, s, times), rmst = area_to(sf$time, s, tau))
  })
}
effects <- function(curves) unlist(lapply(curves[-1], function(cv) c(cv$at - curves[[1]]$at, cv$rmst - curves[[1]]$rmst)))
std_case <- function(d, treat_name, covariates, ties, times, tau, bootstrap, seed) {
  d <- d[complete.cases(d[, c(treat_name, covariates)]), ]
  d$treat <- d[[treat_name]]
  f <- as.formula(sprintf("Surv(time, event) ~ treat + %s", paste(covariates, collapse = " + ")))
  curves <- std_curves(d, f, ties, times, tau)
  set.seed(seed)
  reps <- t(sapply(seq_len(bootstrap), function(b) effects(std_curves(d[sample(nrow(d), replace = TRUE), ], f, ties, times, tau))))
  list(n = nrow(d), curves = lapply(curves, function(cv) list(level = cv$level, at = cv$at, rmst = cv$rmst)),
       effects = effects(curves), lower = apply(reps, 2, quantile, 0.025, type = 7, names = FALSE),
       upper = apply(reps, 2, quantile, 0.975, type = 7, names = FALSE), se = apply(reps, 2, sd))
}

# ---- the lung study ------------------------------------------------------------------------------------
lung <- read.csv("../lung.csv")
lung$sex <- factor(ifelse(lung$sex == 1, "Male", "Female"), levels = c("Male", "Female"))
lung$ecog <- factor(ifelse(lung$ph.ecog <= 1, "0-1", "2-3"), levels = c("0-1", "2-3"))
lung$wtloss <- factor(ifelse(lung$wt.loss <= 10, "<=10 lb", ">10 lb"), levels = c("<=10 lb", ">10 lb"))
lung_cov <- list(Age = "age", PhKarno = "ph.karno", WtLoss = "wtloss")
lung_weighting <- function(d) weighting_case(d, "sex", lung_cov, "att", focal = "Female", truncate = c(0.05, 0.9), times = c(180, 365), strata = "ecog")
older <- lung[lung$age >= 65, ]
adjusted <- coxph(Surv(time, event) ~ sex + I(age / 10) + ph.karno + strata(ecog), data = lung, ties = "breslow")
lung_out <- list(
  weighting = lung_weighting(lung),
  older = lung_weighting(older),
  adjusted = cox_rows(adjusted, common_outcome(lung$time, lung$event)$common),
  curves = std_case(lung, "sex", c("age", "ph.karno", "ecog"), "breslow", c(180, 365), 365, 20, 11))

# ---- the synthetic surgery studies -----------------------------------------------------------------------
syn <- read.csv("../weighting/pnen-synthetic.csv", na.strings = c("", "NA"))
syn <- syn[!is.na(syn$grade), ]
syn$time <- syn$os_months; syn$event <- syn$died
syn$surgery <- factor(syn$surgery, levels = c("NR", "PR", "PHR"))
syn$sex <- factor(syn$sex, levels = c("Male", "Female"))
syn$grade <- factor(syn$grade, levels = c("G1", "G2", "G3", "NEC"))
syn_cov <- list(Age = "age", Sex = "sex", Grade = "grade", HmDiameter = "hm_diameter_mm")
syn_weighting <- function(d) weighting_case(d, "surgery", syn_cov, "ate", stabilize = TRUE, truncate = c(0.01, 0.99), times = c(12, 36, 60))
syn_adjusted <- coxph(Surv(time, event) ~ surgery + age + sex + grade, data = syn)
att <- weighting_case(syn, "surgery", list(Age = "age", Sex = "sex", Grade = "grade"), "att", focal = "PHR", times = c(12, 36, 60))
syn_out <- list(
  weighting = syn_weighting(syn),
  bodytail = syn_weighting(syn[syn$location == "BodyTail", ]),
  adjusted = cox_rows(syn_adjusted, common_outcome(syn$time, syn$event)$common),
  curves = std_case(syn, "surgery", c("age", "sex", "grade"), "efron", c(12, 36, 60), 60, 20, 7),
  att = att[c("n", "arms", "balance")])

versions <- list(R = R.version.string, survival = as.character(packageVersion("survival")), nnet = as.character(packageVersion("nnet")))
out <- list(provenance = list(generated_by = "tests/TestData/dsl-weighting/make-reference.R", versions = versions,
  data = c("tests/TestData/lung.csv", "tests/TestData/weighting/pnen-synthetic.csv")),
  lung = lung_out, synthetic = syn_out)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE), "dsl-weighting-reference.json")
