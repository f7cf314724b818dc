#!/usr/bin/env Rscript
# Generates PrincipalComponentAnalysis_reference.json: R prcomp(x[complete.cases(x), ], center = TRUE,
# scale. = scale) on random correlated data, scaled and not, some with missing cells (NaN), for
# PrincipalComponentAnalysisTests (equal up to one sign per component).
# Run from anywhere:  Rscript Tests/StatsTests/Fixtures/PrincipalComponentAnalysis_reference.R
# Seeded, so deterministic; 17 significant digits; a missing cell is the bare token NaN (JSON5).

num <- function(v) paste0("[", paste(ifelse(is.na(v), "NaN", sprintf("%.17g", v)), collapse = ", "), "]")
rows <- function(m) paste0("[", paste(apply(m, 1, num), collapse = ",\n  "), "]")

set.seed(20261131)
cases <- character(0)
specs <- list(
  list(n = 30, p = 4, missing = 0),
  list(n = 100, p = 7, missing = 6),
  list(n = 12, p = 3, missing = 2),
  list(n = 250, p = 12, missing = 15),
  list(n = 6, p = 9, missing = 0)  # fewer rows than columns: min(n, p) components, the last of sdev ~0
)
for (s in specs) {
  mixing <- matrix(rnorm(s$p * s$p), s$p, s$p)
  x <- matrix(rnorm(s$n * s$p), s$n, s$p) %*% mixing
  x <- sweep(x, 2, rnorm(s$p, sd = 5), "+") %*% diag(exp(rnorm(s$p)))
  if (s$missing > 0) x[sample(length(x), s$missing)] <- NA
  used <- complete.cases(x)
  for (scale in c(TRUE, FALSE)) {
    fit <- prcomp(x[used, , drop = FALSE], center = TRUE, scale. = scale)
    cases <- c(cases, paste0(
      "{\"scale\": ", tolower(scale), ",\n \"x\": ", rows(x), ",\n \"rowsUsed\": [",
      paste(which(used) - 1, collapse = ", "), "],\n \"sdev\": ", num(fit$sdev),
      ",\n \"rotation\": ", rows(fit$rotation), ",\n \"scores\": ", rows(fit$x),
      ",\n \"center\": ", num(fit$center), ",\n \"scaleValues\": ", if (scale) num(fit$scale) else "null", "}"))
  }
}
out <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))),
                 "PrincipalComponentAnalysis_reference.json")
writeLines(paste0("{\"r\": \"", R.version.string, "\",\n\"cases\": [\n", paste(cases, collapse = ",\n"), "\n]}"), out)
