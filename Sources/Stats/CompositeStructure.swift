/// The tree of a composite indicator: indicators (the leaves, columns of the data) aggregated into
/// groups, groups into higher groups, ..., up to one index (COINr's levels: level 1 holds the
/// indicators, level 2 the first aggregates, and so on).
///
/// `levels[0]` aggregates indicators: its nodes' `children` are indicator positions. `levels[k]`
/// for k ≥ 1 aggregates the nodes of `levels[k - 1]`. Every indicator and every node below the
/// top level has exactly one parent, so the nodes of a level partition the level below. The top
/// level usually holds one node, the index; several top nodes are allowed (several indexes).
///
/// Weights are relative within a parent: only their ratios matter to a weighted mean (a parent
/// with weights 1, 1, 2 gives its children 1/4, 1/4, 1/2). `normalisedWeights` gives them summing
/// to 1 within each parent; `effectiveWeights` multiplies them along the path from each indicator
/// to a top node.
public struct CompositeStructure: Sendable, Equatable {
    /// One aggregate: its code, its children (positions in the level below) and their weights.
    public struct Node: Sendable, Equatable {
        public var code: String
        public var children: [Int]
        /// One non-negative, finite weight per child, in the order of `children`.
        public var weights: [Double]

        public init(code: String, children: [Int], weights: [Double]) {
            self.code = code
            self.children = children
            self.weights = weights
        }

        /// The node with every child weighted 1.
        public init(code: String, children: [Int]) {
            self.init(code: code, children: children, weights: Array(repeating: 1, count: children.count))
        }
    }

    /// The codes of the indicators, in the order of the data's columns.
    public private(set) var indicators: [String]
    /// The aggregation levels, from the one right above the indicators to the top.
    public private(set) var levels: [[Node]]

    /// Checks that every level partitions the level below and that weights fit their children.
    ///
    /// - Throws: `StatsError.invalidParameter` naming the node whose children are out of range,
    ///   repeated or missing from every parent, whose weights do not pair with its children, or
    ///   that has a negative or non-finite weight or weights that sum to 0.
    public init(indicators: [String], levels: [[Node]]) throws(StatsError) {
        guard !levels.isEmpty else {
            throw .invalidParameter(name: "levels", value: "none", allowed: "a composite needs at least one aggregation level")
        }
        var below = indicators
        for (index, level) in levels.enumerated() {
            var parent = [String?](repeating: nil, count: below.count)
            for node in level {
                guard node.weights.count == node.children.count else {
                    throw .invalidParameter(name: "weights of \(node.code)", value: "\(node.weights.count) weights",
                                            allowed: "one weight per child (\(node.children.count))")
                }
                guard !node.children.isEmpty else {
                    throw .invalidParameter(name: "children of \(node.code)", value: "none", allowed: "an aggregate needs at least one child")
                }
                for (child, weight) in zip(node.children, node.weights) {
                    guard below.indices.contains(child) else {
                        throw .invalidParameter(name: "child of \(node.code)", value: String(child),
                                                allowed: "a position in the level below (0..<\(below.count))")
                    }
                    if let other = parent[child] {
                        throw .invalidParameter(name: "parent of \(below[child])", value: "\(other) and \(node.code)",
                                                allowed: "each member of a level has exactly one parent")
                    }
                    parent[child] = node.code
                    guard weight.isFinite && weight >= 0 else {
                        throw .invalidParameter(name: "weight of \(below[child]) in \(node.code)", value: NumberFormat.exact(weight),
                                                allowed: "a finite weight of 0 or more")
                    }
                }
                guard node.weights.reduce(0, +) > 0 else {
                    throw .invalidParameter(name: "weights of \(node.code)", value: "all 0", allowed: "at least one positive weight")
                }
            }
            if let orphan = parent.firstIndex(where: { $0 == nil }) {
                throw .invalidParameter(name: "parent of \(below[orphan])", value: "none",
                                        allowed: "every member of level \(index + 1) belongs to an aggregate of level \(index + 2)")
            }
            below = level.map(\.code)
        }
        self.indicators = indicators
        self.levels = levels
    }

    /// One index over all indicators with the given weights (equal when nil).
    public static func flat(indicators: [String], weights: [Double]? = nil, index: String = "Index") throws(StatsError) -> CompositeStructure {
        let children = Array(indicators.indices)
        return try CompositeStructure(indicators: indicators, levels: [[
            Node(code: index, children: children, weights: weights ?? Array(repeating: 1, count: indicators.count))
        ]])
    }

    /// The number of members of level `level` (0 = the indicators, k = `levels[k - 1]`).
    public func count(ofLevel level: Int) -> Int { level == 0 ? indicators.count : levels[level - 1].count }

    /// The codes of level `level` (0 = the indicators).
    public func codes(ofLevel level: Int) -> [String] { level == 0 ? indicators : levels[level - 1].map(\.code) }

    /// Every code, indicators first, then level by level.
    public var allCodes: [String] { indicators + levels.flatMap { $0.map(\.code) } }

    /// The same tree with other weights for the nodes of level `level` (1-based as in `codes`),
    /// one array per node.
    public func replacingWeights(ofLevel level: Int, with weights: [[Double]]) throws(StatsError) -> CompositeStructure {
        precondition(level >= 1 && level <= levels.count, "level \(level) is not an aggregation level")
        guard weights.count == levels[level - 1].count else { throw .lengthMismatch(weights.count, levels[level - 1].count) }
        var copy = levels
        for i in copy[level - 1].indices { copy[level - 1][i].weights = weights[i] }
        return try CompositeStructure(indicators: indicators, levels: copy)
    }

    /// The weights of each node divided by their sum (so they sum to 1 within each parent).
    /// O(number of nodes and children).
    public var normalisedWeights: [[[Double]]] {
        levels.map { level in
            level.map { node in
                let total = node.weights.reduce(0, +)
                return node.weights.map { $0 / total }
            }
        }
    }

    /// The weight of every indicator in each top node: the product of the normalised weights on
    /// its path (0 for indicators under another top node). Row `t` belongs to `levels.last![t]`;
    /// each row sums to 1. With arithmetic aggregation and no missing value, top node `t` is
    /// `data · effectiveWeights[t]`. O(levels × indicators).
    public var effectiveWeights: [[Double]] { effectiveWeights(of: normalisedWeights) }

    /// `effectiveWeights` for other normalised weights of the same tree (same shape as
    /// `normalisedWeights`).
    public func effectiveWeights(of normalised: [[[Double]]]) -> [[Double]] {
        // share[k][i]: weight of member i of level k in its top node; walk from the top down.
        let top = levels.count
        var share = [[Double]](repeating: [], count: top + 1)
        share[top] = Array(repeating: 1, count: levels[top - 1].count)
        var root = [[Int]](repeating: [], count: top + 1)
        root[top] = Array(levels[top - 1].indices)
        for k in stride(from: top, to: 0, by: -1) {
            var below = [Double](repeating: 0, count: count(ofLevel: k - 1))
            var belowRoot = [Int](repeating: 0, count: below.count)
            for (i, node) in levels[k - 1].enumerated() {
                for (child, w) in zip(node.children, normalised[k - 1][i]) {
                    below[child] = share[k][i] * w
                    belowRoot[child] = root[k][i]
                }
            }
            share[k - 1] = below
            root[k - 1] = belowRoot
        }
        var result = [[Double]](repeating: Array(repeating: 0, count: indicators.count), count: levels[top - 1].count)
        for j in indicators.indices { result[root[0][j]][j] = share[0][j] }
        return result
    }
}
