# Reference values for spline and interaction terms in Cox models, produced with R 4.2.2,
# survival 3.5-3 and splines (R's own):
#   Rscript make-terms-reference.R     (run in this folder; writes colon-terms.csv, cells.csv and
#                                       terms-reference.json)
# "basis" cases: ns(x, df) or ns(x, knots, Boundary.knots) and predict() beyond the boundary knots.
# "cox" cases: coxph with ns() and a:b terms, and anova(fit0, fit1) likelihood-ratio tests of each
# interaction (the model without it) and each spline (the model with the variable linear).
# Every Cox case is fitted to the complete cases of the columns it uses (na.omit first), so the
# knots of ns() are quantiles of the analysed values; with NA left in, model.frame would place
# them on every non-missing value of x, including rows another covariate drops.
library(survival)
library(splines)
library(jsonlite)
options(digits = 17)

write_csv <- function(df, name) {
  write.csv(df, name, row.names = FALSE, na = "")
  name
}

# ---- data -------------------------------------------------------------------------------------
# Colon cancer deaths, with survival's own node4 (more than 4 positive nodes; it is not always
# nodes > 4 in the data) and sex as words: rx x node4 is the interaction test whose P = 0.90.
colon_terms <- subset(colon, etype == 2, select = c(id, rx, sex, age, obstruct, nodes, node4, extent, time, status))
colon_terms$rx <- as.character(colon_terms$rx)
colon_terms$sex <- ifelse(colon_terms$sex == 1, "Male", "Female")

# Synthetic edge cases: arm C has no G2 patient (an empty cell of arm x grade), k is constant,
# b is binary (no natural spline of 3 df can be made of it: R's ns stops).
set.seed(20261203)
cells <- data.frame(arm = rep(c("A", "B", "C"), times = c(30, 30, 20)), grade = c(rep(c("G1", "G2"), 30), rep("G1", 20)))
cells$x <- round(rnorm(80, 50, 10), 1)
cells$time <- round(rexp(80, 0.05 * exp(0.02 * (cells$x - 50) + 0.4 * (cells$arm == "B"))), 1)
cells$event <- rbinom(80, 1, 0.75)
cells$k <- 5
cells$b <- rbinom(80, 1, 0.5)
# A stratum with one record (S3), and an event column without events in the B x G2 cell
# (monotone likelihood: its interaction coefficient runs off to minus infinity).
cells$site <- c(rep(c("S1", "S2"), 39), "S1", "S3")
cells$event_sep <- ifelse(cells$arm == "B" & cells$grade == "G2", 0L, cells$event)

files <- c(write_csv(colon_terms, "colon-terms.csv"), write_csv(cells, "cells.csv"))

# ---- basis cases ------------------------------------------------------------------------------
lung_age <- lung$age
basis_case <- function(name, x, df = NULL, knots = NULL, boundary = NULL, newx = NULL) {
  b <- if (is.null(knots)) try(ns(x, df = df), silent = TRUE) else try(ns(x, knots = knots, Boundary.knots = boundary), silent = TRUE)
  if (inherits(b, "try-error")) {
    return(list(name = name, kind = "basis", x = x, df = df, error = conditionMessage(attr(b, "condition"))))
  }
  at <- if (is.null(newx)) x else newx
  m <- if (is.null(newx)) unclass(b) else unclass(predict(b, newx))
  list(name = name, kind = "basis", x = x, df = df, knots = if (is.null(knots)) NULL else knots, boundary = if (is.null(boundary)) NULL else boundary,
       at = at, interior = as.vector(attr(b, "knots")), boundary_knots = as.vector(attr(b, "Boundary.knots")),
       basis = lapply(seq_len(nrow(m)), function(i) I(as.vector(m[i, ]))), error = NULL)
}
basis_cases <- list(
  basis_case("lung age df 3", lung_age, df = 3),
  basis_case("lung age df 4", lung_age, df = 4),
  basis_case("veteran karno df 3 (ties)", veteran$karno, df = 3),
  basis_case("veteran karno df 5 (ties)", veteran$karno, df = 5),
  basis_case("pbc bili df 6 (skewed)", pbc$bili, df = 6),
  basis_case("df 1 (no interior knot)", c(1, 2, 3, 4, 5), df = 1),
  basis_case("interior knot on the lower boundary", c(1, 1, 1, 1, 2, 3), df = 3),
  basis_case("two interior knots on the lower boundary", c(0, 0, 0, 0, 0, 0, 0, 1, 2, 3), df = 4),
  basis_case("lung age df 3 beyond the boundaries", lung_age, df = 3, newx = c(20, 38.99, 39, 50, 63.5, 82, 82.01, 95)),
  basis_case("given knots, beyond the boundaries", c(0, 10), knots = c(2, 5), boundary = c(0, 10), newx = seq(-2, 12, by = 0.25)),
  basis_case("binary values (R stops)", c(0, 1, 0, 1, 1, 0, 1), df = 3),
  basis_case("constant values (R stops)", rep(2, 5), df = 2),
  basis_case("a quantile knot on the upper boundary (R stops)", c(1, 2, 3, 3, 3, 3, 3), df = 3)
)

# ---- Cox cases --------------------------------------------------------------------------------
# A case is what `pnen cox` is given: covariates (in order), categorical columns with their
# reference, splines (column -> df), interactions ("a:b"), strata, ties. The R formula puts each
# spline in its column's place as ns(x, df = k) and the interactions after the main effects.
num <- function(x) ifelse(is.finite(x), x, NA)
cox_case <- function(name, file, time, event, covariates, categorical = list(), splines = list(), interactions = character(0),
                     strata = NULL, ties = "efron", per = list(), groups = list()) {
  d <- read.csv(file, stringsAsFactors = FALSE)
  operands <- unique(unlist(strsplit(interactions, ":", fixed = TRUE)))
  used <- unique(c(time, event, covariates, strata))
  n_file <- nrow(d)
  d <- na.omit(d[, used])
  for (v in names(categorical)) d[[v]] <- relevel(factor(d[[v]]), ref = categorical[[v]])
  for (v in covariates) if (is.character(d[[v]])) d[[v]] <- factor(d[[v]])
  for (v in names(per)) d[[v]] <- d[[v]] / per[[v]]
  term <- function(v, linear = character(0)) if (!is.null(splines[[v]]) && !(v %in% linear)) sprintf("ns(%s, df = %d)", v, splines[[v]]) else v
  rhs <- function(drop = character(0), linear = character(0), without = character(0)) {
    main <- vapply(setdiff(covariates, without), term, "", linear = linear)
    inter <- vapply(setdiff(interactions, drop), function(i) paste(vapply(strsplit(i, ":", fixed = TRUE)[[1]], term, "", linear = linear), collapse = ":"), "")
    s <- paste(c(main, inter), collapse = " + ")
    if (s == "") s <- "1"
    if (!is.null(strata)) s <- sprintf("%s + strata(%s)", s, strata)
    s
  }
  fit_of <- function(r) coxph(as.formula(sprintf("Surv(%s, %s) ~ %s", time, event, r)), data = d, ties = ties)
  warn <- character(0)
  fit <- withCallingHandlers(fit_of(rhs()), warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") })
  s <- summary(fit)
  cf <- coef(fit)
  ok <- !is.na(cf)
  # Our names for each column: variable (the term, splines as their column) and level (the
  # factor levels and ns column numbers of its parts, joined by ":"; null when none).
  mm <- model.matrix(fit)
  assign <- attr(mm, "assign")
  labels <- attr(terms(fit), "term.labels")
  name_of <- function(col) {
    label <- labels[assign[col]]
    vars <- vapply(strsplit(label, ":", fixed = TRUE)[[1]], function(p) sub("^ns\\(([^,]+),.*$", "\\1", p), "")
    parts <- strsplit(colnames(mm)[col], ":", fixed = TRUE)[[1]]
    levels <- character(0)
    for (i in seq_along(parts)) {
      if (startsWith(parts[i], "ns(")) { k <- sub("^.*\\)", "", parts[i]); levels <- c(levels, paste0("ns", if (k == "") "1" else k)) }
      else if (is.factor(d[[vars[i]]])) levels <- c(levels, substring(parts[i], nchar(vars[i]) + 1))
    }
    list(variable = paste(vars, collapse = ":"), level = if (length(levels)) paste(levels, collapse = ":") else NULL)
  }
  cols <- lapply(seq_along(cf), function(i) c(list(r_name = names(cf)[i]), name_of(i)))
  z <- qnorm(0.975)
  terms <- lapply(unname(which(ok)), function(i) {
    tn <- names(cf)[i]
    c(cols[[i]], list(coef = unname(cf[i]), se = s$coefficients[tn, "se(coef)"], z = s$coefficients[tn, "z"],
                      p = s$coefficients[tn, "Pr(>|z|)"], hr = exp(unname(cf[i])), lower = s$conf.int[tn, "lower .95"], upper = s$conf.int[tn, "upper .95"]))
  })
  lr <- function(fit0) {
    a <- anova(fit0, fit)
    list(chisq = a[2, "Chisq"], df = a[2, "Df"], p = num(a[2, "Pr(>|Chi|)"]), loglik0 = fit0$loglik[length(fit0$loglik)])
  }
  interaction_tests <- lapply(interactions, function(i) c(list(terms = i), lr(fit_of(rhs(drop = i)))))
  nonlinearity_tests <- lapply(names(splines), function(v) c(list(variable = v), lr(fit_of(rhs(linear = v)))))
  group_tests <- lapply(groups, function(g) c(list(terms = I(g)), lr(fit_of(rhs(without = g)))))
  knots <- lapply(names(splines), function(v) { b <- ns(d[[v]], df = splines[[v]]); list(variable = v, interior = I(as.vector(attr(b, "knots"))), boundary = as.vector(attr(b, "Boundary.knots"))) })
  list(name = name, kind = "cox", data = file, time = time, event = event, covariates = I(covariates), categorical = categorical,
       splines = splines, interactions = I(interactions), strata = strata, ties = ties, per = per,
       n = fit$n, events = fit$nevent, dropped = n_file - nrow(d), loglik = fit$loglik,
       lr = c(s$logtest[["test"]], s$logtest[["df"]], s$logtest[["pvalue"]]),
       terms = terms, na_terms = lapply(unname(which(!ok)), function(i) cols[[i]]), knots = knots,
       interaction_tests = interaction_tests, nonlinearity_tests = nonlinearity_tests, group_tests = group_tests, warnings = I(warn))
}

setwd("..")   # data paths are relative to tests/TestData, as the tests give them
colon <- "terms/colon-terms.csv"
cox_cases <- list(
  cox_case("colon rx x node4", colon, "time", "status", c("rx", "node4"), list(rx = "Obs"), interactions = "rx:node4"),
  cox_case("colon rx x sex (categorical x categorical)", colon, "time", "status", c("rx", "sex", "age"), list(rx = "Obs"), interactions = "rx:sex"),
  cox_case("colon rx x age, age x nodes (missing nodes)", colon, "time", "status", c("rx", "age", "nodes", "sex"), list(rx = "Obs"),
           interactions = c("rx:age", "age:nodes"), groups = list("sex")),
  cox_case("colon ns(age, 3) x sex", colon, "time", "status", c("age", "rx", "sex"), list(rx = "Obs"), splines = list(age = 3),
           interactions = "age:sex", groups = list(c("rx"))),
  cox_case("colon ns(nodes, 4), strata extent, breslow", colon, "time", "status", c("nodes", "rx", "obstruct"), list(rx = "Obs"),
           splines = list(nodes = 4), strata = "extent", ties = "breslow"),
  cox_case("colon age per 10 x rx", colon, "time", "status", c("age", "rx"), list(rx = "Obs"), interactions = "age:rx", per = list(age = 10)),
  cox_case("lung ns(age, 4), sex x ph.ecog (missing wt.loss)", "lung.csv", "time", "event", c("age", "sex", "ph.ecog", "wt.loss"), list(sex = "1"),
           splines = list(age = 4), interactions = "sex:ph.ecog"),
  cox_case("veteran ns(karno, 3), trt x celltype", "veteran.csv", "time", "status", c("trt", "celltype", "karno", "age"), list(trt = "1", celltype = "squamous"),
           splines = list(karno = 3), interactions = "trt:celltype"),
  cox_case("pbc ns(bili, 4) and ns(age, 3), strata trt (missing)", "extra/pbc.csv", "time", "death", c("bili", "age", "edema", "albumin"),
           splines = list(bili = 4, age = 3), strata = "trt", groups = list(c("edema", "albumin"))),
  cox_case("cells empty cell, constant k", "terms/cells.csv", "time", "event", c("arm", "grade", "x", "k"), list(arm = "A", grade = "G1"),
           interactions = c("arm:grade", "arm:k")),
  cox_case("cells strata site (one record), ns(x, 3) x arm", "terms/cells.csv", "time", "event", c("x", "arm"), list(arm = "A"),
           splines = list(x = 3), interactions = "x:arm", strata = "site"),
  cox_case("cells no event in B x G2 (monotone likelihood)", "terms/cells.csv", "time", "event_sep", c("arm", "grade", "x"), list(arm = "A", grade = "G1"),
           interactions = "arm:grade"),
  cox_case("cells ns(x, 1)", "terms/cells.csv", "time", "event", c("x", "arm"), list(arm = "A"), splines = list(x = 1))
)

out <- list(provenance = sprintf("%s, survival %s, splines %s; R's survival datasets and a synthetic cells.csv (see make-terms-reference.R)",
                                 R.version.string, packageVersion("survival"), packageVersion("splines")),
            basis = basis_cases, cases = cox_cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", null = "null", dataframe = "rows", pretty = FALSE), "terms/terms-reference.json")
