# Reference values for describe(t): R's summary() of every numeric column of random tables
# with missing values. Run from this folder: Rscript describe.R (R 4.2.2).
# Writes describe_data_1.csv, describe_data_2.csv (the tables; an empty cell is missing) and
# describe_expected.csv (per table and column: Min., 1st Qu., Median, Mean, 3rd Qu., Max. of
# unclass(summary(x)), and the count of NA's), all numbers with 17 significant digits.
set.seed(20240611)
cell <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
write_table <- function(df, path) {
  out <- as.data.frame(lapply(df, function(x) if (is.numeric(x)) cell(x) else x))
  write.csv(out, path, row.names = FALSE, quote = FALSE)
}
with_missing <- function(x, k) { x[sample(length(x), k)] <- NA; x }

n <- 37
t1 <- data.frame(
  label = sample(c("AT", "DE", "FR"), n, replace = TRUE),
  normal = with_missing(rnorm(n), 4),
  skewed = with_missing(rexp(n, 0.3), 9),
  large = with_missing(rnorm(n, 1e9, 1e7), 1),
  tiny = with_missing(runif(n) * 1e-9, 0),
  negative = with_missing(-rlnorm(n), 12),
  integers = with_missing(sample(1:5, n, replace = TRUE), 3),
  ties = with_missing(rep(c(1.5, 2.5, 2.5, 4), length.out = n), 2),
  one_present = c(3.25, rep(NA, n - 1)),
  two_present = c(NA, 7, rep(NA, n - 3), -1)
)
t2 <- data.frame(
  region = c("A1", "B2", "C3", "D4", "E5"),
  x = c(0.1, NA, 0.2, 0.7, 0.3),
  y = c(-5, 5, NA, NA, 1e-300),
  z = c(1, 2, 3, 4, 5)
)
write_table(t1, "describe_data_1.csv")
write_table(t2, "describe_data_2.csv")

rows <- list()
for (name in c("describe_data_1", "describe_data_2")) {
  df <- if (name == "describe_data_1") t1 else t2
  for (column in names(df)) {
    x <- df[[column]]
    if (!is.numeric(x)) next
    s <- unclass(summary(x))
    rows[[length(rows) + 1]] <- data.frame(
      table = name, column = column,
      min = cell(s[["Min."]]), q1 = cell(s[["1st Qu."]]), median = cell(s[["Median"]]),
      mean = cell(s[["Mean"]]), q3 = cell(s[["3rd Qu."]]), max = cell(s[["Max."]]),
      missing = sum(is.na(x)))
  }
}
write.csv(do.call(rbind, rows), "describe_expected.csv", row.names = FALSE, quote = FALSE)
