# Writes the SPSS, Stata and Excel fixtures of tests/TestData/formats and the CSV file each of them
# must read as. Run from this folder with R 4.2.2, haven 2.5 and openxlsx 4.2:
#
#   Rscript make-fixtures.R
#
# cohort.csv is what every other file must read as (labels as text, missing values empty, dates
# ISO 8601). The Parquet fixture is written from cohort.csv by make-parquet.cs (no R arrow here).
# Every value is deterministic: 40 patients of survival::veteran (20 of each arm) plus made-up columns.

suppressPackageStartupMessages({
  library(haven)
  library(openxlsx)
  library(survival)
})

n <- 40
v <- survival::veteran[c(1:20, 70:89), ]               # both arms: trt 1 (rows 1-20), trt 2 (rows 70-89)
i <- seq_len(n)

# --- The data as values: what the files hold ---------------------------------------------------
id <- sprintf("V%03d", i)
time <- v$time
status <- v$status                                   # 0/1, no labels: read as numbers
trt <- v$trt                                         # 1/2, labelled
sex <- ifelse((i * 7) %% 3 == 0, 2, 1)               # 1/2, labelled
stage <- as.integer(v$celltype)                      # 1..4, labelled; 9 = unknown (missing)
stage[i %% 11 == 0] <- 9
karno <- v$karno                                     # labels on only two values: read as numbers
age <- as.numeric(v$age)
age[i %% 13 == 0] <- NA                              # system-missing / "."
smoker <- ifelse(i %% 4 == 0, 0, 1)                  # 0/1 labelled; 8 = refused (missing)
smoker[i %% 9 == 0] <- 8
centre <- c("Zürich", "São Paulo", "Kraków", "Île-de-France", "Москва", "東京")[(i %% 6) + 1]
diagnosed <- as.Date("2015-01-01") + i * 17
score <- round(v$diagtime * 1.25 + i / 8, 3)         # a double with decimals
note <- ifelse(i %% 10 == 0, trimws(strrep(paste0("Long note ", i, " ü. "), 25)), "")   # > 255 bytes: SPSS very long string, Stata strL (SPSS pads strings with blanks, so none ends in one)
note[i == 3] <- "short, with a comma"

trt_labels <- c(standard = 1, test = 2)
sex_labels <- c(Male = 1, Female = 2)
stage_labels <- c(squamous = 1, smallcell = 2, adeno = 3, large = 4, Unknown = 9)
karno_labels <- c(Moribund = 10, Normal = 100)
smoker_labels <- c(No = 0, Yes = 1, Refused = 8)

# --- The equivalent CSV: labels as text, user-missing and "." empty --------------------------
label_of <- function(x, labels, missing = numeric()) {
  out <- names(labels)[match(x, labels)]
  out[x %in% missing | is.na(x)] <- NA
  out
}
csv <- data.frame(
  id = id, time = time, status = status,
  trt = label_of(trt, trt_labels),
  sex = label_of(sex, sex_labels),
  stage = label_of(stage, stage_labels, missing = 9),
  karno = karno, age = age,
  smoker = label_of(smoker, smoker_labels, missing = 8),
  centre = centre, diagnosed = format(diagnosed, "%Y-%m-%d"), score = score,
  note = ifelse(note == "", NA, note),
  stringsAsFactors = FALSE)
write.csv(csv, "cohort.csv", row.names = FALSE, na = "", fileEncoding = "UTF-8")

# --- SPSS: value labels, user-missing values, variable labels --------------------------------
with_label <- function(x, label) { attr(x, "label") <- label; x }
sav <- data.frame(id = id, time = time, status = status, stringsAsFactors = FALSE)
sav$time <- with_label(sav$time, "Survival time, days")
sav$status <- with_label(sav$status, "Died")
sav$trt <- labelled(trt, trt_labels, label = "Treatment arm")
sav$sex <- labelled(sex, sex_labels, label = "Sex")
sav$stage <- labelled_spss(stage, stage_labels, na_values = 9, label = "Cell type")
sav$karno <- labelled(karno, karno_labels, label = "Karnofsky score")
sav$age <- with_label(age, "Age, years")
sav$smoker <- labelled_spss(smoker, smoker_labels, na_values = 8, label = "Smoker")
sav$centre <- with_label(centre, "Centre")
sav$diagnosed <- with_label(diagnosed, "Date of diagnosis")
sav$score <- score
sav$note <- with_label(note, "Free-text note")
write_sav(sav, "cohort.sav", compress = "byte")
write_sav(sav, "cohort-uncompressed.sav", compress = "none")
write_sav(sav, "cohort.zsav", compress = "zsav")

# --- Stata: value labels, extended missing values .a (refused) and .u (unknown) --------------
dta <- sav
dta$stage <- labelled(ifelse(stage == 9, tagged_na("u"), stage), stage_labels[1:4], label = "Cell type")
dta$smoker <- labelled(ifelse(smoker == 8, tagged_na("a"), smoker), c(smoker_labels[1:2], Refused = tagged_na("a")), label = "Smoker")
dta_age <- ifelse(is.na(age), tagged_na("b"), age)
dta_age[which(is.na(age))[1]] <- NA_real_              # the first missing age a plain ".", the others ".b"
dta$age <- with_label(dta_age, "Age, years")
write_dta(dta, "cohort-117.dta", version = 13, strl_threshold = 100)
write_dta(dta, "cohort-118.dta", version = 14, strl_threshold = 100)
write_dta(dta, "cohort-119.dta", version = 15, strl_threshold = 100)

# --- Excel: labels as text, dates as dates (numbers with a date format), blanks for missing ----
xlsx <- csv
xlsx$diagnosed <- diagnosed
wb <- createWorkbook()
addWorksheet(wb, "Cohort")
writeData(wb, "Cohort", xlsx, keepNA = FALSE)
addWorksheet(wb, "Readme")
writeData(wb, "Readme", data.frame(about = "The cohort is on the first sheet"))
saveWorkbook(wb, "cohort.xlsx", overwrite = TRUE)

# --- Edge cases ---------------------------------------------------------------------------------
# A labelled event indicator (0 = Alive, 1 = Dead): reads as its labels, and as its codes where a
# 0/1 event is needed.
ev <- data.frame(time = time[1:12], status = labelled(status[1:12], c(Alive = 0, Dead = 1), label = "Vital status"),
                 arm = labelled(trt[1:12], trt_labels))
write_sav(ev, "event-labelled.sav")
write_dta(ev, "event-labelled.dta", version = 14)
write.csv(data.frame(time = time[1:12], status = status[1:12], arm = label_of(trt[1:12], trt_labels)),
          "event-labelled.csv", row.names = FALSE)

# A sheet with a blank row above the header, a blank row between records, and a value in column C,
# right of the header's last name (row 4 under the header): refused, naming the row and column.
wb <- createWorkbook()
addWorksheet(wb, "Edge")
writeData(wb, "Edge", data.frame(time = c(5, 8, NA, 3), status = c(1, 0, NA, 1)), startRow = 2, keepNA = FALSE)
writeData(wb, "Edge", "stray", startCol = 3, startRow = 6)
saveWorkbook(wb, "edge.xlsx", overwrite = TRUE)

cat("wrote", length(list.files(pattern = "\\.(csv|sav|zsav|dta|xlsx)$")), "files\n")

# --- Self-check: haven reads each file back as cohort.csv ---------------------------------------
as_csv <- function(d) {
  d[] <- lapply(d, function(x) {
    if (is.labelled(x) && all(na.omit(unclass(x)) %in% attr(x, "labels"))) {
      missing <- is.na(x)                               # .a-.z are missing even when labelled
      x <- as.character(as_factor(x, levels = "labels"))
      x[missing] <- NA
    }
    x <- zap_labels(x)
    if (inherits(x, "Date")) x <- format(x, "%Y-%m-%d")
    if (is.character(x)) x[!is.na(x) & x == ""] <- NA
    attributes(x) <- NULL
    x
  })
  as.data.frame(d, stringsAsFactors = FALSE)
}
expected <- read.csv("cohort.csv", stringsAsFactors = FALSE, na.strings = "", encoding = "UTF-8")
for (f in c("cohort.sav", "cohort-uncompressed.sav", "cohort.zsav")) stopifnot(isTRUE(all.equal(as_csv(read_sav(f)), expected, check.attributes = FALSE)))
for (f in c("cohort-117.dta", "cohort-118.dta", "cohort-119.dta")) stopifnot(isTRUE(all.equal(as_csv(read_dta(f, encoding = "UTF-8")), expected, check.attributes = FALSE)))
x <- read.xlsx("cohort.xlsx", sheet = 1, detectDates = TRUE)
x$diagnosed <- format(x$diagnosed, "%Y-%m-%d")
stopifnot(isTRUE(all.equal(x, expected, check.attributes = FALSE)))
cat("every file reads back as cohort.csv\n")
