# Reference values for Examples/rci_peers.stresstest, from R (stats::dist, hclust, scale):
#   Rscript Tests/EndToEndTests/Fixtures/make_rci_reference.R ../shared/data/rci/rci2022_raw.csv
# writes rci_reference.txt beside this script. R's dist uses the variables both rows have and
# rescales the sum to all of them, as StressTest's distances do; scale() z-scores each column
# over its observed values.
args <- commandArgs(trailingOnly = TRUE)
raw <- read.csv(args[1], check.names = FALSE, encoding = "UTF-8")
x <- as.matrix(raw[, -(1:2)])
rownames(x) <- raw$NUTS
d <- dist(scale(x))
h <- hclust(d, method = "ward.D2")
m <- as.matrix(d)["AT_C", ]
abroad <- m[substr(names(m), 1, 2) != "AT"]
nearest <- sort(abroad)[1:5]
out <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(), value = TRUE))), "rci_reference.txt")
lines <- c(paste("height", formatC(h$height, digits = 17, format = "g")),
           paste("cophenetic", formatC(cor(cophenetic(h), d), digits = 17, format = "g")),
           paste("cut6", paste(cutree(h, k = 6), collapse = " ")),
           paste("peer", names(nearest), formatC(nearest, digits = 17, format = "g")))
writeLines(lines, out)
