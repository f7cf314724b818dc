import Stats

extension CompositeIndicator {
    /// Which weights the tipping points move.
    public enum TippingLevel: String, Sendable, CaseIterable {
        /// The weights of the index's children (the dimensions, or the top groups): their scores
        /// stay as aggregated, so only the index's own aggregation must be arithmetic.
        case top
        /// The effective weights of the indicators in the index: every level must be arithmetic.
        case indicators
    }

    /// The exact weight tipping points of one region (`TippingPoints`): for every other region
    /// the smallest Euclidean change of the weights (non-negative, summing to 1) at which the two
    /// tie, and for each single weight (the others keeping their proportions) the value at which
    /// the region's rank changes.
    public struct Tipping: Sendable {
        public var level: TippingLevel
        /// The components whose weights move, with their nominal weights.
        public var components: [String]
        public var weights: [Double]
        /// The regions compared (indices into `regions`); the others have a missing component.
        public var included: [Int]
        public var excluded: [Int]
        /// Rows of `pairwise` and `single` are positions in `included`.
        public var pairwise: PairwiseTipping
        public var single: [SingleWeightTipping]
    }

    /// - Throws: `PortfolioError` when the aggregation concerned is not arithmetic, or the region
    ///   has a missing component.
    public func tipping(region: Int, level: TippingLevel = .top) throws(PortfolioError) -> Tipping {
        let top = structure.levels.count
        let concerned = level == .top ? [methods[top - 1]] : methods
        guard concerned.allSatisfy({ $0 == .arithmetic }) else {
            throw PortfolioError("tipping points are exact for arithmetic aggregation, and this composite uses \(concerned.first { $0 != .arithmetic }!) means",
                                 about: .parameter("methods"), help: level == .top ? "aggregate the index arithmetically (method: a vector with \"arithmetic\" last)" : "use method: \"arithmetic\", or level: \"top\"")
        }
        let components: [String], weights: [Double], columns: [[Double]]
        switch level {
        case .top:
            let node = structure.levels[top - 1][0]
            let below = structure.codes(ofLevel: top - 1)
            components = node.children.map { below[$0] }
            let total = node.weights.reduce(0, +)
            weights = node.weights.map { $0 / total }
            columns = node.children.map { scores[top - 1][$0] }
        case .indicators:
            components = structure.indicators
            weights = effectiveWeights
            columns = scores[0]
        }
        let included = regions.indices.filter { r in columns.allSatisfy { !$0[r].isNaN } }
        let excluded = regions.indices.filter { !included.contains($0) }
        guard let row = included.firstIndex(of: region) else {
            let missing = components.indices.filter { columns[$0][region].isNaN }.map { components[$0] }
            throw PortfolioError("\(regions[region].label) has no value for \(missing.joined(separator: ", ")), so its tipping points are undefined",
                                 about: .region(regions[region].label), help: "impute the missing values first (impute(p))")
        }
        var elements = [Double]()
        elements.reserveCapacity(included.count * components.count)
        for r in included { for column in columns { elements.append(column[r]) } }
        let matrix = Matrix(rows: included.count, columns: components.count, elements: elements)
        do throws(StatsError) {
            return Tipping(level: level, components: components, weights: weights, included: included, excluded: excluded,
                           pairwise: try TippingPoints.pairwise(scores: matrix, weights: weights, region: row),
                           single: try TippingPoints.singleWeight(scores: matrix, weights: weights, region: row))
        } catch {
            if error == .interrupted { throw .interrupted }
            throw PortfolioError("tipping points cannot be computed: \(error)", about: .data)
        }
    }
}
