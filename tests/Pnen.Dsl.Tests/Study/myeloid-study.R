# Expected values of MyeloidStudyTests, computed independently with R 4.2.2 and survival 3.5-3:
#   Rscript myeloid-study.R ../../TestData/cox-core/myeloid.csv > myeloid-study.expected.json
# The plan (MyeloidStudy.cs): transplant as a time-dependent exposure (txtime), a crude and an adjusted
# (treatment arm) model, survival at 365 days by current transplant (Simon-Makuch), landmarks at 100
# and 200 days, and the subgroup "Arm B" with its P for interaction.
library(survival)
library(jsonlite)
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
d$trt <- factor(d$trt, levels = c("A", "B"))
d$transplanted <- factor(ifelse(d$transplanted == 1, "Yes", "No"), levels = c("No", "Yes"))
td <- tmerge(d[, c("id", "trt")], d, id = id, death = event(futime, death), tx = tdc(txtime))
td$tx <- factor(ifelse(td$tx == 1, "Yes", "No"), levels = c("No", "Yes"))
hr <- function(fit, term) {
  s <- summary(fit); list(hr = unname(s$conf.int[term, "exp(coef)"]), lower = unname(s$conf.int[term, "lower .95"]),
                          upper = unname(s$conf.int[term, "upper .95"]), p = unname(s$coefficients[term, "Pr(>|z|)"]))
}
landmark <- function(t) {
  l <- subset(d, futime > t)
  l$time <- l$futime - t
  l$tx <- factor(ifelse(!is.na(l$txtime) & l$txtime <= t, "Yes", "No"), levels = c("No", "Yes"))
  list(n = nrow(l), events = sum(l$death), exposed = sum(l$tx == "Yes"),
       crude = hr(coxph(Surv(time, death) ~ tx, data = l), "txYes"),
       adjusted = hr(coxph(Surv(time, death) ~ tx + trt, data = l), "txYes"))
}
sm <- survfit(Surv(tstart, tstop, death) ~ tx, data = td)
s <- summary(sm, times = 365)
b <- subset(td, TRUE); b$armB <- factor(ifelse(b$trt == "B", "yes", "no"), levels = c("no", "yes"))
interaction <- anova(coxph(Surv(tstart, tstop, death) ~ tx + armB, data = b), coxph(Surv(tstart, tstop, death) ~ tx * armB, data = b))
out <- list(
  provenance = "R 4.2.2, survival 3.5-3: tests/Pnen.Dsl.Tests/Study/myeloid-study.R on tests/TestData/cox-core/myeloid.csv",
  naive = list(crude = hr(coxph(Surv(futime, death) ~ transplanted, data = d), "transplantedYes"),
               adjusted = hr(coxph(Surv(futime, death) ~ transplanted + trt, data = d), "transplantedYes")),
  time_dependent = list(crude = hr(coxph(Surv(tstart, tstop, death) ~ tx, data = td), "txYes"),
                        adjusted = hr(coxph(Surv(tstart, tstop, death) ~ tx + trt, data = td), "txYes"),
                        arm_b = hr(coxph(Surv(tstart, tstop, death) ~ tx + trt, data = td), "trtB")),
  simon_makuch_365 = list(No = s$surv[1], Yes = s$surv[2], no_risk = s$n.risk[1], yes_risk = s$n.risk[2]),
  landmark_100 = landmark(100), landmark_200 = landmark(200),
  arm_b_interaction = list(chisq = interaction$Chisq[2], df = interaction$Df[2], p = interaction[["Pr(>|Chi|)"]][2]))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
