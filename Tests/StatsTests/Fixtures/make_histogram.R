#!/usr/bin/env Rscript
# Generates Histogram_reference.json for PrettyBreaksTests and HistogramTests: R's
# pretty(c(lo, hi), n, min.n) on random ranges of every magnitude, and hist(x, plot = FALSE) with
# Sturges breaks (the default), a given number of bins (breaks = k) and given break points.
# Run from anywhere:  Rscript Tests/StatsTests/Fixtures/make_histogram.R
# Seeded (set.seed), so deterministic. R has no JSON package here, so the JSON is written by hand;
# numbers are written with 17 significant digits (round trip), or with 15 when that already gives
# the same double back, to keep the file small; NaN and infinities as JSON5 tokens.

num1 <- function(v) {
  s <- sprintf("%.17g", v)
  short <- sprintf("%.15g", v)
  ok <- which(is.finite(v) & suppressWarnings(as.numeric(short)) == v)
  s[ok] <- short[ok]
  s[which(is.nan(v))] <- "NaN"
  s[which(v == Inf)] <- "Infinity"
  s[which(v == -Inf)] <- "-Infinity"
  s
}
num <- function(v) paste0("[", paste(num1(v), collapse = ", "), "]")
int <- function(v) paste0("[", paste(as.integer(v), collapse = ", "), "]")
str <- function(s) paste0("\"", gsub("\"", "'", s), "\"")

set.seed(20261205)

# ---- pretty(c(lo, hi), n, min.n) ------------------------------------------------------------
pretty_cases <- character(0)
add_pretty <- function(name, lo, hi, n, minN = NA) {
  b <- if (is.na(minN)) pretty(c(lo, hi), n = n) else pretty(c(lo, hi), n = n, min.n = minN)
  pretty_cases <<- c(pretty_cases, paste0(
    "{\"name\": ", str(name), ", \"lo\": ", num1(lo), ", \"hi\": ", num1(hi), ", \"n\": ", n,
    ", \"minN\": ", if (is.na(minN)) "null" else minN, ", \"breaks\": ", num(b), "}"))
}

kinds <- c("positive", "negative", "spanning zero", "tiny range", "lo == hi", "from zero",
           "to zero", "near multiples", "small-range threshold", "integers")
for (i in 1:300) {
  kind <- kinds[(i - 1) %% length(kinds) + 1]
  mag <- 10^runif(1, -8, 9)
  n <- sample(1:30, 1)
  minN <- if (runif(1) < 0.3) sample(0:n, 1) else NA
  centre <- (2 * runif(1) - 1) * mag
  a <- switch(kind,
    "positive" = runif(2) * mag,
    "negative" = -runif(2) * mag,
    "spanning zero" = c(-runif(1), runif(1)) * mag,
    "tiny range" = c(centre, centre * (1 + 10^runif(1, -16, -7))),
    "lo == hi" = c(centre, centre),
    "from zero" = c(0, runif(1) * mag),
    "to zero" = c(-runif(1) * mag, 0),
    "near multiples" = {
      unit <- 10^floor(runif(1, -8, 9)) * sample(c(1, 2, 5), 1)
      sort(sample(-60:60, 2)) * unit * (1 + sample(c(-1, 1), 2, TRUE) * 10^runif(2, -15, -9))
    },
    # around the test dx < 3 max(|lo|, |hi|) 1.4 n DBL_EPSILON that makes a range "small"
    "small-range threshold" = c(centre, centre * (1 + (round(4.2 * n) + sample(-3:3, 1)) * 2^-52)),
    "integers" = sort(sample(-1000:1000, 2))
  )
  add_pretty(kind, min(a), max(a), n, minN)
}
for (n in c(1, 2, 3, 5, 7, 10, 30)) add_pretty("0 == 0", 0, 0, n)
for (x in c(1, 5, 10, 11, 100, -3, 1e-300, 123456789)) add_pretty("single value", x, x, 5)
for (x in c(5, 0)) add_pretty("single value, n = 0", x, x, 0)
add_pretty("n = 0", 1, 10, 0)
add_pretty("min.n = 0", 7, 7, 5, 0)
add_pretty("from zero, min.n > steps", 0, 1, 30, 30)
add_pretty("to zero, min.n > steps", -1, 0, 30, 30)
add_pretty("0.1 + 0.2", 0.1 + 0.2, 1, 5)
add_pretty("lo just below a multiple", 0.2999999999999, 1, 5)
add_pretty("lo within 1e-10 units of a multiple", 3 - 1e-11, 10, 7)
add_pretty("huge", -1e308, 1e308, 5)
add_pretty("huge", 1e308, 1.7e308, 5)
for (ends in list(c(-1.5e308, 1.7e308), c(-0.9e308, 1.3e308), c(-1.79e308, 1.79e308)))
  for (n in c(1, 2, 4, 7, 11)) add_pretty("overflowing range", ends[1], ends[2], n)
add_pretty("subnormal", 0, 1e-320, 5)
x11 <- c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30)
for (n in c(1:12, 20, 30)) add_pretty("c(1:10, 30)", min(x11), max(x11), n)

# ---- hist(x, plot = FALSE) ------------------------------------------------------------------
hist_cases <- character(0)
add_hist <- function(name, x, breaks = NULL, k = NULL) {
  h <- tryCatch(
    if (!is.null(breaks)) hist(x, breaks = breaks, plot = FALSE)
    else if (!is.null(k)) hist(x, breaks = k, plot = FALSE)
    else hist(x, plot = FALSE),
    error = function(e) conditionMessage(e))
  head <- paste0("{\"name\": ", str(name), ",\n \"x\": ", num(x),
                 if (!is.null(k)) paste0(",\n \"k\": ", k) else "",
                 if (!is.null(breaks)) paste0(",\n \"given\": ", num(breaks)) else "")
  body <- if (is.character(h)) paste0(",\n \"error\": ", str(h)) else paste0(
    ",\n \"missing\": ", sum(!is.finite(x)), ", \"infinite\": ", sum(is.infinite(x)),
    ", \"equidist\": ", tolower(h$equidist),
    ",\n \"breaks\": ", num(h$breaks), ",\n \"counts\": ", int(h$counts),
    ",\n \"density\": ", num(h$density), ",\n \"mids\": ", num(h$mids))
  hist_cases <<- c(hist_cases, paste0(head, body, "}"))
}

shapes <- c("normal", "uniform", "integers", "halves", "tenths", "hundredths", "exponential",
            "constant", "negative tenths", "large")
draw <- function(shape, n) switch(shape,
  "normal" = rnorm(n, runif(1, -100, 100), 10^runif(1, -3, 3)),
  "uniform" = { a <- runif(1, -1000, 1000); runif(n, a, a + 10^runif(1, -4, 4)) },
  "integers" = round(rnorm(n, 10, 5)),
  "halves" = round(runif(n, 0, 10) * 2) / 2,
  "tenths" = round(rnorm(n), 1),
  "hundredths" = round(runif(n, 0, 1), 2),
  "exponential" = round(rexp(n) * 100) / 4,
  "constant" = rep(round(rnorm(1) * 100, 1), n),
  "negative tenths" = -round(runif(n, 0, 3), 1),
  "large" = round(rnorm(n, 1e6, 1e5)))

lengths <- c(1, 2, 3, 4, 5, 7, 8, 9, 16, 17, pmax(1, round(exp(runif(110, 0, log(500))))))
for (i in seq_along(lengths)) {
  n <- lengths[i]
  shape <- shapes[(i - 1) %% length(shapes) + 1]
  x <- draw(shape, n)
  if (n > 2 && runif(1) < 0.3) x[sample(n, sample(1:min(5, n - 1), 1))] <- NaN
  if (n > 2 && runif(1) < 0.1) x[sample(n, 1)] <- sample(c(Inf, -Inf), 1)
  add_hist(paste0(shape, ", n = ", n), x)
}
add_hist("c(1:10, 30)", x11)
add_hist("c(1:10, 30) with NaN and Inf", c(x11, NaN, Inf, -Inf))

# A given number of bins: hist(x, breaks = k).
for (i in 1:40) {
  n <- pmax(1, round(exp(runif(1, 0, log(300)))))
  shape <- shapes[(i - 1) %% length(shapes) + 1]
  x <- draw(shape, n)
  add_hist(paste0(shape, ", n = ", n, ", breaks = k"), x, k = sample(c(1:40, 100), 1))
}

# Given break points: irregular, on the data's ends, through data values, and R's fuzz at the
# ends (a value just beyond the last break but within diddle is still counted).
for (i in 1:30) {
  n <- pmax(2, round(exp(runif(1, 0, log(300)))))
  shape <- shapes[(i - 1) %% length(shapes) + 1]
  x <- draw(shape, n)
  lo <- min(x); hi <- max(x); width <- max(hi - lo, 1)
  inner <- if (i %% 3 == 0) sample(unique(x), min(length(unique(x)), sample(1:6, 1))) else
    runif(sample(0:8, 1), lo, hi)
  ends <- switch(i %% 3 + 1, c(lo, hi), c(lo - runif(1) * width, hi + runif(1) * width),
                 c(lo, hi + width))
  b <- sort(unique(c(ends, inner[inner > min(ends) & inner < max(ends)])))
  if (length(b) < 2) b <- c(lo - 1, hi)  # constant data: the data on the last break
  add_hist(paste0(shape, ", n = ", n, ", given breaks"), x, breaks = b)
}
add_hist("equal-width given breaks", c(0.1, 0.2, 0.2, 0.3, 0.5, 1), breaks = seq(0, 1, by = 0.1))
add_hist("last break within the fuzz", c(0, 0.5, 1 + 1e-9), breaks = c(0, 0.5, 1))
add_hist("first break within the fuzz", c(-1e-9, 0.5, 1), breaks = c(0, 0.5, 1))
add_hist("breaks do not span", c(0, 0.5, 1.1), breaks = c(0, 0.5, 1))
add_hist("breaks beyond the fuzz", c(0, 0.5, 1 + 1e-6), breaks = c(0, 0.5, 1))

out <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))),
                 "Histogram_reference.json")
writeLines(paste0("{\"r\": \"", R.version.string, "\",\n\"pretty\": [\n",
                  paste(pretty_cases, collapse = ",\n"), "\n],\n\"histogram\": [\n",
                  paste(hist_cases, collapse = ",\n"), "\n]}"), out)
