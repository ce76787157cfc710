# Reference values for counting-process Cox and Kaplan-Meier, case weights, robust and cluster
# variances, time-dependent covariates (tmerge/tdc) and landmark analyses, produced with
# R 4.2.2 and survival 3.5-3:
#   Rscript make-reference.R     (run in this folder; writes the CSV files and r-reference-cox-core.json)
# Datasets ship with R's survival package (heart, myeloid, rats, colon, lung); the weights, the
# cluster codes and the synthetic edge cases are made below with a fixed seed.
library(survival)
library(jsonlite)
options(digits = 17, warn = 1)
stopifnot(packageVersion("survival") == "3.5.3")

write_csv <- function(df, name) {
  write.csv(df, name, row.names = FALSE, na = "")
  name
}
num <- function(x) ifelse(is.finite(x), x, NA)

# ---- data -------------------------------------------------------------------------------------
heart_csv <- heart
set.seed(20260617)
heart_csv$w <- round(runif(nrow(heart_csv), 0.25, 2.5), 2)          # positive, not whole numbers
myeloid_csv <- myeloid
myeloid_csv$sex <- as.character(myeloid_csv$sex)
myeloid_csv$trt <- as.character(myeloid_csv$trt)
myeloid_csv$transplanted <- as.integer(!is.na(myeloid_csv$txtime))   # ever/never: the immortal-time bias
rats_csv <- rats
colon_csv <- colon[, c("id", "rx", "sex", "age", "obstruct", "nodes", "extent", "node4", "time", "status", "etype")]
colon_csv$rx <- as.character(colon_csv$rx)
lung_csv <- lung[, c("inst", "time", "status", "age", "sex", "ph.ecog")]
lung_csv$event <- as.integer(lung_csv$status == 2)
lung_csv$status <- NULL
set.seed(20260618)
lung_csv$w <- round(runif(nrow(lung_csv), 0.2, 3), 2)               # not whole numbers: R's robust default
lung_csv$w[sample(nrow(lung_csv), 12)] <- 0                          # zero weights
lung_csv$wi <- sample(0:3, nrow(lung_csv), replace = TRUE)           # whole numbers with zeros: Greenwood

# Counting-process edge cases: an event at a time equal to another row's start (row 2 starts
# at 5 when row 1 dies at 5), rows that start at 0 and at a death time, tied deaths and
# censorings at one stop time, a stratum (s = "c") with one record, clusters of one record
# (cl 7 and 8), weights of 0, and an arm (g = "B2") whose weights are all 0.
edge <- data.frame(
  start = c(0, 5, 0, 2, 5, 0, 1, 3, 0, 4,   0, 6, 2, 0, 1,   0,   0, 2, 3, 5, 1, 0),
  stop  = c(5, 9, 7, 5, 8, 3, 5, 9, 6, 7,   6, 10, 8, 4, 6,  4,   3, 6, 8, 9, 4, 7),
  event = c(1, 1, 0, 1, 1, 1, 0, 1, 1, 0,   1, 1, 0, 1, 1,   1,   1, 0, 1, 1, 1, 0),
  x     = c(0.5, 1.2, -0.3, 0.8, 2.1, -1.0, 0.4, 1.7, 0.0, -0.6,  1.1, 0.3, -0.8, 0.9, 1.4,  0.2,  -0.4, 0.6, 1.0, -1.2, 0.7, 0.1),
  s     = c(rep("a", 10), rep("b", 5), "c", rep("a", 6)),
  g     = c("A", "B", "A", "B", "A", "B", "A", "B", "A", "B",  "A", "B", "A", "B", "A",  "A",  rep("B2", 6)),
  cl    = c(1, 1, 2, 2, 3, 3, 4, 4, 5, 5,  6, 6, 9, 9, 10,  7,  8, 11, 11, 12, 12, 13),
  w     = c(1, 2, 1, 0, 1, 3, 1, 1, 2, 1,  1, 1, 2, 1, 0,  1,  0, 0, 0, 0, 0, 0))

# (start, stop] records whose risk set empties inside a stratum (s = "g1": nobody is at risk
# between 3 and 5, so a walk back in time must restart its sums from zero), and one whose entries
# fall on death times with heavy ties (s = "g2": an entry at t is not at risk at t), with two
# covariates and unequal weights.
gap <- data.frame(
  start = c(0, 0, 1, 5, 6, 5, 7, 5,   0, 4, 2, 4, 0, 6, 3, 0, 2, 4),
  stop  = c(2, 3, 3, 8, 8, 9, 9, 9,   4, 6, 4, 8, 6, 8, 6, 8, 6, 6),
  event = c(1, 1, 0, 1, 1, 0, 1, 1,   1, 1, 1, 0, 1, 1, 1, 1, 0, 1),
  x     = c(0.4, -0.9, 1.3, 0.2, -0.5, 1.1, 0.7, -1.6,   0.8, -0.2, 1.5, 0.3, -1.1, 0.6, 0.1, -0.4, 1.9, -0.7),
  z     = c(1, 0, 1, 0, 1, 1, 0, 0,   1, 0, 0, 1, 1, 0, 1, 0, 1, 0),
  s     = c(rep("g1", 8), rep("g2", 10)),
  w     = c(1.5, 0.5, 2, 1, 0.25, 3, 1, 0.75,   1, 2.5, 0.5, 1, 1.25, 2, 0.5, 1, 3, 0.8))

# One record per patient with the time an exposure starts, for tdc: at 0 (from the start), at
# the end of follow-up, after it, never (missing), before 0, and at another patient's death
# time; a second exposure e2 for two tdc columns at once.
tdc_edge <- data.frame(
  time   = c(10, 8, 12, 6, 15, 9, 7, 11, 5, 14, 9, 13, 4, 10, 16, 8),
  status = c(1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1),
  e1     = c(0, 8, 20, NA, 6, 3, -2, 7, NA, 9, 4, NA, 2, 10, 8, 0),
  e2     = c(5, NA, 4, 2, NA, 9, 1, NA, 3, 2, NA, 6, NA, 4, 12, 8),
  x      = c(0.3, -1.1, 0.8, 1.5, -0.2, 0.4, 2.0, -0.7, 0.9, 0.1, -1.4, 0.6, 1.2, -0.5, 0.2, 0.7),
  entry  = c(0, 1, 0, 2, 0, 0, 1, 0, 0, 3, 0, 0, 1, 0, 2, 0))

files <- c(write_csv(heart_csv, "heart.csv"), write_csv(myeloid_csv, "myeloid.csv"), write_csv(rats_csv, "rats.csv"),
           write_csv(colon_csv, "colon-both.csv"), write_csv(lung_csv, "lung-weights.csv"),
           write_csv(edge, "edge-counting.csv"), write_csv(tdc_edge, "tdc-edge.csv"),
           write_csv(gap, "gap-counting.csv"))

# ---- the data an analysis runs on ---------------------------------------------------------------
# spec: start, stop, event, weights, cluster, tdc = list(NAME = COLUMN, ...), landmark.
# tdc: split each record as tmerge(base, base, id, death = event(stop, event), NAME = tdc(COLUMN))
# does, one tdc after another; the record's row number is its id. landmark: records with
# stop > T, times less T, each tdc fixed at its value at T (1 when COLUMN <= T).
analysis_data <- function(spec) {
  d <- read.csv(spec$file, stringsAsFactors = FALSE)
  d$.row <- seq_len(nrow(d))
  d$.stop <- d[[spec$stop]]
  d$.event <- d[[spec$event]]
  d$.start <- if (is.null(spec$start)) NA else d[[spec$start]]
  if (!is.null(spec$landmark)) {
    t0 <- spec$landmark
    d <- d[d$.stop > t0, ]
    d$.stop <- d$.stop - t0
    for (v in names(spec$tdc)) d[[v]] <- as.integer(!is.na(d[[spec$tdc[[v]]]]) & d[[spec$tdc[[v]]]] <= t0)
    d$.start <- NA
  } else if (length(spec$tdc) > 0) {
    base <- d
    first <- if (is.null(spec$start)) "s <- tmerge(base, base, id = .row, .ev = event(.stop, .event))" else
      "s <- tmerge(base, base, id = .row, .ev = event(.stop, .event), tstart = .start, tstop = .stop)"
    eval(parse(text = first))
    for (v in names(spec$tdc)) eval(parse(text = sprintf("s <- tmerge(s, base, id = .row, %s = tdc(%s))", v, spec$tdc[[v]])))
    s$.start <- s$tstart
    s$.stop <- s$tstop
    s$.event <- s$.ev
    d <- s
  }
  d
}

surv_lhs <- function(d) if (all(is.na(d$.start))) "Surv(.stop, .event)" else "Surv(.start, .stop, .event)"

# ---- Cox ----------------------------------------------------------------------------------------
# Zero weights: coxph refuses them, so R fits the rows of positive weight (what Pnen does).
cox_case <- function(name, spec, covariates, categorical = list(), strata = NULL, ties = "efron", robust = NULL) {
  d <- analysis_data(spec)
  if (!is.null(spec$weights)) d <- d[d[[spec$weights]] > 0, ]
  for (v in names(categorical)) d[[v]] <- relevel(factor(d[[v]]), ref = categorical[[v]])
  rhs <- paste(covariates, collapse = " + ")
  if (!is.null(strata)) rhs <- sprintf("%s + strata(%s)", rhs, strata)
  args <- list(formula = as.formula(sprintf("%s ~ %s", surv_lhs(d), rhs)), data = d, ties = ties)
  if (!is.null(spec$weights)) args$weights <- d[[spec$weights]]
  if (!is.null(spec$cluster)) args$cluster <- d[[spec$cluster]]
  if (!is.null(robust)) args$robust <- robust
  if (isTRUE(robust) && is.null(spec$cluster) && !all(is.na(d$.start))) args$id <- d$.row   # each record is one patient
  fit <- do.call(coxph, args)
  s <- summary(fit)
  ok <- !is.na(coef(fit))
  cf <- s$coefficients
  used_robust <- !is.null(fit$naive.var)
  terms <- lapply(rownames(cf)[ok[rownames(cf)]], function(tn)
    list(term = tn, coef = cf[tn, "coef"], se = if (used_robust) cf[tn, "robust se"] else cf[tn, "se(coef)"],
         naive_se = if (used_robust) cf[tn, "se(coef)"] else NA, z = cf[tn, "z"], p = cf[tn, "Pr(>|z|)"],
         hr = cf[tn, "exp(coef)"], lower = s$conf.int[tn, "lower .95"], upper = s$conf.int[tn, "upper .95"]))
  nvar <- sum(ok)
  list(name = name, kind = "cox", spec = spec, covariates = I(covariates), categorical = categorical, strata = strata,
       ties = ties, robust_arg = robust, robust = used_robust, n = fit$n, events = fit$nevent, iterations = fit$iter, loglik = fit$loglik,
       lr = c(s$logtest[["test"]], s$logtest[["df"]], s$logtest[["pvalue"]]),
       wald = c(fit$wald.test, nvar, pchisq(fit$wald.test, nvar, lower.tail = FALSE)),
       score = c(fit$score, nvar, pchisq(fit$score, nvar, lower.tail = FALSE)),
       rscore = if (used_robust) c(fit$rscore, nvar, pchisq(fit$rscore, nvar, lower.tail = FALSE)) else NULL,
       terms = terms)
}

# ---- Kaplan-Meier -------------------------------------------------------------------------------
# std_err is the standard error of log S: survfit's std.err, divided by S when survfit reports it
# for S itself (logse = FALSE: the infinitesimal jackknife used with weights that are not whole numbers).
km_case <- function(name, spec, group = NULL, conf.type = "log", tau) {
  d <- analysis_data(spec)
  rhs <- if (is.null(group)) "1" else group
  args <- list(formula = as.formula(sprintf("%s ~ %s", surv_lhs(d), rhs)), data = d, conf.type = conf.type)
  if (!is.null(spec$weights)) args$weights <- d[[spec$weights]]
  fit <- do.call(survfit, args)
  tab <- summary(fit, rmean = tau)$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  q <- quantile(fit, c(.25, .5, .75))
  qm <- if (is.matrix(q$quantile)) q$quantile else t(as.matrix(q$quantile))
  strata <- if (is.null(fit$strata)) rep("all", length(fit$time)) else rep(sub("^[^=]*=", "", names(fit$strata)), fit$strata)
  levels <- if (is.null(fit$strata)) "all" else sub("^[^=]*=", "", names(fit$strata))
  se_log <- if (fit$logse) fit$std.err else ifelse(fit$std.err == 0, 0, fit$std.err / fit$surv)
  groups <- lapply(seq_along(levels), function(i) {
    w <- strata == levels[i]
    list(level = levels[i], n = unname(tab[i, "records"]), events = unname(tab[i, "events"]),
         median = num(unname(tab[i, "median"])), lower = num(unname(tab[i, grep("LCL", colnames(tab))])),
         upper = num(unname(tab[i, grep("UCL", colnames(tab))])),
         q25 = num(unname(qm[i, 1])), q75 = num(unname(qm[i, 3])),
         rmean = unname(tab[i, "rmean"]), rmean_se = unname(tab[i, "se(rmean)"]),
         steps = data.frame(time = fit$time[w], n_risk = fit$n.risk[w], n_event = fit$n.event[w], n_censor = fit$n.censor[w],
                            surv = fit$surv[w], std_err = num(se_log[w]), lower = num(fit$lower[w]), upper = num(fit$upper[w])))
  })
  list(name = name, kind = "km", spec = spec, group = group, conf_type = conf.type, tau = tau,
       variance = if (fit$logse) "greenwood" else "robust", groups = groups)
}

# ---- log-rank on (start, stop] risk sets ---------------------------------------------------------
# survdiff takes no (start, stop] data, so the statistic is computed here from its definition:
# at each death time the rows with start < t <= stop are at risk; O - E and the hypergeometric
# variance are summed over death times (and strata), chi-square = (O - E)' V^- (O - E) without
# the first group. With no tied death times this is coxph's score test with Breslow ties, which
# is checked below on the myeloid split data with its ties broken.
logrank_counting <- function(start, stop, event, group, strata = rep(1, length(stop))) {
  lev <- sort(unique(group))
  k <- length(lev)
  O <- E <- numeric(k); V <- matrix(0, k, k)
  for (st in unique(strata)) {
    inS <- strata == st
    for (t in sort(unique(stop[inS & event == 1]))) {
      atrisk <- inS & start < t & stop >= t
      dies <- atrisk & stop == t & event == 1
      n <- sum(atrisk); dd <- sum(dies)
      nk <- sapply(lev, function(l) sum(atrisk & group == l))
      dk <- sapply(lev, function(l) sum(dies & group == l))
      O <- O + dk; E <- E + dd * nk / n
      # survdiff's variance: d (n - d) / (n (n - 1)) (diag(n_k) - n_k n_l / n)
      if (n > 1) V <- V + dd * (n - dd) / (n * (n - 1)) * (diag(nk, nrow = k) - outer(nk, nk) / n)
    }
  }
  keep <- which(E > 0)
  m <- keep[-1]
  chisq <- if (length(m) > 0) drop(t(O[m] - E[m]) %*% solve(V[m, m, drop = FALSE]) %*% (O[m] - E[m])) else NA
  list(levels = as.character(lev), observed = O, expected = E, chisq = chisq, df = length(m),
       p = if (length(m) > 0) pchisq(chisq, length(m), lower.tail = FALSE) else NA)
}

logrank_case <- function(name, spec, group, strata = NULL) {
  d <- analysis_data(spec)
  start <- if (all(is.na(d$.start))) rep(-Inf, nrow(d)) else d$.start
  st <- if (is.null(strata)) rep(1, nrow(d)) else d[[strata]]
  r <- logrank_counting(start, d$.stop, d$.event, d[[group]], st)
  if (all(is.na(d$.start))) {
    # right-censored data: survdiff must agree
    sd <- survdiff(as.formula(sprintf("Surv(.stop, .event) ~ %s%s", group, if (is.null(strata)) "" else sprintf(" + strata(%s)", strata))), data = d)
    stopifnot(abs(sd$chisq - r$chisq) < 1e-8 * sd$chisq)
  }
  list(name = name, kind = "logrank", spec = spec, group = group, strata = strata, levels = r$levels,
       n = as.vector(table(d[[group]])), observed = r$observed, expected = r$expected, chisq = r$chisq, df = r$df, p = r$p)
}

# The definition above is coxph's Breslow score test when no death times are tied.
local({
  d <- analysis_data(list(file = "myeloid.csv", stop = "futime", event = "death", tdc = list(tx = "txtime")))
  set.seed(7)
  jitter <- runif(nrow(d), 0, 1e-3)
  d$.stop2 <- d$.stop + jitter * d$.event
  stopifnot(!anyDuplicated(d$.stop2[d$.event == 1]))
  r <- logrank_counting(d$.start, d$.stop2, d$.event, d$tx)
  fit <- coxph(Surv(.start, .stop2, .event) ~ tx, data = d, ties = "breslow")
  stopifnot(abs(fit$score - r$chisq) < 1e-8 * r$chisq)
})

# ---- tmerge rows --------------------------------------------------------------------------------
split_case <- function(name, spec) {
  d <- analysis_data(spec)
  rows <- data.frame(row = d$.row, start = d$.start, stop = d$.stop, event = d$.event)
  for (v in names(spec$tdc)) rows[[v]] <- d[[v]]
  list(name = name, kind = "split", spec = spec, rows = rows)
}

myeloid_tx <- list(file = "myeloid.csv", stop = "futime", event = "death", tdc = list(tx = "txtime"))
heart_cp <- list(file = "heart.csv", start = "start", stop = "stop", event = "event")
edge_cp <- list(file = "edge-counting.csv", start = "start", stop = "stop", event = "event")
gap_cp <- list(file = "gap-counting.csv", start = "start", stop = "stop", event = "event")
tdc_two <- list(file = "tdc-edge.csv", stop = "time", event = "status", tdc = list(a = "e1", b = "e2"))

cases <- list(
  # counting-process Cox
  cox_case("heart efron", heart_cp, c("age", "year", "surgery", "transplant")),
  cox_case("heart breslow", heart_cp, c("age", "year", "surgery", "transplant"), ties = "breslow"),
  cox_case("heart strata surgery", heart_cp, c("age", "year", "transplant"), strata = "surgery"),
  cox_case("heart cluster id", c(heart_cp, list(cluster = "id")), c("age", "year", "surgery", "transplant")),
  cox_case("heart weights", c(heart_cp, list(weights = "w")), c("age", "year", "surgery", "transplant"), robust = FALSE),
  cox_case("heart weights cluster id", c(heart_cp, list(weights = "w", cluster = "id")), c("age", "year", "surgery", "transplant")),
  cox_case("myeloid ever transplanted", list(file = "myeloid.csv", stop = "futime", event = "death"), c("trt", "transplanted"), list(trt = "A")),
  cox_case("myeloid tdc", myeloid_tx, c("trt", "tx"), list(trt = "A")),
  cox_case("myeloid tdc breslow", myeloid_tx, c("trt", "tx"), list(trt = "A"), ties = "breslow"),
  cox_case("myeloid tdc strata sex", myeloid_tx, c("trt", "tx"), list(trt = "A"), strata = "sex"),
  cox_case("myeloid tdc robust", myeloid_tx, c("trt", "tx"), list(trt = "A"), robust = TRUE),
  cox_case("myeloid landmark 100", c(myeloid_tx, list(landmark = 100)), c("trt", "tx"), list(trt = "A")),
  cox_case("edge counting efron", edge_cp, c("x"), strata = "s"),
  cox_case("edge counting breslow", edge_cp, c("x"), strata = "s", ties = "breslow"),
  cox_case("edge counting weights cluster", c(edge_cp, list(weights = "w", cluster = "cl")), c("x")),
  cox_case("gap counting efron", gap_cp, c("x", "z"), strata = "s"),
  cox_case("gap counting breslow", gap_cp, c("x", "z"), strata = "s", ties = "breslow"),
  cox_case("gap counting weights", c(gap_cp, list(weights = "w")), c("x", "z"), strata = "s"),   # robust: R's default for such weights
  cox_case("tdc edge two", tdc_two, c("a", "b", "x")),
  cox_case("tdc edge two breslow", tdc_two, c("a", "b", "x"), ties = "breslow"),
  cox_case("tdc edge entry", list(file = "tdc-edge.csv", start = "entry", stop = "time", event = "status", tdc = list(a = "e1")), c("a", "x")),
  cox_case("tdc edge landmark 4", list(file = "tdc-edge.csv", stop = "time", event = "status", tdc = list(a = "e1", b = "e2"), landmark = 4), c("a", "b", "x")),
  # weights and robust variances on right-censored data
  cox_case("lung weights", list(file = "lung-weights.csv", stop = "time", event = "event", weights = "w"), c("age", "sex", "ph.ecog")),
  cox_case("lung weights breslow", list(file = "lung-weights.csv", stop = "time", event = "event", weights = "w"), c("age", "sex", "ph.ecog"), ties = "breslow"),
  cox_case("lung weights not robust", list(file = "lung-weights.csv", stop = "time", event = "event", weights = "w"), c("age", "sex", "ph.ecog"), robust = FALSE),
  cox_case("lung integer weights", list(file = "lung-weights.csv", stop = "time", event = "event", weights = "wi"), c("age", "sex", "ph.ecog")),
  cox_case("lung integer weights robust", list(file = "lung-weights.csv", stop = "time", event = "event", weights = "wi"), c("age", "sex", "ph.ecog"), robust = TRUE),
  cox_case("lung robust", list(file = "lung-weights.csv", stop = "time", event = "event"), c("age", "sex", "ph.ecog"), robust = TRUE),
  cox_case("lung cluster inst", list(file = "lung-weights.csv", stop = "time", event = "event", cluster = "inst"), c("age", "sex", "ph.ecog")),
  cox_case("rats cluster litter", list(file = "rats.csv", stop = "time", event = "status", cluster = "litter"), c("rx")),
  cox_case("rats cluster litter strata sex", list(file = "rats.csv", stop = "time", event = "status", cluster = "litter"), c("rx"), strata = "sex"),
  cox_case("rats robust", list(file = "rats.csv", stop = "time", event = "status"), c("rx", "sex"), list(sex = "f"), robust = TRUE),
  cox_case("colon cluster id strata etype", list(file = "colon-both.csv", stop = "time", event = "status", cluster = "id"),
           c("rx", "extent", "node4"), list(rx = "Obs"), strata = "etype"),
  # Kaplan-Meier
  km_case("heart transplant", heart_cp, "transplant", tau = 200),
  km_case("heart all log-log", heart_cp, conf.type = "log-log", tau = 1000),
  km_case("heart weights", c(heart_cp, list(weights = "w")), "surgery", tau = 500),
  km_case("heart weights plain", c(heart_cp, list(weights = "w")), "surgery", conf.type = "plain", tau = 500),
  km_case("myeloid simon-makuch", myeloid_tx, "tx", tau = 1000),
  km_case("myeloid landmark 100", c(myeloid_tx, list(landmark = 100)), "tx", tau = 1000),
  km_case("lung weights sex", list(file = "lung-weights.csv", stop = "time", event = "event", weights = "w"), "sex", tau = 600),
  km_case("lung weights log-log", list(file = "lung-weights.csv", stop = "time", event = "event", weights = "w"), conf.type = "log-log", tau = 600),
  km_case("lung integer weights sex", list(file = "lung-weights.csv", stop = "time", event = "event", weights = "wi"), "sex", tau = 600),
  km_case("edge counting g", edge_cp, "g", tau = 9),
  km_case("edge counting weights g", c(edge_cp, list(weights = "w")), "g", tau = 9),
  km_case("tdc edge a", tdc_two, "a", tau = 12),
  # log-rank
  logrank_case("myeloid tdc", myeloid_tx, "tx"),
  logrank_case("myeloid tdc strata trt", myeloid_tx, "tx", strata = "trt"),
  logrank_case("myeloid landmark 100", c(myeloid_tx, list(landmark = 100)), "tx"),
  logrank_case("heart transplant", heart_cp, "transplant"),
  logrank_case("edge counting g strata s", edge_cp, "g", strata = "s"),
  logrank_case("tdc edge a", tdc_two, "a"),
  # tmerge
  split_case("myeloid tx", myeloid_tx),
  split_case("tdc edge two", tdc_two),
  split_case("tdc edge entry", list(file = "tdc-edge.csv", start = "entry", stop = "time", event = "status", tdc = list(a = "e1")))
)

out <- list(provenance = sprintf("%s, survival %s; datasets from the survival package, weights and edge cases made in make-reference.R",
                                 R.version.string, packageVersion("survival")),
            cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", null = "null", dataframe = "rows", pretty = FALSE), "r-reference-cox-core.json")
