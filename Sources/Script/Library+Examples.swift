/// Worked examples of the standard library, one per function.
extension Library {
    /// A worked example per function: a few lines of script a user can type, run by `help(name)`
    /// in a fresh interpreter and shown with its output, and run by the tests.
    ///
    /// Each is short, fast (well under 0.2 s in a debug build) and runs on shipped data: the demo
    /// portfolio (`portfolio("demo")`, 26 regions, waves 2024 and 2026) and the example survey
    /// responses in `Data/` (read by path, as from the package's folder). The last expression's
    /// value is the one to show. Examples that write files write to a name in the current folder
    /// with `replace: true` (the tests run them in a temporary folder), and the examples that read
    /// a file other than a shipped one read what they wrote first.
    static let examples: [String: String] = [
        "format": """
            p = portfolio("demo")
            format(median(p.I02))                 # two decimals: "2.24"
            format([1.8, 2.345, missing], digits: 1)
            """,
        "append": """
            p = portfolio("demo")
            append(dimensions(p).code, "index")     # R's c(): one list from several
            """,
        "concat": """
            b = benchmark(portfolio("demo"), "Nordtal")
            concat(b.weaknesses, last: " and ")   # "DEV, I03, ... I19 and I21"
            """,
        "md": """
            p = portfolio("demo")
            md("## The demo portfolio", "{length(p.I02)} regions; median of I02: {median(p.I02)}")
            """,
        // Statistics of vectors
        "quantile": """
            p = portfolio("demo")
            quantile(p.I02, [0.25, 0.5, 0.75])            # type 7, as R and numpy
            quantile(p.I02, [0.25, 0.5, 0.75], type: 6)   # Excel's QUARTILE.EXC
            """,
        "fivenum": """
            p = portfolio("demo")
            fivenum(p.DEV)
            """,
        "boxstats": """
            p = portfolio("demo")
            boxstats(p.I08)             # three outliers, two high and one low
            boxstats(p.I08, k: 3)       # only the far outliers: none
            """,
        "mean": """
            mean([2.5, missing, 3])        # missing values are removed
            p = portfolio("demo")
            mean(p.I02)
            """,
        "median": """
            p = portfolio("demo")
            median(p.DEV)
            """,
        "sd": """
            p = portfolio("demo")
            sd(p.I02)
            """,
        "var": """
            p = portfolio("demo")
            var(p.I02)
            """,
        "min": """
            p = portfolio("demo")
            min(p.I02)
            min(p.DEV, p.COA)          # over several vectors
            """,
        "max": """
            p = portfolio("demo")
            max(p.I02)
            max(p.DEV, p.COA)          # over several vectors
            """,
        "sum": """
            sum([1, missing, 2])           # missing values are removed
            p = portfolio("demo")
            sum(p.population)
            """,
        "rank": """
            rank([3, 1, 2, 3], ties: "average")   # tied values share the average rank
            p = portfolio("demo")
            rank(p.DEV)                           # 1 = the highest composite; ties share the lowest rank
            """,
        "cor": """
            p = portfolio("demo")
            cor(p.I01, p.I02)
            cor(p.gdp_pps, p.DEV, method: "spearman")
            """,
        "zscore": """
            p = portfolio("demo")
            zscore(p.DEV)
            """,

        // Vectors
        "length": """
            p = portfolio("demo")
            length(p.regions)
            """,
        "sort": """
            p = portfolio("demo")
            sort(p.DEV, descending: true)
            """,
        "seq": """
            seq(1, 5)
            seq(0, 4, by: 0.5)
            """,
        "abs": """
            p = portfolio("demo")
            abs(p.DEV - median(p.DEV))     # distance from the portfolio's median
            """,
        "sqrt": """
            p = portfolio("demo")
            sqrt(var(p.I02))               # the standard deviation
            """,
        "log": """
            p = portfolio("demo")
            log(p.gdp_pps)
            """,
        "exp": """
            p = portfolio("demo")
            exp(mean(log(p.gdp_pps)))      # the geometric mean
            """,

        // The StressTest domain
        "portfolio": """
            p = portfolio("demo")
            portfolio("demo", year: 2024)  # the earlier wave
            """,
        "survey": """
            survey("Data/survey_nordtal.csv")      # respondents per region and stakeholder group
            """,
        "score": """
            s = survey("Data/survey_nordtal.csv")
            score(s, bootstrap: 100)    # 90% intervals from 100 resamples (2000 by default)
            """,
        "with": """
            p = portfolio("demo")
            sc = score(survey("Data/survey_valdelora.csv"), bootstrap: 0)
            q = with(p, sc)                        # Valdelora's row now from the survey
            region(q, "Valdelora")
            """,
        "save": """
            p = portfolio("demo")
            save(box(p, "DEV", highlight: "Nordtal"), "example_dev.svg", replace: true)
            save(p, "example_regions.csv", replace: true)
            """,
        "region": """
            p = portfolio("demo")
            region(p, "Nordtal")
            """,
        "indicators": """
            p = portfolio("demo")
            indicators(p)
            """,
        "dimensions": """
            p = portfolio("demo")
            dimensions(p)
            """,
        "benchmark": """
            p = portfolio("demo")
            benchmark(p, ["Nordtal", "Valdelora"]).strengths   # several regions at once
            benchmark(p, "Nordtal")
            """,

        // Composite indicators
        "tipping": """
            p = portfolio("demo")
            tipping(p, "Nordtal")
            """,
        "aggregate": """
            p = portfolio("demo")
            aggregate(p, method: "geometric")
            """,
        "weights": """
            p = portfolio("demo")
            weights(p)
            weights(p, method: "pca")
            """,
        "impute": """
            p = portfolio("demo")
            impute(p, method: "median").steps              # the demo has no missing cell to fill
            t = select(table(p), "region", "country", "I02")
            t = mutate(t, I02: fn(r) = if r.region == "Nordtal" { missing } else { r.I02 })
            impute(t, method: "median", by: "country")     # Nordtal's I02 from the other German regions
            """,
        "treat": """
            p = portfolio("demo")
            treat(p).steps                                 # no indicator of the demo fails COINr's rule
            q = treat(p, skewness: 0.5, kurtosis: 0.5)     # a stricter rule
            q.changes
            """,
        "normalise": """
            p = portfolio("demo")
            q = normalise(p, method: "minmax", range: [0, 1])
            q.I02
            """,
        "composite": """
            p = portfolio("demo")
            composite(p)                                   # equal weights, arithmetic means
            composite(p, normalise: "minmax", weights: {DEV: 2})
            """,
        "compare": """
            before = portfolio("demo", year: 2024)
            compare(before, portfolio("demo"))             # the largest change per indicator
            """,

        // Uncertainty and sensitivity
        "uncertainty": """
            p = portfolio("demo")
            uncertainty(p, samples: 200, perturb: 0.25, seed: 1)
            """,
        "sobol": """
            p = portfolio("demo")
            sobol(p, n: 64, groups: "dimensions", resamples: 100, seed: 1)
            """,

        // Peers and clustering
        "distance": """
            p = portfolio("demo")
            distance(p, metric: "manhattan")
            """,
        "hclust": """
            p = portfolio("demo")
            hclust(p, method: "average")
            """,
        "cut": """
            p = portfolio("demo")
            h = hclust(p)
            cut(h, k: 3)
            """,
        "kmeans": """
            p = portfolio("demo")
            kmeans(p, k: 3, seed: 1)
            kmeans(p, k: [2, 3, 4])                        # to choose k
            """,
        "silhouette": """
            p = portfolio("demo")
            h = hclust(p)
            silhouette(p, clusters: cut(h, k: 3))
            """,
        "pca": """
            p = portfolio("demo")
            pca(p)
            pca(p, on: "structure")
            """,
        "peers": """
            p = portfolio("demo")
            peers(p, "Nordtal", k: 5)                      # its structural twins
            peers(p, "Nordtal", k: 5, on: "indicators")    # the regions that perform most alike
            """,
        "good_practice": """
            p = portfolio("demo")
            good_practice(p, "Nordtal", k: 2)
            """,

        // Tables
        "table": """
            p = portfolio("demo")
            t = table(p)                                   # a row per region: indicators, structure
            write(select(t, "region", "country", "I02"), "example_i02.csv", replace: true)
            table("example_i02.csv")                       # read back from the file
            """,
        "filter": """
            t = select(table(portfolio("demo")), "region", "country", "I02", "gdp_pps")
            filter(t, t.I02 > 2.5)
            filter(t, fn(r) = r.country == "DE")
            """,
        "map": """
            p = portfolio("demo")
            map(p.DEV, fn(v) = 4 - v)                      # the way to the top of the scale, by region
            t = table(p)
            map(t, fn(r) = max(r.I01, r.I02, r.I03) - min(r.I01, r.I02, r.I03))   # the spread within DEV
            """,
        "select": """
            t = table(portfolio("demo"))
            select(t, "region", "country", "I02")
            """,
        "head": """
            p = portfolio("demo")
            head(sort(p.DEV, descending: true), 3)         # the top three
            table(p) |> select("region", "I02") |> sort(by: "I02", descending: true) |> head(5)
            """,
        "tail": """
            p = portfolio("demo")
            tail(sort(p.DEV, descending: true), 3)         # the bottom three
            tail(select(table(p), "region", "I02"), -23)   # all but the first 23 rows
            """,
        "mutate": """
            t = table(portfolio("demo"))
            t = mutate(t, gdp_k: t.gdp_pps / 1000, dev: fn(r) = mean([r.I01, r.I02, r.I03]))
            select(t, "region", "gdp_k", "dev")
            """,
        "summarise": """
            t = table(portfolio("demo"))
            summarise(t, by: "country", mean: ["I02", "I03"], n: true)
            """,
        "join": """
            p = portfolio("demo")
            u = uncertainty(p, samples: 200)
            join(table(u), select(table(p), "region", "country"), by: "region")
            """,
        "round": """
            p = portfolio("demo")
            round(p.DEV, digits: 2)         # the DEV composite to two decimals, named by region
            """,
        "moments": """
            p = portfolio("demo")
            moments(p.I02)                  # n, mean, sd, skewness, kurtosis of one indicator
            """,
        "describe": """
            p = portfolio("demo")
            describe(p.I02)
            describe(select(table(p), "I01", "I02", "I03"))
            """,
        "write": """
            p = portfolio("demo")
            write(peers(p, "Nordtal"), "example_peers.csv", replace: true)
            """,
        "is_missing": """
            x = [2.5, missing, 3.25]
            is_missing(x)
            """,

        // Charts
        "plot": """
            p = portfolio("demo")
            plot(benchmark(p, "Nordtal"), width: 80)
            """,
        "box": """
            p = portfolio("demo")
            box(p, ["I01", "I02", "I03", "DEV"], highlight: "Nordtal")
            """,
        "strip": """
            p = portfolio("demo")
            strip(p, "DEV", highlight: "Nordtal")
            """,
        "bars": """
            p = portfolio("demo")
            bars(p, "Nordtal")
            """,
        "radar": """
            p = portfolio("demo")
            radar(benchmark(p, "Nordtal"))
            """,
        "hist": """
            p = portfolio("demo")
            hist(p.I02, bins: 5, highlight: "Nordtal")
            """,
        "histogram": """
            p = portfolio("demo")
            histogram(p.I02)
            """,
        "lines": """
            p = portfolio("demo")
            lines(p, "Nordtal", "DEV")
            """,
        "heatmap": """
            p = portfolio("demo")
            heatmap(p, method: "spearman")
            """,

        // The session
        "print": """
            p = portfolio("demo")
            for r in ["Nordtal", "Almgau"] { print("{r}: rank {rank(p.DEV)[r]} of {length(p.regions)} on DEV") }
            print(p.DEV, all: true)       # all of it, however long
            """,
        "quit": """
            p = portfolio("demo")
            quit()                         # `quit` alone does the same
            """,
        "exit": """
            p = portfolio("demo")
            exit()                         # the same as quit()
            """,

        // Help
        "help": """
            help(quantile)
            """,
    ]
}
