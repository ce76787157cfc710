# Reference values of the distribution functions Pnen.Stats takes from MathNet.Numerics: upper tails
# computed directly (lower.tail = FALSE) down to about 1e-300, lower tails, quantiles and log-gamma.
# Run from this folder with R 4.2.2:  Rscript make-reference.R   (writes distributions-reference.json)

library(jsonlite)

num <- function(x) sprintf("%.17g", x)
rows <- list()
add <- function(fn, args, value) rows[[length(rows) + 1]] <<- c(list(fn = fn), lapply(args, num), list(value = num(value)))

# Standard normal: upper tails from the centre to 1e-300 (z = 37), lower tails, two-sided p.
for (z in c(0, 0.5, 1, 1.959963984540054, 2.5, 3, 5, 8, 10, 12.5, 15, 20, 25, 30, 35, 37, 37.5)) {
  add("pnorm_upper", list(z = z), pnorm(z, lower.tail = FALSE))
  add("pnorm_lower", list(z = -z), pnorm(-z))
  add("pnorm_two_sided", list(z = z), 2 * pnorm(-abs(z)))
}
for (z in c(-3, -1, 0.3, 1.2, 2)) add("pnorm_lower", list(z = z), pnorm(z))

# Normal quantiles, deep tails included.
for (p in c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999, 1 - 1e-10)) {
  add("qnorm", list(p = p), qnorm(p))
}

# Chi-square upper tails: statistics up to where p reaches about 1e-300.
for (df in c(1, 2, 3, 4, 5, 7, 10, 30, 100)) {
  for (x in c(0.001, 0.1, 0.5, 1, 2, 3.84, 10, 30, 100, 300, 600, 1000, 1300)) {
    p <- pchisq(x, df, lower.tail = FALSE)
    if (p > 1e-305) add("pchisq_upper", list(x = x, df = df), p)
  }
}

# Student's t: two-sided p and upper tail.
for (df in c(1, 2, 3, 5, 10, 30, 100, 1000, 1e5)) {
  for (t in c(0.1, 0.5, 1, 2, 2.1, 3, 5, 10, 40, 100, 1000, 1e5)) {
    p <- 2 * pt(-abs(t), df)
    if (p > 1e-305) {
      add("pt_two_sided", list(t = t, df = df), p)
      add("pt_upper", list(t = t, df = df), pt(t, df, lower.tail = FALSE))
    }
  }
  add("pt_upper", list(t = -2, df = df), pt(-2, df, lower.tail = FALSE))
}

# F upper tails.
for (d in list(c(1, 10), c(2, 30), c(3, 133), c(5, 100), c(10, 1000), c(3, 3), c(1, 1), c(20, 5))) {
  for (f in c(0.1, 0.5, 0.769979686964999, 1, 2, 5, 10, 50, 100, 1000, 1e5, 1e10)) {
    p <- pf(f, d[1], d[2], lower.tail = FALSE)
    if (p > 1e-305) add("pf_upper", list(f = f, df1 = d[1], df2 = d[2]), p)
  }
}

# Gamma and beta functions.
for (x in c(0.01, 0.3, 0.5, 1, 1.5, 2, 3.7, 10, 100.5, 1000, 1e6)) add("lgamma", list(x = x), lgamma(x))
for (a in c(0.5, 2.5, 10)) for (x in c(0.1, 3, 20)) {
  add("gamma_p", list(a = a, x = x), pgamma(x, a))
  add("gamma_q", list(a = a, x = x), pgamma(x, a, lower.tail = FALSE))
}
for (ab in list(c(2.5, 4.5), c(0.5, 0.5), c(10, 2))) for (x in c(0.01, 0.3, 0.9)) {
  add("beta_regularized", list(a = ab[1], b = ab[2], x = x), pbeta(x, ab[1], ab[2]))
}

write_json(list(
  provenance = paste0("R ", R.version$major, ".", R.version$minor, " (stats::pnorm, qnorm, pchisq, pt, pf, lgamma, pgamma, pbeta); ",
                      "values as sprintf('%.17g'); written by tests/TestData/distributions/make-reference.R"),
  cases = rows), "distributions-reference.json", auto_unbox = TRUE, pretty = TRUE)
cat(length(rows), "cases\n")
