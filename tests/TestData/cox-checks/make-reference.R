# Reference values for Pnen's Cox model checks: cox.zph (with the data of plot.cox.zph),
# Harrell's concordance as summary(coxph)$concordance, and Firth's penalised Cox as coxphf.
#
#   R 4.2.2, survival 3.5-3, coxphf 1.13 (CRAN source: github.com/cran/coxphf commit 68910ed,
#   installed with `R CMD INSTALL -l LIB coxphf`), jsonlite.
#   Run in this folder:  R_LIBS=LIB Rscript make-reference.R
#
# Writes the CSV files below (synthetic edge cases and two survival/coxphf datasets the other
# folders lack) and cox-checks.json. Data paths in the JSON are relative to tests/TestData.
library(survival)
library(coxphf)
library(jsonlite)
stopifnot(packageVersion("survival") == "3.5.3", packageVersion("coxphf") == "1.13")
options(digits = 17)

write_csv <- function(df, name) { write.csv(df, name, row.names = FALSE, na = ""); name }
read_data <- function(path) read.csv(file.path("..", path))

# ---- data --------------------------------------------------------------------------------------
# The colon trial's death records with every covariate (extra/colon.csv has a subset).
colon_full <- subset(colon, etype == 2, select = c(id, rx, sex, age, obstruct, perfor, adhere, nodes, node4,
                                                    extent, differ, surg, time, status))
colon_full$rx <- as.character(colon_full$rx)
write_csv(colon_full, "colon-full.csv")
# coxphf's example data (Heinze & Schemper 2001): covariate CD separates the events.
write_csv(coxphf::breast, "breast.csv")
# R survival's tests/zph.R toy data (its NA row left out): scores and information by hand.
write_csv(data.frame(time = c(9, 1, 1, 6, 6, 8), status = c(1, 1, 0, 1, 1, 0), x = c(0, 1, 1, 1, 0, 0)), "zph-toy.csv")
# Strata edge cases: x constant in stratum d, level "hi" of g absent from stratum b, stratum c a
# single record (censored in zph-strata.csv, an event in zph-strata-single-event.csv).
set.seed(20261127)
n <- 80
strata_data <- data.frame(time = round(rexp(n, 0.05), 1) + 0.1, event = rbinom(n, 1, 0.75),
  x = round(rnorm(n, 50, 10)), g = sample(c("lo", "mid", "hi"), n, TRUE), s = rep(c("a", "b", "c", "d"), c(35, 35, 1, 9)))
strata_data$x[strata_data$s == "d"] <- 40
strata_data$g[strata_data$s == "b" & strata_data$g == "hi"] <- "mid"
single_event <- strata_data
strata_data$event[strata_data$s == "c"] <- 0
single_event$event[single_event$s == "c"] <- 1
write_csv(strata_data, "zph-strata.csv")
write_csv(single_event, "zph-strata-single-event.csv")
# Few event times: three distinct (the spline of plot.cox.zph is singular), and one (the score
# test's information is singular: R stops with an error, Pnen answers null).
few <- data.frame(time = c(2, 2, 3, 5, 5, 7, 8, 9, 9, 10, 11, 12),
                  event = c(1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0),
                  x = c(1.2, 0.4, 2.2, -0.3, 0.8, 1.9, -1.1, 0.5, 0.1, 1.4, -0.6, 0.9))
write_csv(few, "zph-few-times.csv")
one <- few; one$event <- as.integer(one$time == 5 & one$x < 0 | one$time == 2)
one$time[one$event == 1] <- 5
write_csv(one, "zph-one-time.csv")
# Ties at the boundaries: the first and the last time are tied events; a censoring ties an event.
ties <- data.frame(time = c(1, 1, 1, 2, 3, 3, 4, 4, 5, 6, 6, 7, 8, 8, 8),
                   event = c(1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1),
                   x = c(3, 1, 2, 5, 2, 4, 1, 3, 2, 6, 1, 2, 4, 1, 5),
                   z = c(0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0))
write_csv(ties, "zph-ties.csv")
# Firth: one covariate whose level 1 has no events (separation), plus noise.
set.seed(20261128)
sep <- data.frame(time = round(rexp(40, 0.1), 1) + 0.1, event = rbinom(40, 1, 0.8), exposed = rep(0:1, each = 20),
                  w = round(rnorm(40), 2))
sep$event[sep$exposed == 1] <- 0
write_csv(sep, "firth-separation.csv")

# ---- models ------------------------------------------------------------------------------------
model_frame <- function(spec) {
  d <- read_data(spec$data)
  for (v in names(spec$categorical)) d[[v]] <- relevel(factor(d[[v]]), ref = spec$categorical[[v]])
  d
}
model_formula <- function(spec) {
  rhs <- paste(spec$covariates, collapse = " + ")
  if (!is.null(spec$strata)) rhs <- sprintf("%s + strata(%s)", rhs, spec$strata)
  as.formula(sprintf("Surv(%s, %s) ~ %s", spec$time, spec$event, rhs))
}
fit_cox <- function(spec) coxph(model_formula(spec), data = model_frame(spec), ties = spec$ties)
spec <- function(name, data, time, event, covariates, categorical = list(), strata = NULL, ties = "efron")
  list(name = name, data = data, time = time, event = event, covariates = I(covariates),
       categorical = categorical, strata = strata, ties = ties)
num <- function(x) ifelse(is.finite(x), x, NA)

# plot.cox.zph's smooth and band, taken from the lines() it draws (so they are its numbers, not a
# re-implementation): per variable the fit, then the upper and the lower band.
plot_lines <- function(z, i) {
  .GlobalEnv$captured <- list()
  trace(graphics::lines, tracer = quote({ a <- list(...); .GlobalEnv$captured[[length(.GlobalEnv$captured) + 1]] <- list(x = x, y = a[[1]]) }),
        print = FALSE)
  pdf(NULL)
  ok <- tryCatch({ plot(z, var = i); TRUE }, warning = function(w) FALSE)
  dev.off()
  untrace(graphics::lines)
  captured <- .GlobalEnv$captured
  if (!ok || length(captured) != 3) return(NULL)
  x <- captured[[1]]$x
  if (z$transform == "log") x <- log(x)   # plot.cox.zph draws log-transformed times as exp(x) on a log axis
  list(x = x, fit = as.vector(captured[[1]]$y), upper = as.vector(captured[[2]]$y), lower = as.vector(captured[[3]]$y))
}

# The time axis plot.cox.zph draws under km and rank panels, from its axis() call.
plot_axis <- function(z) {
  if (z$transform %in% c("identity", "log")) return(NULL)
  .GlobalEnv$axis_captured <- NULL
  trace(graphics::axis, tracer = quote(.GlobalEnv$axis_captured <- list(at = at, labels = labels)), print = FALSE)
  pdf(NULL)
  suppressWarnings(plot(z, var = 1))
  dev.off()
  untrace(graphics::axis)
  a <- .GlobalEnv$axis_captured
  keep <- !is.na(a$at)
  list(time = as.numeric(a$labels[keep]), position = a$at[keep])
}

zph_case <- function(s, transform = "km") {
  fit <- fit_cox(s)
  z <- cox.zph(fit, transform = transform)
  tab <- z$table
  terms <- colnames(z$y)
  c(s, list(kind = "zph", transform = transform,
    table = data.frame(term = rownames(tab), chisq = tab[, "chisq"], df = tab[, "df"], p = tab[, "p"]),
    events = nrow(z$y), event_times = unname(z$time), transformed = unname(z$x),
    strata = if (is.null(z$strata)) NULL else as.character(z$strata),
    var = unname(z$var), axis = plot_axis(z),
    panels = lapply(seq_along(terms), function(i) list(term = terms[i], y = unname(z$y[, i]), smooth = plot_lines(z, i)))))
}

concordance_case <- function(s) {
  fit <- fit_cox(s)
  count <- fit$concordance
  c(s, list(kind = "concordance", c = unname(count["concordance"]), se = unname(count["std"]),
            concordant = unname(count["concordant"]), discordant = unname(count["discordant"]),
            tied_x = unname(count["tied.x"]), tied_y = unname(count["tied.y"]), tied_xy = unname(count["tied.xy"])))
}

firth_case <- function(s, conf_level = 0.95) {
  d <- model_frame(s)
  d <- d[complete.cases(d[, c(s$time, s$event, s$covariates)]), ]
  # coxphf returns 1 - pchisq(); the chi-squares themselves are row 6 of its PLCOMP table.
  trace(coxphf, exit = quote(.GlobalEnv$last_table <- outtab), print = FALSE)
  fit <- coxphf(model_formula(s), data = d, alpha = 1 - conf_level)
  untrace(coxphf)
  chisq <- .GlobalEnv$last_table[6, ]
  names <- names(fit$coefficients)
  lr <- 2 * diff(fit$loglik)
  wald <- drop(t(fit$coefficients) %*% solve(fit$var) %*% fit$coefficients)
  # coxphf's own linear.predictors multiply the standardised covariates by the unstandardised
  # coefficients, so the linear predictor is formed here from the model matrix.
  lp <- drop(model.matrix(model_formula(s), data = d)[, names(fit$coefficients), drop = FALSE] %*% fit$coefficients)
  conc <- concordancefit(Surv(d[[s$time]], d[[s$event]]), lp, reverse = TRUE)
  breslow <- coxph(model_formula(s), data = d, ties = "breslow")
  c(s, list(kind = "firth", conf_level = conf_level, n = fit$n, iterations = fit$iter,
    loglik = fit$loglik, lr = c(lr, fit$df, pchisq(lr, fit$df, lower.tail = FALSE)),
    wald = c(wald, fit$df, pchisq(wald, fit$df, lower.tail = FALSE)),
    concordance = c(conc$concordance, sqrt(conc$var)),
    terms = lapply(seq_along(names), function(j) list(term = names[j], coef = unname(fit$coefficients[j]),
      se = sqrt(fit$var[j, j]), hr = exp(unname(fit$coefficients[j])), lower = unname(fit$ci.lower[j]), upper = unname(fit$ci.upper[j]),
      chisq = chisq[j], p = pchisq(chisq[j], 1, lower.tail = FALSE), p_coxphf = unname(fit$prob[j]),
      iterations_ci = unname(fit$iter.ci[j, ]), breslow_coef = unname(coef(breslow)[names[j]]),
      breslow_se = unname(sqrt(diag(breslow$var))[match(names[j], names(coef(breslow)))])))))
}

lung <- spec("lung", "lung.csv", "time", "event", c("age", "sex", "ph.ecog"))
veteran <- spec("veteran", "veteran.csv", "time", "status", c("trt", "karno", "age"))
colon_adj <- spec("colon adjusted", "extra/colon.csv", "time", "status", c("rx", "sex", "age", "obstruct", "nodes", "extent", "differ"), list(rx = "Obs"))
colon_all <- spec("colon every covariate", "cox-checks/colon-full.csv", "time", "status",
  c("rx", "sex", "age", "obstruct", "perfor", "adhere", "nodes", "extent", "differ", "surg"), list(rx = "Obs"))
colon_strata <- spec("colon adjusted strata extent", "extra/colon.csv", "time", "status", c("rx", "sex", "age", "nodes"), list(rx = "Obs"), strata = "extent")
veteran_cell <- spec("veteran celltype", "veteran.csv", "time", "status", c("trt", "celltype", "karno"), list(celltype = "squamous"))
toy <- spec("toy", "cox-checks/zph-toy.csv", "time", "status", c("x"), ties = "breslow")
strata_edge <- spec("strata edge", "cox-checks/zph-strata.csv", "time", "event", c("x", "g"), list(g = "lo"), strata = "s")
single_edge <- spec("strata single event", "cox-checks/zph-strata-single-event.csv", "time", "event", c("x", "g"), list(g = "lo"), strata = "s")
few_times <- spec("few event times", "cox-checks/zph-few-times.csv", "time", "event", c("x"))
tie_edge <- spec("boundary ties", "cox-checks/zph-ties.csv", "time", "event", c("x", "z"))

zph <- list(
  zph_case(lung), zph_case(veteran),
  zph_case(colon_adj, "km"), zph_case(colon_adj, "rank"), zph_case(colon_adj, "identity"), zph_case(colon_adj, "log"),
  zph_case(modifyList(colon_adj, list(name = "colon adjusted breslow", ties = "breslow"))),
  zph_case(colon_all), zph_case(colon_strata), zph_case(modifyList(colon_strata, list(name = "colon adjusted strata extent breslow", ties = "breslow")), "rank"),
  zph_case(veteran_cell, "identity"),
  zph_case(toy, "identity"), zph_case(modifyList(toy, list(name = "toy efron", ties = "efron")), "log"),
  zph_case(strata_edge), zph_case(strata_edge, "rank"), zph_case(single_edge),
  zph_case(few_times), zph_case(tie_edge),
  zph_case(spec("constant k", "extra/monotone.csv", "time", "event", c("x1", "k"))),
  zph_case(spec("collinear x2", "extra/monotone.csv", "time", "event", c("x1", "x2")), "rank"), zph_case(tie_edge, "log"), zph_case(modifyList(tie_edge, list(name = "boundary ties breslow", ties = "breslow")), "rank"))
zph_one_time <- tryCatch({ cox.zph(fit_cox(spec("one event time", "cox-checks/zph-one-time.csv", "time", "event", c("x")))); "no error" },
                         error = function(e) conditionMessage(e))

# A model with a spline and an interaction term (pnen cox --spline age:3 --interaction sex:ph.ecog):
# cox.zph tests each term's columns together, the concordance is that of the whole linear predictor.
terms_fit <- coxph(Surv(time, event) ~ splines::ns(age, 3) + sex + ph.ecog + sex:ph.ecog, data = read_data("lung.csv"))
terms_zph <- cox.zph(terms_fit)$table
zph_terms <- list(name = "lung spline and interaction", kind = "zph_terms", data = "lung.csv", time = "time", event = "event",
  covariates = I(c("age", "sex", "ph.ecog")), spline = "age:3", interaction = "sex:ph.ecog",
  table = data.frame(term = c("age", "sex", "ph.ecog", "sex:ph.ecog", "GLOBAL"), chisq = terms_zph[, "chisq"], df = terms_zph[, "df"], p = terms_zph[, "p"]),
  c = unname(terms_fit$concordance["concordance"]), se = unname(terms_fit$concordance["std"]))

# Concordance of every Cox model in the other reference files, and of the ones above.
as_spec <- function(c) spec(c$name, c$data, c$time, c$event, c$covariates,
  if (is.list(c$categorical)) c$categorical else list(), if (is.character(c$strata)) c$strata else NULL, c$ties)
base_cases <- Filter(function(c) c$kind == "cox", fromJSON("../r-reference.json", simplifyVector = FALSE)$cases)
extra_cases <- Filter(function(c) c$kind == "cox", fromJSON("../extra/r-reference-extra.json", simplifyVector = FALSE)$cases)
for (i in seq_along(extra_cases)) extra_cases[[i]]$data <- file.path("extra", extra_cases[[i]]$data)
concordance <- c(lapply(c(base_cases, extra_cases), function(c) concordance_case(as_spec(c))),
  lapply(list(lung, veteran, colon_adj, colon_all, colon_strata, veteran_cell, toy, strata_edge, single_edge, few_times, tie_edge,
              spec("colon rx only", "extra/colon.csv", "time", "status", c("rx"), list(rx = "Obs"))), concordance_case))

# concordance() of a single predictor, as ConcordanceIndex.Compute takes it (timefix = TRUE).
direct_case <- function(name, data, time, event, predictor, strata = NULL, weights = NULL, reverse = FALSE) {
  d <- read_data(data)
  rhs <- if (is.null(strata)) predictor else sprintf("%s + strata(%s)", predictor, strata)
  f <- as.formula(sprintf("Surv(%s, %s) ~ %s", time, event, rhs))
  fit <- if (is.null(weights)) concordance(f, data = d, reverse = reverse) else concordance(f, data = d, reverse = reverse, weights = d[[weights]])
  count <- if (is.matrix(fit$count)) colSums(fit$count) else fit$count
  list(name = name, kind = "concordance_direct", data = data, time = time, event = event, predictor = predictor, strata = strata,
       weights = weights, reverse = reverse, c = fit$concordance, se = sqrt(fit$var), concordant = unname(count["concordant"]),
       discordant = unname(count["discordant"]), tied_x = unname(count["tied.x"]), tied_y = unname(count["tied.y"]),
       tied_xy = unname(count["tied.xy"]))
}
concordance <- c(concordance, list(
  direct_case("veteran karno", "veteran.csv", "time", "status", "karno"),
  direct_case("colon nodes strata sex reverse", "extra/colon.csv", "time", "status", "nodes", strata = "sex", reverse = TRUE),
  direct_case("veteran karno weighted by diagtime", "veteran.csv", "time", "status", "karno", weights = "diagtime"),
  direct_case("veteran karno weighted by prior (zero weights)", "veteran.csv", "time", "status", "karno", weights = "prior"),
  direct_case("rats rx strata litter", "extra/rats.csv", "time", "status", "rx", strata = "litter", reverse = TRUE)))

firth <- list(
  firth_case(spec("breast", "cox-checks/breast.csv", "TIME", "CENS", c("T", "N", "G", "CD"))),
  firth_case(spec("monotone arm C", "extra/monotone.csv", "time", "event", c("arm", "x1"), list(arm = "A"))),
  firth_case(spec("monotone arm C 90%", "extra/monotone.csv", "time", "event", c("arm", "x1"), list(arm = "A")), conf_level = 0.9),
  firth_case(spec("separation", "cox-checks/firth-separation.csv", "time", "event", c("exposed", "w"))),
  firth_case(lung),
  firth_case(veteran_cell),
  firth_case(spec("kidney", "extra/kidney.csv", "time", "status", c("age", "sex", "disease"), list(disease = "Other"))))

out <- list(provenance = sprintf("%s, survival %s, coxphf %s (CRAN source, github.com/cran/coxphf 68910ed); written by make-reference.R in this folder",
                                 R.version.string, packageVersion("survival"), packageVersion("coxphf")),
            zph_one_event_time_error = zph_one_time,
            cases = c(zph, list(zph_terms), concordance, firth))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", null = "null", dataframe = "rows", pretty = FALSE), "cox-checks.json")
