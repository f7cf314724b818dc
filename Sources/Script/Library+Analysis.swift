import Stats
import StressTest

/// Uncertainty and sensitivity analysis of a portfolio's composite indicator.
extension Library {
    static let analysisParameters: [Builtin.Parameter] = [
        .init(name: "perturb", defaultValue: "0.25"), .init(name: "seed", defaultValue: "1"),
        .init(name: "methods", defaultValue: "the nominal method"), .init(name: "normalisations", defaultValue: "[\"none\"]"),
        .init(name: "weights", defaultValue: "\"framework\""), .init(name: "threshold", defaultValue: "2/3"), .init(name: "shift", defaultValue: "0"),
        .init(name: "threads", defaultValue: "all cores"),
    ]

    static let analysis: [Builtin] = [
        Builtin(
            name: "uncertainty",
            parameters: [.init(name: "p"), .init(name: "samples", defaultValue: "10000")] + analysisParameters
                + [.init(name: "distribution", defaultValue: "\"uniform\""), .init(name: "renormalise", defaultValue: "true"),
                   .init(name: "concentration", defaultValue: "100"), .init(name: "levels", defaultValue: "all"),
                   .init(name: "of", defaultValue: "the index")],
            help: "Monte Carlo uncertainty of the ranks: each sample draws the weights (distribution \"uniform\": each weight w in U(w(1 - perturb), w(1 + perturb)), renormalised within its parent unless renormalise: false, then an aggregate is the weighted sum; \"dirichlet\": Dirichlet(concentration · nominal shares) within each parent; \"simplex\": uniform on the simplex), and a method and a normalisation among the alternatives given (methods: [\"arithmetic\", \"geometric\"], normalisations: [\"minmax\", \"zscore\"]; the first is nominal); levels: the aggregation levels whose weights vary (1 = dimensions); of: \"DEV\" ranks the regions on that dimension's composite (its indicators' weights vary) instead of the overall index. Per region: nominal rank, mean, median, 5th and 95th percentile ranks (type 7, exact from the rank counts), rank frequencies. The same numbers for a seed whatever the number of threads; memory does not grow with the samples."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            var p = try portfolioArgument(args, "p")
            var subject = "the composite index"
            if args.has("of") {
                let code = try args.string("of")
                do throws(PortfolioError) { p = try p.restricted(toDimension: code) } catch { throw args.error("of", error.message, help: error.help) }
                subject = "the \(code) composite"
            }
            let samples = try args.integer("samples", default: 10_000, in: 1...1_000_000_000)
            let fraction = try args.number("perturb", default: 0.25)
            guard fraction >= 0 && fraction <= 1 else { throw args.error("perturb", "`perturb` must be a share between 0 and 1, such as 0.25 for ±25 %") }
            let perturbation: WeightPerturbation
            switch try args.choice("distribution", default: "uniform", among: ["uniform", "dirichlet", "simplex"]) {
            case "dirichlet":
                let c = try args.number("concentration", default: WeightPerturbation.defaultConcentration)
                guard c > 0 && c.isFinite else { throw args.error("concentration", "`concentration` must be a number above 0") }
                perturbation = .dirichlet(concentration: c)
            case "simplex": perturbation = .simplex
            default: perturbation = .uniform(fraction: fraction, renormalised: try args.bool("renormalise", default: true))
            }
            var levels: [Int]?
            if args.has("levels") {
                levels = try args.numbers("levels").map { (x: Double) throws(ScriptError) -> Int in
                    guard x == x.rounded(), x >= 1 else { throw args.error("levels", "`levels` are aggregation levels: 1 = dimensions, 2 = the level above, ...") }
                    return Int(x)
                }
            }
            let analysis = try compositeAnalysis(p, args, perturbation: perturbation, levels: levels)
            let seed = try args.seed()
            let threads = args.has("threads") ? try args.integer("threads", default: 1, in: 1...256) : nil
            do throws(PortfolioError) {
                let result = try analysis.uncertainty(samples: samples, seed: UInt64(seed), threads: threads)
                return .object(UncertaintyObject(analysis: analysis, result: result, perturbation: perturbation, subject: subject))
            } catch {
                throw args.failure(error, else: "p", aliases: ["perturbation": "perturb"])
            }
        },
        Builtin(
            name: "sobol",
            parameters: [.init(name: "p"), .init(name: "n", defaultValue: "8192"), .init(name: "target", defaultValue: "\"shift\""),
                         .init(name: "region", defaultValue: "none")] + analysisParameters
                + [.init(name: "renormalise", defaultValue: "false"), .init(name: "groups", defaultValue: "\"weights\""),
                   .init(name: "resamples", defaultValue: "1000")],
            help: "Sobol' sensitivity indices of the composite: first order (Saltelli 2010, on centred outputs) and total order (Jansen) with bootstrap 95% half-widths, from a Saltelli design of n rows (scrambled Sobol' sequence; n (k + 2) evaluations), and the indices at n/4, n/2 and n (s.convergence). Inputs: every weight (named by its code: I04 is I04's weight in its dimension, DEV is DEV's weight in the index), each W = w (1 - perturb + 2 perturb u) with u uniform, not renormalised unless renormalise: true (then each aggregate stays a weighted mean); groups: \"dimensions\" groups each dimension's weight with its indicators' weights; methods and normalisations add a discrete input each. target: \"score\" or \"rank\" of region, or \"shift\" (the mean absolute rank shift of all regions)."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let p = try portfolioArgument(args, "p")
            let n = try args.integer("n", default: 8192, in: 8...(1 << 24))
            let fraction = try args.number("perturb", default: 0.25)
            let targetName = try args.choice("target", default: "shift", among: ["score", "rank", "shift"])
            let target: CompositeAnalysis.Target
            var label = "the mean absolute rank shift of all regions"
            if targetName == "shift" {
                target = .meanRankShift
            } else {
                guard args.has("region") else { throw args.error("target", "target \"\(targetName)\" needs region: NAME") }
                let name = try args.string("region")
                let region: Int
                do throws(PortfolioError) { region = try p.requireRegion(name) } catch { throw args.error("region", error.message, help: error.help) }
                target = targetName == "score" ? .score(region: region) : .rank(region: region)
                label = "the \(targetName == "score" ? "index score" : "rank") of \(p.regions[region].label)"
            }
            let byDimension = try args.choice("groups", default: "weights", among: ["weights", "dimensions"]) == "dimensions"
            let renormalised = try args.bool("renormalise", default: false)
            guard fraction >= 0 && fraction <= 1 else { throw args.error("perturb", "`perturb` must be a share between 0 and 1, such as 0.25 for ±25 %") }
            let analysis = try compositeAnalysis(p, args, perturbation: .uniform(fraction: fraction, renormalised: renormalised), levels: nil)
            let seed = try args.seed()
            let resamples = try args.integer("resamples", default: 1000, in: 0...100_000)
            guard resamples != 1 else { throw args.error("resamples", "`resamples` must be 0 (no confidence intervals) or at least 2") }
            let threads = args.has("threads") ? try args.integer("threads", default: 1, in: 1...256) : nil
            do throws(PortfolioError) {
                let s = try analysis.sobol(target: target, fraction: fraction, renormalised: renormalised, byDimension: byDimension,
                                           samples: n, seed: UInt64(seed), resamples: resamples, threads: threads)
                return .object(SobolObject(sensitivity: s, target: label))
            } catch {
                throw args.failure(error, else: "p", aliases: ["perturbation": "perturb"])
            }
        },
    ]

    /// The analysis model of `uncertainty` and `sobol`: the nominal composite of the arguments
    /// (weights, threshold, shift; the first of `methods`) with the alternatives.
    static func compositeAnalysis(_ p: Portfolio, _ args: Arguments, perturbation: WeightPerturbation, levels: [Int]?) throws(ScriptError) -> CompositeAnalysis {
        let weighting = try weighting(args)
        var methods: [[AggregationMethod]]?
        if let values = args.value("methods")?.elements ?? args.value("methods").map({ [$0] }) {
            methods = try values.map { (value: Value) throws(ScriptError) -> [AggregationMethod] in
                guard case .string(let name) = value, AggregationMethod.names.contains(name), name != "generalised" else {
                    throw args.error("methods", "each method must be \"arithmetic\", \"geometric\" or \"harmonic\"",
                                     help: "a generalised mean is not offered as an alternative here")
                }
                return [name == "geometric" ? .geometric : name == "harmonic" ? .harmonic : .arithmetic]
            }
        }
        var normalisations: [NormalisationMethod?] = [nil]
        if let values = args.value("normalisations")?.elements ?? args.value("normalisations").map({ [$0] }) {
            normalisations = try values.map { (value: Value) throws(ScriptError) -> NormalisationMethod? in
                guard case .string(let name) = value, normalisationNames.contains(name), name != "target", name != "goalposts" else {
                    throw args.error("normalisations", "each normalisation must be one of \"none\", \"minmax\", \"zscore\", \"rank\", \"prank\", \"borda\"")
                }
                switch name {
                case "minmax": return .minMax(lower: 0, upper: 100)
                case "zscore": return .zScore(mean: 0, standardDeviation: 1)
                case "rank": return .rank
                case "prank": return .percentileRank
                case "borda": return .borda
                default: return nil
                }
            }
        }
        let threshold = try args.number("threshold", default: Aggregation.defaultThreshold)
        let shift = try args.number("shift", default: 0)
        do throws(PortfolioError) {
            return try CompositeAnalysis(p, weighting: weighting, methods: methods, normalisations: normalisations, perturbation: perturbation,
                                         levels: levels, threshold: threshold, shift: shift)
        } catch {
            throw args.failure(error, else: "p")
        }
    }
}

extension Arguments {
    /// The error of an interrupted computation (`WorkProgress.requestInterrupt()`, Ctrl-C):
    /// "interrupted", pointing at the whole call.
    var interrupted: ScriptError { ScriptError("interrupted", at: callRange) }

    /// A failed domain request's error, pointing at the argument its subject names, decided by
    /// the subject's case: a parameter at the argument of that name, a region at `region`, a
    /// variable at `on`, a dimension at `of` or `dimension`, a wave at `year`, a file at `path`
    /// (each as renamed by `aliases`, keyed by the parameter's name or by "region", "data").
    /// When the call has no such argument, and for the data itself unless `aliases["data"]`
    /// names one, it points at `fallback`. An interrupted computation is `interrupted`.
    func failure(_ error: PortfolioError, else fallback: String, aliases: [String: String] = [:]) -> ScriptError {
        let candidates: [String]
        switch error.subject {
        case .interrupted: return interrupted
        case .parameter(let name): candidates = [aliases[name] ?? name]
        case .region: candidates = [aliases["region"] ?? "region"]
        case .variable: candidates = ["on"]
        case .dimension: candidates = ["of", "dimension"]
        case .wave: candidates = ["year"]
        case .file: candidates = ["path"]
        case .data: candidates = aliases["data"].map { [$0] } ?? []
        }
        return self.error(candidates.first(where: has) ?? fallback, error.message, help: error.help)
    }

    /// A failed statistic's error: `interrupted` when it was interrupted, else its description
    /// pointing at argument `name`.
    func failure(_ name: String, _ error: StatsError) -> ScriptError {
        error == .interrupted ? interrupted : self.error(name, error.description)
    }
}
