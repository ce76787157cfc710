# Expected values of LungModelsStudyTests, computed independently with R 4.2.2 and survival 3.5-3:
#   Rscript lung-models.R ../../TestData/lung.csv > lung-models.expected.json
# The plan (LungModelsStudy.cs): stratified by ECOG (0-1 vs 2-3; records without ECOG leave the
# stratified tests and models); exposure sex (male reference); characteristics age (continuous) and
# weight loss <= 10 lb; a crude model; an adjusted model (Breslow ties) of sex + age per 10 years +
# weight loss + ns(ph.karno, 3) + sex:weight loss; survival at 180 and 365 days; RMST to 365 days;
# the subgroup "Older" (age >= 65) with its P for interaction.
library(survival)
library(splines)
library(jsonlite)
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
d$sex <- factor(ifelse(d$sex == 1, "Male", "Female"), levels = c("Male", "Female"))
d$ecog <- factor(ifelse(d$ph.ecog <= 1, "0-1", "2-3"), levels = c("0-1", "2-3"))
d$wtloss <- factor(ifelse(d$wt.loss <= 10, "<=10 lb", ">10 lb"), levels = c("<=10 lb", ">10 lb"))
d$age10 <- d$age / 10
d$older <- factor(ifelse(d$age >= 65, "yes", "no"), levels = c("no", "yes"))

coefficients <- function(fit) {
  cf <- summary(fit)$coefficients; ci <- summary(fit)$conf.int
  lapply(setNames(rownames(cf), rownames(cf)), function(t) list(hr = unname(ci[t, "exp(coef)"]), lower = unname(ci[t, "lower .95"]),
                                                                  upper = unname(ci[t, "upper .95"]), p = unname(cf[t, "Pr(>|z|)"])))
}
lrt <- function(small, big) { a <- anova(small, big); list(chisq = a$Chisq[2], df = a$Df[2], p = a[["Pr(>|Chi|)"]][2]) }
strat <- subset(d, !is.na(ecog))

crude <- coxph(Surv(time, event) ~ sex + strata(ecog), data = d)
complete <- na.omit(d[, c("time", "event", "sex", "age10", "wtloss", "ph.karno", "ecog")])
adjusted <- coxph(Surv(time, event) ~ sex + age10 + wtloss + ns(ph.karno, df = 3) + sex:wtloss + strata(ecog), data = complete, ties = "breslow")
without_interaction <- coxph(Surv(time, event) ~ sex + age10 + wtloss + ns(ph.karno, df = 3) + strata(ecog), data = complete, ties = "breslow")
linear <- coxph(Surv(time, event) ~ sex + age10 + wtloss + ph.karno + sex:wtloss + strata(ecog), data = complete, ties = "breslow")
without_spline <- coxph(Surv(time, event) ~ sex + age10 + wtloss + sex:wtloss + strata(ecog), data = complete, ties = "breslow")

km <- survfit(Surv(time, event) ~ sex, data = d)
s <- summary(km, times = c(180, 365))
rm <- summary(km, rmean = 365)$table
age_model <- coxph(Surv(time, event) ~ age + strata(ecog), data = d)
wt_model <- coxph(Surv(time, event) ~ wtloss + strata(ecog), data = d)
wt_logrank <- survdiff(Surv(time, event) ~ wtloss + strata(ecog), data = d)
sex_logrank <- survdiff(Surv(time, event) ~ sex + strata(ecog), data = d)

out <- list(
  provenance = "R 4.2.2, survival 3.5-3: tests/Pnen.Dsl.Tests/Study/lung-models.R on tests/TestData/lung.csv",
  n = nrow(d), stratified_n = nrow(strat),
  exposure_logrank_p = pchisq(sex_logrank$chisq, 1, lower.tail = FALSE),
  age_wald_p = unname(summary(age_model)$coefficients["age", "Pr(>|z|)"]),
  age_hr = unname(summary(age_model)$conf.int["age", "exp(coef)"]),
  wtloss_logrank_p = pchisq(wt_logrank$chisq, 1, lower.tail = FALSE),
  wtloss_hr = coefficients(wt_model)[["wtloss>10 lb"]],
  crude = list(n = crude$n, events = crude$nevent, terms = coefficients(crude)),
  adjusted = list(n = adjusted$n, events = adjusted$nevent, terms = coefficients(adjusted),
                  interaction = lrt(without_interaction, adjusted), nonlinearity = lrt(linear, adjusted), spline = lrt(without_spline, adjusted),
                  knots = unname(c(attr(ns(complete$ph.karno, df = 3), "Boundary.knots")[1], attr(ns(complete$ph.karno, df = 3), "knots"),
                                   attr(ns(complete$ph.karno, df = 3), "Boundary.knots")[2]))),
  survival = list(Male = list(surv = s$surv[s$strata == "sex=Male"], lower = s$lower[s$strata == "sex=Male"], upper = s$upper[s$strata == "sex=Male"], n_risk = s$n.risk[s$strata == "sex=Male"]),
                  Female = list(surv = s$surv[s$strata == "sex=Female"], lower = s$lower[s$strata == "sex=Female"], upper = s$upper[s$strata == "sex=Female"], n_risk = s$n.risk[s$strata == "sex=Female"])),
  rmst = list(Male = list(mean = unname(rm["sex=Male", "rmean"]), se = unname(rm["sex=Male", "se(rmean)"])),
              Female = list(mean = unname(rm["sex=Female", "rmean"]), se = unname(rm["sex=Female", "se(rmean)"]))),
  older_interaction = lrt(coxph(Surv(time, event) ~ sex + older + strata(ecog), data = strat), coxph(Surv(time, event) ~ sex * older + strata(ecog), data = strat)))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "\n")
