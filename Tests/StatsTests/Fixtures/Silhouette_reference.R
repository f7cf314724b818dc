#!/usr/bin/env Rscript
# Generates Silhouette_reference.json: R cluster::silhouette(x, dist) on random data and partitions,
# for SilhouetteTests. Labels are arbitrary integers (R recodes them); some partitions have a
# singleton cluster. Distances are R's dist() in its condensed order (scipy's order too).
# Run from anywhere:  Rscript Tests/StatsTests/Fixtures/Silhouette_reference.R
# Needs the recommended package 'cluster'. Seeded, so deterministic; 17 significant digits.
suppressPackageStartupMessages(library(cluster))

num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
int <- function(v) paste0("[", paste(as.integer(v), collapse = ", "), "]")

set.seed(20261130)
cases <- character(0)
specs <- list(
  list(n = 12, p = 2, labels = c(1L, 2L), method = "euclidean", singleton = FALSE),
  list(n = 40, p = 3, labels = c(-3L, 7L, 12L), method = "euclidean", singleton = TRUE),
  list(n = 75, p = 5, labels = c(0L, 1L, 2L, 3L), method = "manhattan", singleton = FALSE),
  list(n = 150, p = 4, labels = c(5L, 2L, 9L, 4L, 1L), method = "euclidean", singleton = TRUE),
  list(n = 9, p = 2, labels = c(10L, 20L, 30L), method = "maximum", singleton = TRUE),
  list(n = 160, p = 6, labels = c(1L, 2L, 3L, 4L, 5L, 6L, 7L), method = "euclidean", singleton = FALSE)
)
for (s in specs) {
  x <- matrix(rnorm(s$n * s$p), s$n, s$p)
  k <- length(s$labels)
  cl <- s$labels[c(1:k, sample(k, s$n - k, TRUE))][sample(s$n)]
  if (s$singleton) {  # the first label keeps one member only
    cl[cl == s$labels[1]] <- s$labels[2]
    cl[sample(s$n, 1)] <- s$labels[1]
  }
  x <- x + outer(match(cl, s$labels), rep(0.7, s$p))  # some structure
  d <- dist(x, method = s$method)
  sil <- silhouette(cl, d)
  sm <- summary(sil)
  cases <- c(cases, paste0(
    "{\"n\": ", s$n, ",\n \"method\": \"", s$method, "\",\n \"distances\": ", num(as.vector(d)),
    ",\n \"clusters\": ", int(cl), ",\n \"widths\": ", num(sil[, "sil_width"]),
    ",\n \"neighbours\": ", int(sil[, "neighbor"]),
    ",\n \"labels\": ", int(as.integer(names(sm$clus.avg.widths))),
    ",\n \"clusterMeans\": ", num(sm$clus.avg.widths), ",\n \"mean\": ", sprintf("%.17g", sm$avg.width), "}"))
}
out <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "Silhouette_reference.json")
writeLines(paste0("{\"r\": \"", R.version.string, "\", \"cluster\": \"", packageVersion("cluster"),
                  "\",\n\"cases\": [\n", paste(cases, collapse = ",\n"), "\n]}"), out)
