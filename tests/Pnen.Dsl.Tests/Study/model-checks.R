# Expected values of ModelChecksTests, computed independently with R 4.2.2, survival 3.5-3 and
# coxphf 1.13 (CRAN source, installed with `R CMD INSTALL -l LIB coxphf`), in this folder:
#   R_LIBS=LIB Rscript model-checks.R ../../TestData/lung.csv ../../TestData/cox-checks/firth-separation.csv \
#     ../../../examples/PnenSurgery/Data/pnen-shm-synthetic.csv > model-checks.expected.json
# The plans (LungChecksStudy.cs, SeparationStudy.cs) state the same models:
# - lung: exposure sex (male reference); models crude; adjusted (sex + age per 10 years + ECOG 0-1 vs 2-3
#   + weight loss + ns(ph.karno, 3)); stratified by ECOG (Breslow ties) with age per 10; the interaction
#   sex x ECOG; age per 10 with the robust variance clustered by institution; age per 10 by Firth's
#   method. For each: cox.zph (km transform) per term and global, summary(coxph)$concordance, and for
#   two terms the data of plot.cox.zph (residuals, and the smooth with its band, computed as
#   plot.cox.zph computes them).
# - firth-separation: every exposed record is censored. coxphf of exposed alone (the univariable and
#   crude models' Firth estimate) and of exposed + w (the adjusted model's, and the model declared with
#   .Firth()).
# - the PnenSurgery example (examples/PnenSurgery/PnenSurgeryStudy.cs) on its synthetic cohort: the final
#   cohort's crude model and the multivariable model its screen selects there (surgery + age < 60 vs
#   >= 60 + extrahepatic metastasis + HM diameter <= 40 vs > 40 mm + grading, NEC the reference + SSA;
#   Efron ties), cox.zph and concordance; and coxphf of the univariable models whose coefficient runs off
#   to infinity: HM distribution in hn-pNET-sHM and lymph node metastasis in pNEC-sHM.
library(survival)
library(splines)
library(coxphf)
library(jsonlite)
stopifnot(packageVersion("survival") == "3.5.3", packageVersion("coxphf") == "1.13")
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
d$sex <- factor(ifelse(d$sex == 1, "Male", "Female"), levels = c("Male", "Female"))
d$ecog <- factor(ifelse(d$ph.ecog <= 1, "0-1", "2-3"), levels = c("0-1", "2-3"))
d$age10 <- d$age / 10

zph_table <- function(fit) {
  z <- cox.zph(fit)
  t <- z$table
  setNames(lapply(rownames(t), function(r) list(chisq = unname(t[r, "chisq"]), df = unname(t[r, "df"]), p = unname(t[r, "p"]))), rownames(t))
}
concordance <- function(fit) {
  c <- summary(fit)$concordance
  list(c = unname(c[1]), se = unname(c[2]))
}
# plot.cox.zph's smooth for column i: ns(df = 4, intercept = TRUE) on 40 points of the transformed
# time, least squares on the residuals, band = fit +- 2 sqrt(var[i, i] * x' (X'X)^-1 x).
smooth <- function(z, i) {
  xx <- z$x; yy <- z$y[, i]; keep <- !is.na(yy)
  pred.x <- seq(from = min(xx), to = max(xx), length = 40)
  lmat <- ns(c(pred.x, xx), df = 4, intercept = TRUE)
  pmat <- lmat[1:40, ]; xmat <- lmat[-(1:40), ][keep, ]
  qmat <- qr(xmat)
  yhat <- pmat %*% qr.coef(qmat, yy[keep])
  bk <- backsolve(qmat$qr[1:4, 1:4], diag(4))
  seval <- ((pmat %*% (bk %*% t(bk))) * pmat) %*% rep(1, 4)
  band <- 2 * sqrt(z$var[i, i] * seval)
  list(x = pred.x, fit = c(yhat), lower = c(yhat - band), upper = c(yhat + band))
}
coefficients <- function(fit) {
  s <- summary(fit)$coefficients; ci <- summary(fit)$conf.int
  robust <- "robust se" %in% colnames(s)
  lapply(setNames(rownames(s), rownames(s)), function(t) list(
    hr = unname(ci[t, "exp(coef)"]), lower = unname(ci[t, "lower .95"]), upper = unname(ci[t, "upper .95"]),
    p = unname(s[t, "Pr(>|z|)"]), se = unname(s[t, if (robust) "robust se" else "se(coef)"]), naive_se = unname(s[t, "se(coef)"])))
}
checks <- function(fit) list(n = fit$n, events = fit$nevent, terms = coefficients(fit), zph = zph_table(fit), concordance = concordance(fit))
firth <- function(fit) {
  lapply(setNames(names(fit$coefficients), names(fit$coefficients)), function(t) list(
    coef = unname(fit$coefficients[t]), hr = unname(exp(fit$coefficients[t])), lower = unname(fit$ci.lower[t]), upper = unname(fit$ci.upper[t]),
    p = unname(fit$prob[t])))
}
# Harrell's C of Firth's linear predictor, as summary(coxph) computes it for its own.
firth_concordance <- function(fit, data) {
  lp <- c(model.matrix(fit$formula, data)[, -1, drop = FALSE] %*% fit$coefficients)
  c <- concordancefit(Surv(data$time, data$event), lp, reverse = TRUE)
  list(c = c$concordance, se = sqrt(c$var))
}

adjusted_data <- na.omit(d[, c("time", "event", "sex", "age10", "ecog", "wt.loss", "ph.karno")])
ecog_data <- subset(d, !is.na(ecog))
crude <- coxph(Surv(time, event) ~ sex, data = d)
adjusted <- coxph(Surv(time, event) ~ sex + age10 + ecog + wt.loss + ns(ph.karno, df = 3), data = adjusted_data)
stratified <- coxph(Surv(time, event) ~ sex + age10 + strata(ecog), data = ecog_data, ties = "breslow")
interaction <- coxph(Surv(time, event) ~ sex + ecog + sex:ecog, data = ecog_data)
clustered <- coxph(Surv(time, event) ~ sex + age10, cluster = inst, data = subset(d, !is.na(inst)))
penalised <- coxphf(Surv(time, event) ~ sex + age10, data = d[, c("time", "event", "sex", "age10")])
penalised_ordinary <- coxph(Surv(time, event) ~ sex + age10, data = d, ties = "breslow")

crude_zph <- cox.zph(crude)
adjusted_zph <- cox.zph(adjusted)

s <- read.csv(args[2])
s$exposed <- factor(ifelse(s$exposed == 1, "Yes", "No"), levels = c("No", "Yes"))
alone <- coxphf(Surv(time, event) ~ exposed, data = s)
with_w <- coxphf(Surv(time, event) ~ exposed + w, data = s)
flagged <- suppressWarnings(coxph(Surv(time, event) ~ exposed, data = s))

p <- read.csv(args[3])
p <- subset(p, metachronous == 0 & grade != "" & hepatic_without_primary == 0 & perioperative_death == 0)
p$surgery <- factor(p$surgery, levels = c("NR", "PR", "PHR"))
p$age60 <- factor(ifelse(p$age < 60, "<60", ">=60"), levels = c("<60", ">=60"))
p$hm40 <- factor(ifelse(p$hm_diameter_mm <= 40, "<=40", ">40"), levels = c("<=40", ">40"))
p$grade <- factor(p$grade, levels = c("NEC", "G1", "G2", "G3"))
p$hm_distribution <- factor(p$hm_distribution, levels = c("Unilobar", "Bilobar"))
p$lymph <- factor(p$lymph_node_mets, levels = 0:1, labels = c("No", "Yes"))
pnen_crude <- coxph(Surv(os_months, died) ~ surgery, data = p)
pnen_multivariable <- coxph(Surv(os_months, died) ~ surgery + age60 + extrahepatic_mets + hm40 + grade + ssa,
                            data = na.omit(p[, c("os_months", "died", "surgery", "age60", "extrahepatic_mets", "hm40", "grade", "ssa")]))
hn <- subset(p, grade != "NEC" & location == "HeadNeck" & extrahepatic_mets == 0)
nec <- subset(p, grade == "NEC")
hn_flagged <- suppressWarnings(coxph(Surv(os_months, died) ~ hm_distribution, data = hn))
nec_flagged <- suppressWarnings(coxph(Surv(os_months, died) ~ lymph, data = subset(nec, !is.na(lymph))))

out <- list(
  provenance = "R 4.2.2, survival 3.5-3, coxphf 1.13: tests/Pnen.Dsl.Tests/Study/model-checks.R on tests/TestData/lung.csv and tests/TestData/cox-checks/firth-separation.csv",
  lung = list(
    crude = c(checks(crude), list(plot = list(x = crude_zph$x, sex = list(y = unname(crude_zph$y[, "sex"]), smooth = smooth(crude_zph, 1))))),
    adjusted = c(checks(adjusted), list(plot = list(x = adjusted_zph$x, spline = list(y = unname(adjusted_zph$y[, 5]), smooth = smooth(adjusted_zph, 5))))),
    stratified = checks(stratified),
    interaction = checks(interaction),
    clustered = c(checks(clustered), list(clusters = length(unique(subset(d, !is.na(inst))$inst)))),
    penalised = list(n = penalised$n, terms = firth(penalised), concordance = firth_concordance(penalised, d),
                     zph = zph_table(penalised_ordinary))),
  separation = list(
    ordinary_flagged = abs(coef(flagged)[["exposedYes"]]) > 10,
    alone = firth(alone),
    with_w = c(list(terms = firth(with_w)), list(concordance = firth_concordance(with_w, s)))),
  pnen = list(
    n = nrow(p),
    crude = list(zph = zph_table(pnen_crude), concordance = concordance(pnen_crude)),
    multivariable = list(n = pnen_multivariable$n, zph = zph_table(pnen_multivariable), concordance = concordance(pnen_multivariable)),
    hn_hm_distribution = list(n = nrow(hn), ordinary_flagged = abs(coef(hn_flagged)[[1]]) > 10,
                              firth = firth(coxphf(Surv(os_months, died) ~ hm_distribution, data = hn[, c("os_months", "died", "hm_distribution")]))),
    nec_lymph = list(n = nrow(nec), ordinary_flagged = abs(coef(nec_flagged)[[1]]) > 10,
                     firth = firth(coxphf(Surv(os_months, died) ~ lymph, data = na.omit(nec[, c("os_months", "died", "lymph")]))))))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "\n")
