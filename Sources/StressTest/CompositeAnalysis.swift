import Stats

/// The uncertainty (Monte Carlo) and sensitivity (Sobol') analyses of a portfolio's composite
/// indicator: the nominal composite (`CompositeIndicator`'s weighting, methods, threshold, shift)
/// with uncertain weights and, optionally, the normalisation and the aggregation method chosen
/// among alternatives. The first alternative of each is the nominal one.
public struct CompositeAnalysis: Sendable {
    public var portfolio: Portfolio
    public var nominal: CompositeIndicator
    /// Data alternatives by their normalisation (nil = the portfolio's values as they are).
    public var normalisations: [NormalisationMethod?]
    /// Method alternatives, each one method per aggregation level.
    public var methods: [[AggregationMethod]]
    public var model: UncertaintyAnalysis

    /// - Parameters:
    ///   - normalisations: the data alternatives; `[nil]` analyses the data as they are.
    ///   - methods: the method alternatives; nil = the nominal composite's methods only.
    ///   - levels: the aggregation levels (1 = dimensions) whose weights are uncertain; nil = all.
    public init(_ portfolio: Portfolio, weighting: CompositeIndicator.Weighting = .framework, methods: [[AggregationMethod]]? = nil,
                normalisations: [NormalisationMethod?] = [nil], perturbation: WeightPerturbation, levels: [Int]? = nil,
                threshold: Double = Aggregation.defaultThreshold, shift: Double = 0) throws(PortfolioError) {
        let nominalMethods = methods?.first ?? [.arithmetic]
        nominal = try CompositeIndicator(portfolio, weighting: weighting, methods: nominalMethods, threshold: threshold, shift: shift)
        self.portfolio = portfolio
        self.normalisations = normalisations.isEmpty ? [nil] : normalisations
        self.methods = methods ?? [nominal.methods]
        var data = [[[Double]]]()
        for normalisation in self.normalisations {
            data.append(try normalisation.map { method throws(PortfolioError) in try portfolio.normalised(method: method).indicatorColumns }
                        ?? portfolio.indicatorColumns)
        }
        do throws(StatsError) {
            model = try UncertaintyAnalysis(structure: nominal.structure, data: data, methods: self.methods, perturbation: perturbation,
                                            uncertainLevels: levels, threshold: threshold, shift: shift)
        } catch {
            throw CompositeIndicator.translate(error, regions: portfolio.regions)
        }
    }

    /// Monte Carlo ranks of every region (see `UncertaintyAnalysis.run`).
    public func uncertainty(samples: Int, seed: UInt64, threads: Int? = nil) throws(PortfolioError) -> UncertaintyResult {
        do throws(StatsError) {
            return try model.run(samples: samples, seed: seed, threads: threads)
        } catch {
            throw CompositeIndicator.translate(error, regions: portfolio.regions)
        }
    }

    /// What a Sobol' analysis explains.
    public enum Target: Sendable, Equatable {
        /// One region's index score.
        case score(region: Int)
        /// One region's rank (1 = best, ties "min"; the number of regions scoring higher, plus 1).
        case rank(region: Int)
        /// The mean over the regions of |rank - nominal rank|.
        case meanRankShift
    }

    /// The inputs of a Sobol' analysis: one column per weight of every node under the index
    /// (named by the child's code: `I04` is the weight of I04 in its dimension, `DEV` that of DEV
    /// in the index), then `method` and `normalisation` when there are alternatives. With
    /// `byDimension`, each dimension's group holds its own weight and its indicators' weights.
    public func sobolInputs(byDimension: Bool) -> (names: [String], groups: [SobolGroup]?) {
        let structure = nominal.structure
        var names = [String]()
        var columnOf = [String: Int]()
        for (k, level) in structure.levels.enumerated() {
            let below = structure.codes(ofLevel: k)
            for node in level {
                for child in node.children {
                    columnOf[below[child]] = names.count
                    names.append(below[child])
                }
            }
        }
        if methods.count > 1 { names.append("method") }
        if normalisations.count > 1 { names.append("normalisation") }
        guard byDimension else { return (names, nil) }
        var groups = [SobolGroup]()
        var grouped = Set<Int>()
        for dimension in structure.levels[0] {
            let columns = dimension.children.map { columnOf[structure.indicators[$0]]! } + [columnOf[dimension.code]].compactMap { $0 }
            groups.append(SobolGroup(dimension.code, columns: columns))
            grouped.formUnion(columns)
        }
        for (column, name) in names.enumerated() where !grouped.contains(column) {
            groups.append(SobolGroup(name, columns: [column]))
        }
        return (names, groups)
    }

    /// Sobol' indices of `target` (Saltelli design, Saltelli 2010 first order, Jansen total, see
    /// `SobolSensitivity`). Each weight w varies as W = w (1 - f + 2 f u), u uniform (not
    /// renormalised unless `renormalised`: then each node's aggregate stays a weighted mean); the
    /// method and the normalisation are uniform choices among the alternatives.
    public func sobol(target: Target, fraction: Double, renormalised: Bool, byDimension: Bool, samples: Int, seed: UInt64,
                      resamples: Int = 1000, threads: Int? = nil) throws(PortfolioError) -> SobolSensitivity {
        guard fraction >= 0 && fraction <= 1 else {
            throw PortfolioError("the perturbation is \(fraction)", about: .parameter("perturbation"), help: "a share between 0 and 1, such as 0.25 for ±25 %")
        }
        let (names, groups) = sobolInputs(byDimension: byDimension)
        let structure = nominal.structure
        let nominalWeights = structure.levels.map { $0.map(\.weights) }
        let nominalTotals = nominalWeights.map { $0.map { $0.reduce(0, +) } }
        let weightCount = nominalWeights.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        let methodColumn = methods.count > 1 ? weightCount : nil
        let dataColumn = normalisations.count > 1 ? weightCount + (methods.count > 1 ? 1 : 0) : nil
        let model = self.model
        let dataCount = normalisations.count, methodCount = methods.count
        let nominalRanks = scoreRanks(try scores(model, WeightSampler.Draw(weights: nominalWeights, scales: nominalTotals.map { $0.map { _ in 1 } }), 0, 0),
        )
        // Evaluate one point of the unit hypercube.
        let evaluate: @Sendable (UnsafePointer<Double>) -> Double = { u in
            var column = 0
            var weights = nominalWeights
            var scales = nominalTotals
            for k in weights.indices {
                for i in weights[k].indices {
                    var total = 0.0
                    for c in weights[k][i].indices {
                        weights[k][i][c] *= 1 - fraction + 2 * fraction * u[column]
                        total += weights[k][i][c]
                        column += 1
                    }
                    scales[k][i] = renormalised ? 1 : total / nominalTotals[k][i]
                }
            }
            let m = methodColumn.map { min(methodCount - 1, Int(u[$0] * Double(methodCount))) } ?? 0
            let a = dataColumn.map { min(dataCount - 1, Int(u[$0] * Double(dataCount))) } ?? 0
            guard let s = try? model.scores(weights: WeightSampler.Draw(weights: weights, scales: scales), dataAlternative: a, methodAlternative: m) else {
                return .nan
            }
            switch target {
            case .score(let r): return s[r]
            case .rank(let r):
                guard !s[r].isNaN else { return .nan }
                let tolerance = scoreTieTolerance(s)
                return Double(1 + s.count { !$0.isNaN && $0 > s[r] + tolerance })
            case .meanRankShift:
                let sampleRanks = scoreRanks(s)
                var total = 0.0, count = 0
                for (a, b) in zip(sampleRanks, nominalRanks) where !a.isNaN && !b.isNaN {
                    total += abs(a - b)
                    count += 1
                }
                return count > 0 ? total / Double(count) : .nan
            }
        }
        let d = names.count
        do throws(StatsError) {
            return try SobolSensitivity(dimensions: d, groups: groups, inputNames: groups == nil ? names : nil, samples: samples, seed: seed,
                                        resamples: resamples, threads: threads) { points, count, outputs in
                for row in 0..<count { outputs[row] = evaluate(points.baseAddress! + row * d) }
            }
        } catch {
            if error == .interrupted { throw .interrupted }
            if case .invalidParameter(name: "model output", _, _) = error {
                throw PortfolioError("the target is missing for some weights: \(error)",
                                     about: .data, help: "a missing index (too few indicators present, or a value outside an aggregation method's domain) has no Sobol' index; impute first or choose another method")
            }
            throw PortfolioError("the Sobol' analysis cannot run: \(error)", about: .data)
        }
    }

    private func scores(_ model: UncertaintyAnalysis, _ draw: WeightSampler.Draw, _ a: Int, _ m: Int) throws(PortfolioError) -> [Double] {
        do throws(StatsError) {
            return try model.scores(weights: draw, dataAlternative: a, methodAlternative: m)
        } catch {
            throw CompositeIndicator.translate(error, regions: portfolio.regions)
        }
    }
}
