#!/usr/bin/env Rscript
# Generates KMeans_reference.json: R's kmeans(x, centers = C, algorithm = "Lloyd") started from
# given centres, for KMeansTests (Lloyd's algorithm from the same centres must give the same
# clusters, centres, iterations and tot.withinss).
# Run from anywhere:  Rscript Tests/StatsTests/Fixtures/KMeans_reference.R
# Seeded (set.seed), so deterministic. Numbers are written with 17 significant digits (round trip).

num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
int <- function(v) paste0("[", paste(as.integer(v), collapse = ", "), "]")
rows <- function(m) paste0("[", paste(apply(m, 1, num), collapse = ",\n  "), "]")

set.seed(20261129)
cases <- character(0)
specs <- list(
  list(n = 60, p = 2, k = 3, iter = 100, blobs = TRUE),
  list(n = 150, p = 4, k = 4, iter = 100, blobs = FALSE),
  list(n = 200, p = 3, k = 5, iter = 100, blobs = FALSE),
  list(n = 97, p = 6, k = 2, iter = 100, blobs = FALSE),
  list(n = 120, p = 5, k = 6, iter = 100, blobs = TRUE),
  list(n = 300, p = 2, k = 8, iter = 100, blobs = FALSE),
  list(n = 150, p = 3, k = 4, iter = 2, blobs = FALSE)  # stops before converging
)
for (s in specs) {
  repeat {
    x <- matrix(rnorm(s$n * s$p), s$n, s$p)
    if (s$blobs) x <- x + matrix(rep(sample(0:4, s$n, TRUE) * 3, s$p), s$n, s$p)
    start <- x[sample(s$n, s$k), , drop = FALSE]
    fit <- tryCatch(suppressWarnings(kmeans(x, centers = start, iter.max = s$iter, algorithm = "Lloyd")),
                    error = function(e) NULL)
    if (!is.null(fit)) break  # R stops on an empty cluster; draw again
  }
  cases <- c(cases, paste0(
    "{\"maxIterations\": ", s$iter, ",\n \"x\": ", rows(x), ",\n \"start\": ", rows(start),
    ",\n \"cluster\": ", int(fit$cluster - 1), ",\n \"centers\": ", rows(fit$centers),
    ",\n \"withinss\": ", num(fit$withinss), ",\n \"totWithinss\": ", sprintf("%.17g", fit$tot.withinss),
    ",\n \"iter\": ", fit$iter, "}"))
}
out <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "KMeans_reference.json")
writeLines(paste0("{\"r\": \"", R.version.string, "\",\n\"cases\": [\n", paste(cases, collapse = ",\n"), "\n]}"), out)
