import Stats

/// The composite indicator of a portfolio: the framework's tree (indicators -> dimensions ->
/// groups -> index) aggregated level by level for every region, with the weights used, scores and
/// ranks at every level, Cronbach's alpha of each aggregate and the correlation of each aggregate
/// with its children.
///
/// Defaults are the StressTest's rules: the framework's weights (equal in the shipped framework),
/// weighted arithmetic means, and the 2/3 rule for missing children (`Aggregation`). The data is
/// aggregated as it is: imputation, outlier treatment and normalisation are earlier steps
/// (`Portfolio+Pipeline`). Ranks: 1 = best (largest), ties get the lowest rank, missing stays
/// missing.
public struct CompositeIndicator: Sendable {
    /// Where the weights come from.
    public enum Weighting: Sendable, Equatable {
        /// The framework's weights.
        case framework
        /// Weight 1 for every child of every aggregate.
        case equal
        /// Within every aggregate, the loadings of the first principal component of its children
        /// (`PrincipalComponentWeights`, as COINr's `get_PCA` by groups), level by level: the
        /// weights of an upper level come from the aggregates of the level below. An aggregate
        /// with one child gives it weight 1.
        case pca
        /// The framework's weights with some replaced: code (of an indicator, a dimension or a
        /// group) -> its weight within its parent.
        case explicit([String: Double])
    }

    public var framework: Framework
    public var regions: [Portfolio.Region]
    /// The tree with the weights used.
    public var structure: CompositeStructure
    /// The method of each aggregation level (one per level of `structure`).
    public var methods: [AggregationMethod]
    public var threshold: Double
    public var shift: Double
    public var weighting: Weighting
    /// `scores[k][member][region]`: level 0 are the indicators as given, level k ≥ 1 the
    /// aggregates of `structure.levels[k - 1]`.
    public var scores: [[[Double]]]
    /// The share of variance of the first principal component of each aggregate's children, for
    /// `.pca` weights.
    public var explained: [String: Double] = [:]

    /// Aggregates the portfolio's values.
    ///
    /// - Parameters:
    ///   - methods: one method for every level, or one per aggregation level (dimensions first).
    ///   - threshold: the share of an aggregate's weight its present children must carry.
    ///   - shift: aggregate M(x + shift) - shift under geometric, harmonic and generalised means.
    /// - Throws: `PortfolioError` for an unknown code among explicit weights (with a suggestion),
    ///   a negative weight, a wrong number of methods, a value outside a method's domain (naming
    ///   region and indicator or aggregate), PCA weights that cannot be formed.
    public init(_ portfolio: Portfolio, weighting: Weighting = .framework, methods: [AggregationMethod] = [.arithmetic],
                threshold: Double = Aggregation.defaultThreshold, shift: Double = 0) throws(PortfolioError) {
        framework = portfolio.framework
        regions = portfolio.regions
        self.weighting = weighting
        self.threshold = threshold
        self.shift = shift
        var structure = portfolio.framework.compositeStructure(equalWeights: weighting != .framework)
        if methods.count != 1 && methods.count != structure.levels.count {
            throw PortfolioError("\(methods.count) aggregation methods for \(structure.levels.count) aggregation levels",
                                 about: .parameter("methods"), help: "give one method, or one per level: \(Self.levelNames(structure).joined(separator: ", "))")
        }
        self.methods = methods.count == 1 ? Array(repeating: methods[0], count: structure.levels.count) : methods
        if case .explicit(let weights) = weighting {
            structure = try Self.applying(weights, to: portfolio.framework.compositeStructure())
        }
        let data = portfolio.framework.indicators.indices.map { j in portfolio.values.map { $0[j] } }
        do {
            if weighting == .pca {
                // Level by level: weights of level k from the scores of level k - 1.
                var levels = [data]
                for k in structure.levels.indices {
                    var weights = [[Double]]()
                    for node in structure.levels[k] {
                        guard node.children.count > 1 else { weights.append([1]); continue }
                        do throws(StatsError) {
                            let pca = try PrincipalComponentWeights(columns: node.children.map { levels[k][$0] })
                            weights.append(pca.weights)
                            explained[node.code] = pca.explained
                        } catch {
                            throw Self.pcaFailure(error, node: node.code, members: node.children.map { structure.codes(ofLevel: k)[$0] })
                        }
                    }
                    structure = try structure.replacingWeights(ofLevel: k + 1, with: weights)
                    let partial = try CompositeStructure(indicators: structure.indicators, levels: Array(structure.levels[...k]))
                    levels = try Aggregation.aggregate(data, structure: partial, methods: Array(self.methods[...k]),
                                                       threshold: threshold, shift: shift)
                }
            }
            self.structure = structure
            scores = try Aggregation.aggregate(data, structure: structure, methods: self.methods, threshold: threshold, shift: shift)
        } catch let error as PortfolioError {
            throw error
        } catch let error as StatsError {
            throw Self.translate(error, regions: portfolio.regions)
        } catch {
            throw PortfolioError("\(error)", about: .data)
        }
    }

    /// Why principal-component weights of `node` cannot be formed, naming the member (an
    /// indicator or aggregate code) a column-numbered statistics error is about.
    static func pcaFailure(_ error: StatsError, node: String, members: [String]) -> PortfolioError {
        let reason: String
        switch error {
        case .constantColumn(let index, _):
            reason = "\(members[index]) is constant over the regions with complete values, so it has no correlation"
        case .interrupted:
            return .interrupted
        default:
            reason = error.description
        }
        return PortfolioError("PCA weights for \(node) cannot be formed: \(reason)", about: .parameter("weights"),
                              help: "use equal or framework weights, or leave the constant indicator out")
    }

    static func translate(_ error: StatsError, regions: [Portfolio.Region]) -> PortfolioError {
        if error == .interrupted { return .interrupted }
        if case .aggregationDomain(let unit, let member, let value, let method, let allowed) = error {
            return PortfolioError("\(regions[unit].label) has \(member) = \(NumberFormat.exact(value)), which a \(method) mean cannot aggregate (it needs \(allowed))",
                                  about: .parameter("methods"), help: "choose shift: c to aggregate M(x + c) - c, normalise to positive values first, or use the arithmetic mean")
        }
        return PortfolioError(error.description, about: .data)
    }

    static func levelNames(_ structure: CompositeStructure) -> [String] {
        structure.levels.map { level in level.count <= 3 ? level.map(\.code).joined(separator: "/") : "\(level[0].code)/…" }
    }

    /// The framework's tree with the weights of the given codes replaced.
    static func applying(_ weights: [String: Double], to structure: CompositeStructure) throws(PortfolioError) -> CompositeStructure {
        var levels = structure.levels
        var known = Set<String>()
        for k in levels.indices {
            let codes = structure.codes(ofLevel: k)
            for i in levels[k].indices {
                for (position, child) in levels[k][i].children.enumerated() {
                    known.insert(codes[child])
                    if let w = weights[codes[child]] { levels[k][i].weights[position] = w }
                }
            }
        }
        for (code, w) in weights.sorted(by: { $0.key < $1.key }) {
            guard known.contains(code) else {
                throw PortfolioError("the weights name `\(code)`, which is not an indicator, dimension or group of the framework",
                                     about: .parameter("weights"), help: NameSuggestion.help(for: code, among: known.sorted()))
            }
            guard w.isFinite && w >= 0 else {
                throw PortfolioError("the weight of \(code) is \(NumberFormat.exact(w))", about: .parameter("weights"), help: "weights are finite numbers of 0 or more")
            }
        }
        do throws(StatsError) {
            return try CompositeStructure(indicators: structure.indicators, levels: levels)
        } catch {
            throw PortfolioError("these weights do not make a composite: \(error)", about: .parameter("weights"))
        }
    }

    /// The index of a region by id or name (case-insensitive), or an error suggesting the nearest.
    public func requireRegion(_ name: String) throws(PortfolioError) -> Int {
        try Portfolio.requireRegion(name, in: regions)
    }

    /// Every code, level by level: indicators, dimensions, groups, the index.
    public var codes: [String] { structure.allCodes }

    /// The code of the (first) top node.
    public var indexCode: String { structure.levels.last![0].code }

    /// The level (0 = indicators) and position of a code.
    public func locate(_ code: String) -> (level: Int, position: Int)? {
        for k in 0...structure.levels.count {
            if let i = structure.codes(ofLevel: k).firstIndex(of: code) { return (k, i) }
        }
        return nil
    }

    /// The scores of a code over the regions.
    public func scores(of code: String) -> [Double]? {
        locate(code).map { scores[$0.level][$0.position] }
    }

    /// Ranks of a code's scores: 1 = best (largest), ties "min" (`scoreRanks`: scores equal up to
    /// rounding tie), missing stays missing.
    public func ranks(of code: String) -> [Double]? {
        scores(of: code).map(scoreRanks)
    }

    /// The normalised weight of every code within its parent (the index: 1).
    public var weights: [String: Double] {
        var result = [indexCode: 1.0]
        let normalised = structure.normalisedWeights
        for (k, level) in structure.levels.enumerated() {
            let codes = structure.codes(ofLevel: k)
            for (i, node) in level.enumerated() {
                for (position, child) in node.children.enumerated() { result[codes[child]] = normalised[k][i][position] }
            }
        }
        return result
    }

    /// The parent of each code below the top.
    public var parents: [String: String] {
        var result = [String: String]()
        for (k, level) in structure.levels.enumerated() {
            let codes = structure.codes(ofLevel: k)
            for node in level { for child in node.children { result[codes[child]] = node.code } }
        }
        return result
    }

    /// The weight of each indicator in the index (product of the normalised weights on its path).
    public var effectiveWeights: [Double] { structure.effectiveWeights[0] }

    /// Cronbach's alpha of an aggregate's children (NaN for an indicator or a single child).
    public func cronbachAlpha(of code: String) -> Double {
        guard let (k, i) = locate(code), k >= 1 else { return .nan }
        return Stats.cronbachAlpha(structure.levels[k - 1][i].children.map { scores[k - 1][$0] })
    }

    /// Pearson's correlation of an aggregate with each of its children (complete pairs).
    public func childCorrelations(of code: String) -> [(child: String, r: Double)] {
        guard let (k, i) = locate(code), k >= 1 else { return [] }
        let codes = structure.codes(ofLevel: k - 1)
        return structure.levels[k - 1][i].children.map { child in
            (codes[child], (try? Correlation(scores[k][i], scores[k - 1][child]).value) ?? .nan)
        }
    }
}

extension CompositeIndicator {
    /// Every region's scores at every level as CSV, as COINr's aggregated data set: `region` (the
    /// id), `name` when regions have names, then every code level by level (indicators,
    /// dimensions, groups, the index). Numbers in shortest round-trip form.
    public func csv() -> String {
        let hasName = regions.contains { $0.name != nil }
        let header = ["region"] + (hasName ? ["name"] : []) + codes
        let columns = scores.flatMap { $0 }
        let rows = regions.indices.map { r in
            [regions[r].id] + (hasName ? [regions[r].name ?? ""] : []) + columns.map { CSVWriter.number($0[r]) }
        }
        return CSVWriter.document(header: header, rows: rows)
    }

    /// Writes `csv()` atomically; an existing file only with `replace`.
    public func save(to path: String, replace: Bool = false) throws(PortfolioError) {
        try CSVWriter.write(csv(), to: path, replace: replace)
    }
}
