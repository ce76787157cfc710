# Reference values for the ColonAdjuvant example, from R 4.2.2 and survival 3.5-3:
#   cd examples/ColonAdjuvant && Rscript Audit/colon-reference.R
# Writes Data/colon-deaths.csv (the death records of survival::colon, one per patient) and
# Audit/r-reference.json (what the study plan computes, as R computes it). The plan in
# ColonAdjuvantStudy.cs states the same analyses; factor levels below follow its codebook.
library(survival)
library(splines)
library(jsonlite)
options(digits = 17)

d <- subset(colon, etype == 2)
d <- d[order(d$id), ]
csv <- data.frame(id = d$id, rx = as.character(d$rx), sex = d$sex, age = d$age, obstruct = d$obstruct,
                  perfor = d$perfor, adhere = d$adhere, nodes = d$nodes, node4 = d$node4, differ = d$differ,
                  extent = d$extent, surg = d$surg, time = d$time, status = d$status)
write.csv(csv, "Data/colon-deaths.csv", row.names = FALSE, na = "")

# The codebook's types: enums with their first level as the reference, booleans No/Yes.
d$rx <- factor(d$rx, levels = c("Obs", "Lev", "Lev+5FU"))
d$sex <- factor(d$sex, levels = c(0, 1), labels = c("Female", "Male"))
d$obstruct <- factor(d$obstruct, levels = 0:1, labels = c("No", "Yes"))
d$perfor <- factor(d$perfor, levels = 0:1, labels = c("No", "Yes"))
d$adhere <- factor(d$adhere, levels = 0:1, labels = c("No", "Yes"))
d$node4 <- factor(d$node4, levels = 0:1, labels = c("No", "Yes"))
d$differ <- factor(d$differ, levels = 1:3, labels = c("Well", "Moderate", "Poor"))
d$extent <- factor(d$extent, levels = 1:4, labels = c("Submucosa", "Muscle", "Serosa", "Contiguous structures"))
d$surg <- factor(d$surg, levels = 0:1, labels = c("Short", "Long"))
d$age10 <- d$age / 10

num <- function(x) ifelse(is.finite(x), x, NA)
hr <- function(fit, term) {
  s <- summary(fit)$coefficients; ci <- summary(fit)$conf.int
  list(hr = unname(ci[term, "exp(coef)"]), lower = unname(ci[term, "lower .95"]), upper = unname(ci[term, "upper .95"]),
       p = unname(s[term, "Pr(>|z|)"]))
}
# Each model's proportional hazards test (cox.zph, km transform: one row per term, GLOBAL last) and
# concordance (summary(coxph)$concordance: C and its standard error).
zph <- function(fit) {
  t <- cox.zph(fit)$table
  setNames(lapply(rownames(t), function(r) list(chisq = unname(t[r, "chisq"]), df = unname(t[r, "df"]), p = unname(t[r, "p"]))), rownames(t))
}
model <- function(fm, data = d) {
  fit <- coxph(fm, data = data, ties = "efron", model = TRUE) # the model frame, for cox.zph
  terms <- rownames(summary(fit)$coefficients)
  list(n = fit$n, events = fit$nevent, loglik = fit$loglik[2],
       terms = setNames(lapply(terms, function(t) hr(fit, t)), terms),
       zph = zph(fit), concordance = list(c = unname(fit$concordance["concordance"]), se = unname(fit$concordance["std"])))
}
lrt <- function(small, big, data) {
  a <- anova(coxph(small, data = data), coxph(big, data = data))
  list(chisq = a$Chisq[2], df = a$Df[2], p = a[["Pr(>|Chi|)"]][2])
}
km <- function(data) {
  fit <- survfit(Surv(time, status) ~ rx, data = data)
  tab <- summary(fit)$table
  s <- summary(fit, times = c(365, 1095, 1825), extend = TRUE)
  rm <- summary(fit, rmean = 1825)$table
  lapply(setNames(seq_along(levels(data$rx)), levels(data$rx)), function(i) {
    w <- s$strata == names(fit$strata)[i]
    list(n = unname(tab[i, "n.start"]), events = unname(tab[i, "events"]), median = num(unname(tab[i, "median"])),
         survival = s$surv[w], lower = s$lower[w], upper = s$upper[w],
         rmst = unname(rm[i, "rmean"]), rmst_se = unname(rm[i, "se(rmean)"]))
  })
}
logrank <- function(fm, data = d) { t <- survdiff(fm, data = data); pchisq(t$chisq, length(t$n) - 1, lower.tail = FALSE) }

complete <- na.omit(d[, c("time", "status", "rx", "age10", "sex", "obstruct", "perfor", "adhere", "node4", "differ", "extent", "surg", "nodes")])
adjusted <- Surv(time, status) ~ rx + age10 + sex + obstruct + perfor + adhere + node4 + differ + extent + surg
stratified <- Surv(time, status) ~ rx + age10 + sex + obstruct + node4 + differ + strata(extent)
spline_data <- na.omit(d[, c("time", "status", "rx", "age10", "sex", "differ", "extent", "nodes")])
spline <- Surv(time, status) ~ rx + age10 + sex + differ + extent + ns(nodes, df = 3)
interaction <- Surv(time, status) ~ rx + node4 + rx:node4

out <- list(
  provenance = "R 4.2.2, survival 3.5-3: examples/ColonAdjuvant/Audit/colon-reference.R on survival::colon, etype 2 (death), one record per patient",
  n = nrow(d), events = sum(d$status),
  logrank_p = logrank(Surv(time, status) ~ rx),
  univariate_p = list(sex = logrank(Surv(time, status) ~ sex), obstruct = logrank(Surv(time, status) ~ obstruct),
                      node4 = logrank(Surv(time, status) ~ node4), differ = logrank(Surv(time, status) ~ differ),
                      extent = logrank(Surv(time, status) ~ extent)),
  arms = km(d),
  crude = model(Surv(time, status) ~ rx),
  adjusted = model(adjusted),
  stratified = model(stratified),
  spline = c(model(spline, spline_data),
             list(nonlinearity = lrt(Surv(time, status) ~ rx + age10 + sex + differ + extent + nodes, spline, spline_data),
                  overall = lrt(Surv(time, status) ~ rx + age10 + sex + differ + extent, spline, spline_data),
                  knots = unname(c(attr(ns(spline_data$nodes, df = 3), "Boundary.knots")[1], attr(ns(spline_data$nodes, df = 3), "knots"),
                                   attr(ns(spline_data$nodes, df = 3), "Boundary.knots")[2])))),
  interaction = c(model(interaction), list(test = lrt(Surv(time, status) ~ rx + node4, interaction, d))),
  subgroups = list(
    more_than_4 = list(crude = model(Surv(time, status) ~ rx, subset(d, node4 == "Yes")), logrank_p = logrank(Surv(time, status) ~ rx, subset(d, node4 == "Yes"))),
    at_most_4 = list(crude = model(Surv(time, status) ~ rx, subset(d, node4 == "No")), logrank_p = logrank(Surv(time, status) ~ rx, subset(d, node4 == "No")))))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "Audit/r-reference.json")
