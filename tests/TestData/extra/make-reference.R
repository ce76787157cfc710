# Extra reference values for Pnen, produced with R 4.2.2 and survival 3.5-3:
#   Rscript make-reference.R     (run in this folder; writes the CSV files and r-reference-extra.json)
# Datasets ship with R's survival package; synthetic edge cases are written out below.
# Output format follows ../r-reference.json, with full step tables ("steps") for KM cases.
library(survival)
library(jsonlite)
options(digits = 17)

write_csv <- function(df, name) {
  write.csv(df, name, row.names = FALSE, na = "")
  name
}

# ---- data -------------------------------------------------------------------------------------
colon_death <- subset(colon, etype == 2, select = c(id, rx, sex, age, obstruct, nodes, extent, differ, time, status))
colon_death$rx <- as.character(colon_death$rx)
pbc_csv <- within(pbc[, c("id", "time", "status", "trt", "age", "sex", "edema", "bili", "albumin", "protime", "stage")], {
  death <- as.integer(status == 2); sex <- as.character(sex) })
pbc_csv$status <- NULL
rats_csv <- rats
cgd_csv <- cgd0 <- cgd[cgd$enum == 1, c("id", "center", "treat", "sex", "age", "height", "weight", "inherit", "steroids", "tstop", "status")]
cgd_csv$center <- as.character(cgd_csv$center); cgd_csv$treat <- as.character(cgd_csv$treat)
cgd_csv$sex <- as.character(cgd_csv$sex); cgd_csv$inherit <- as.character(cgd_csv$inherit)
kidney_csv <- kidney[, c("id", "time", "status", "age", "sex", "disease", "frail")]
kidney_csv$disease <- as.character(kidney_csv$disease)
mgus_csv <- mgus2[, c("id", "age", "sex", "hgb", "creat", "mspike", "futime", "death")]
mgus_csv$sex <- as.character(mgus_csv$sex)

# Edge cases: a median on an exact flat at 1/2, a curve that ends on a flat at 1/2, a curve that
# drops to 0, near-tied times that only timefix merges, an arm without events (monotone
# likelihood), collinear and constant covariates.
edge <- data.frame(
  time  = c(1, 2, 3, 4,   1, 2, 3, 4,   2, 3, 3, 5, 8,   0.1 + 0.2, 0.3, 0.7, 1.1, 1.1),
  event = c(1, 1, 1, 1,   1, 1, 0, 0,   1, 1, 1, 1, 1,   1, 1, 0, 1, 1),
  arm   = c(rep("flat_half", 4), rep("ends_half", 4), rep("to_zero", 5), rep("near_ties", 5)))
set.seed(20261126)
mono <- data.frame(time = round(rexp(60, 0.1), 1), event = rbinom(60, 1, 0.7),
                   arm = rep(c("A", "B", "C"), each = 20), x1 = round(rnorm(60), 2))
mono$event[mono$arm == "C"] <- 0
mono$x2 <- 2 * mono$x1 + 1
mono$k <- 5

files <- c(write_csv(colon_death, "colon.csv"), write_csv(pbc_csv, "pbc.csv"), write_csv(rats_csv, "rats.csv"),
           write_csv(cgd_csv, "cgd.csv"), write_csv(kidney_csv, "kidney.csv"), write_csv(mgus_csv, "mgus2.csv"),
           write_csv(edge, "edge.csv"), write_csv(mono, "monotone.csv"))

# ---- cases ------------------------------------------------------------------------------------
num <- function(x) ifelse(is.finite(x), x, NA)
km_case <- function(name, file, time, event, group = NULL, conf.type = "log") {
  d <- read.csv(file)
  f <- if (is.null(group)) as.formula(sprintf("Surv(%s, %s) ~ 1", time, event)) else
       as.formula(sprintf("Surv(%s, %s) ~ %s", time, event, group))
  fit <- survfit(f, data = d, conf.type = conf.type)
  tab <- summary(fit)$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  q <- quantile(fit, c(.25, .5, .75))
  qm <- if (is.matrix(q$quantile)) q$quantile else t(as.matrix(q$quantile))
  strata <- if (is.null(fit$strata)) rep("all", length(fit$time)) else rep(sub("^[^=]*=", "", names(fit$strata)), fit$strata)
  levels <- if (is.null(fit$strata)) "all" else sub("^[^=]*=", "", names(fit$strata))
  rm <- summary(fit, rmean = "common")$table
  if (is.null(dim(rm))) rm <- t(as.matrix(rm))
  groups <- lapply(seq_along(levels), function(i) {
    w <- strata == levels[i]
    list(level = levels[i], n = unname(tab[i, "n.start"]), events = unname(tab[i, "events"]),
         median = num(unname(tab[i, "median"])), lower = num(unname(tab[i, grep("LCL", colnames(tab))])),
         upper = num(unname(tab[i, grep("UCL", colnames(tab))])),
         q25 = num(unname(qm[i, 1])), q50 = num(unname(qm[i, 2])), q75 = num(unname(qm[i, 3])),
         rmean_common = unname(rm[i, "rmean"]), rmean_se = unname(rm[i, "se(rmean)"]),
         steps = data.frame(time = fit$time[w], n_risk = fit$n.risk[w], n_event = fit$n.event[w], n_censor = fit$n.censor[w],
                            surv = fit$surv[w], std_err = num(fit$std.err[w]), lower = num(fit$lower[w]), upper = num(fit$upper[w])))
  })
  list(name = name, kind = "km", data = file, time = time, event = event, group = if (is.null(group)) NULL else group,
       conf_type = conf.type, dropped = length(fit$na.action), groups = groups)
}

logrank_case <- function(name, file, time, event, group, strata = NULL, rho = 0) {
  d <- read.csv(file)
  rhs <- if (is.null(strata)) group else sprintf("%s + strata(%s)", group, strata)
  t <- survdiff(as.formula(sprintf("Surv(%s, %s) ~ %s", time, event, rhs)), data = d, rho = rho)
  obs <- if (is.matrix(t$obs)) rowSums(t$obs) else t$obs
  ex <- if (is.matrix(t$exp)) rowSums(t$exp) else t$exp
  df <- sum(ex > 0) - 1
  list(name = name, kind = "logrank", data = file, time = time, event = event, group = group, strata = strata, rho = rho,
       chisq = t$chisq, df = df, p = pchisq(t$chisq, df, lower.tail = FALSE),
       levels = sub("^[^=]*=", "", names(t$n)), n = as.vector(t$n), observed = unname(obs), expected = unname(ex),
       dropped = length(t$na.action))
}

cox_case <- function(name, file, time, event, covariates, categorical = list(), strata = NULL, ties = "efron") {
  d <- read.csv(file)
  for (v in names(categorical)) d[[v]] <- relevel(factor(d[[v]]), ref = categorical[[v]])
  rhs <- paste(covariates, collapse = " + ")
  if (!is.null(strata)) rhs <- sprintf("%s + strata(%s)", rhs, strata)
  warn <- character(0)
  fit <- withCallingHandlers(coxph(as.formula(sprintf("Surv(%s, %s) ~ %s", time, event, rhs)), data = d, ties = ties),
                             warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") })
  s <- summary(fit)
  ok <- !is.na(coef(fit))
  cf <- s$coefficients
  terms <- lapply(rownames(cf)[ok[rownames(cf)]], function(tn)
    list(term = tn, coef = cf[tn, "coef"], se = cf[tn, "se(coef)"], z = cf[tn, "z"], p = cf[tn, "Pr(>|z|)"], hr = cf[tn, "exp(coef)"],
         lower = s$conf.int[tn, "lower .95"], upper = s$conf.int[tn, "upper .95"]))
  nvar <- sum(ok)
  list(name = name, kind = "cox", data = file, time = time, event = event, covariates = I(covariates), categorical = categorical,
       strata = strata, ties = ties, n = fit$n, events = fit$nevent, n_dropped_missing = length(fit$na.action), iterations = fit$iter,
       loglik = fit$loglik, lr = c(s$logtest[["test"]], s$logtest[["df"]], s$logtest[["pvalue"]]),
       wald_unrounded = fit$wald.test, score = c(fit$score, nvar, pchisq(fit$score, nvar, lower.tail = FALSE)),
       terms = terms, na_terms = I(names(coef(fit))[!ok]), warnings = I(warn))
}

cases <- list(
  km_case("colon rx", "colon.csv", "time", "status", "rx"),
  km_case("colon rx log-log", "colon.csv", "time", "status", "rx", conf.type = "log-log"),
  km_case("colon rx plain", "colon.csv", "time", "status", "rx", conf.type = "plain"),
  km_case("pbc trt (missing groups)", "pbc.csv", "time", "death", "trt"),
  km_case("kidney all", "kidney.csv", "time", "status"),
  km_case("rats rx", "rats.csv", "time", "status", "rx"),
  km_case("mgus2 sex", "mgus2.csv", "futime", "death", "sex"),
  km_case("edge arms", "edge.csv", "time", "event", "arm"),
  km_case("edge arms log-log", "edge.csv", "time", "event", "arm", conf.type = "log-log"),
  km_case("monotone arms", "monotone.csv", "time", "event", "arm"),
  logrank_case("colon rx", "colon.csv", "time", "status", "rx"),
  logrank_case("colon rx rho 0.5", "colon.csv", "time", "status", "rx", rho = 0.5),
  logrank_case("colon rx strata sex", "colon.csv", "time", "status", "rx", strata = "sex"),
  logrank_case("pbc trt (missing groups)", "pbc.csv", "time", "death", "trt"),
  logrank_case("rats rx strata sex", "rats.csv", "time", "status", "rx", strata = "sex"),
  logrank_case("kidney disease strata sex", "kidney.csv", "time", "status", "disease", strata = "sex"),
  logrank_case("edge arms", "edge.csv", "time", "event", "arm"),
  logrank_case("monotone arms", "monotone.csv", "time", "event", "arm"),
  cox_case("colon efron", "colon.csv", "time", "status", c("rx", "sex", "age", "obstruct", "nodes", "extent"), list(rx = "Obs")),
  cox_case("colon breslow", "colon.csv", "time", "status", c("rx", "sex", "age", "obstruct", "nodes", "extent"), list(rx = "Obs"), ties = "breslow"),
  cox_case("colon strata extent", "colon.csv", "time", "status", c("rx", "age", "nodes"), list(rx = "Lev"), strata = "extent"),
  cox_case("pbc", "pbc.csv", "time", "death", c("trt", "age", "sex", "edema", "bili", "albumin", "protime"), list(sex = "m")),
  cox_case("cgd strata center", "cgd.csv", "tstop", "status", c("treat", "sex", "age", "inherit", "steroids"), list(treat = "placebo", sex = "male", inherit = "X-linked"), strata = "center"),
  cox_case("rats strata litter", "rats.csv", "time", "status", c("rx"), strata = "litter"),
  cox_case("kidney", "kidney.csv", "time", "status", c("age", "sex", "disease"), list(disease = "Other")),
  cox_case("mgus2", "mgus2.csv", "futime", "death", c("age", "sex", "hgb", "creat", "mspike"), list(sex = "F")),
  cox_case("monotone arm C", "monotone.csv", "time", "event", c("arm", "x1"), list(arm = "A")),
  cox_case("collinear x2", "monotone.csv", "time", "event", c("x1", "x2")),
  cox_case("constant k", "monotone.csv", "time", "event", c("x1", "k"))
)

out <- list(provenance = sprintf("%s, survival %s; datasets from the survival package plus synthetic edge cases (see make-reference.R)",
                                 R.version.string, packageVersion("survival")),
            cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", null = "null", dataframe = "rows", pretty = FALSE), "r-reference-extra.json")
