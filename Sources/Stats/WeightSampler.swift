import Glibc

/// How the weights of a composite are perturbed in a Monte Carlo uncertainty analysis (the
/// weight part of Saisana, Saltelli & Tarantola 2005, "Uncertainty and sensitivity analysis
/// techniques as tools for the quality assessment of composite indicators", JRSS A 168(2); COINr's
/// `get_sensitivity` draws weights as `w (1 ± f)` in the same way).
///
/// Every case draws the weights of each parent (node) independently; w are the nominal weights of
/// the node (the structure's, not normalised), Σw their sum.
public enum WeightPerturbation: Sendable, Equatable, CustomStringConvertible {
    /// Each weight w becomes W ~ U(w(1 - f), w(1 + f)) (open interval), independently, with the
    /// fraction f in [0, 1].
    ///
    /// - `renormalised: true`: the drawn weights are rescaled to sum to Σw within each parent.
    ///   Since a weighted mean only sees the ratios of its weights, this gives the same aggregates
    ///   as not rescaling them *and* dividing by their own sum; it is the usual "weights vary,
    ///   the aggregate stays a weighted mean" analysis.
    /// - `renormalised: false`: the aggregate of a node is its weighted mean (over the drawn
    ///   weights W) times the node's scale ΣW / Σw. For nominal weights summing to 1 and the
    ///   arithmetic mean that is the weighted sum Σ_j W_j x_j, so the aggregate moves with the
    ///   total weight; for one unit, the first-order variance share of weight j in that score is
    ///   then S_j = (x_j w_j)² / Σ_k (x_k w_k)² (Var W_j = (f w_j)² / 3 for every j). The scale
    ///   multiplies whatever the method (M(x) · ΣW / Σw) and uses all children's weights even
    ///   when some children are missing.
    case uniform(fraction: Double, renormalised: Bool)
    /// Within each parent, the normalised weights are Dirichlet(c · w / Σw): centred on the
    /// nominal shares (mean w / Σw), with variance w/Σw (1 - w/Σw) / (c + 1), so a larger
    /// concentration c keeps them closer; then rescaled to sum to Σw. A weight of 0 stays 0.
    /// Gamma variates by Marsaglia & Tsang (2000), "A simple method for generating gamma
    /// variables", ACM TOMS 26(3) (with the U^(1/a) boost for shapes below 1).
    case dirichlet(concentration: Double)
    /// Uniformly on the simplex within each parent (Dirichlet(1, ..., 1), as normalised standard
    /// exponentials), whatever the nominal weights; rescaled to sum to Σw (so to 1 for nominal
    /// weights that sum to 1). Nominal zeros become positive.
    case simplex

    /// The default Dirichlet concentration, 100: a nominal share of 1/21 then has a standard
    /// deviation of about 0.021, close to what ±25 % uniform perturbation gives (0.0137) rather
    /// than the full simplex.
    public static let defaultConcentration = 100.0

    /// Whether the drawn weights keep each parent's aggregate a weighted mean (scale 1).
    public var isRenormalised: Bool {
        if case .uniform(_, let renormalised) = self { return renormalised }
        return true
    }

    public var description: String {
        switch self {
        case .uniform(let f, let r): "uniform ±\(NumberFormat.exact(f * 100)) %\(r ? ", renormalised" : ", not renormalised")"
        case .dirichlet(let c): "Dirichlet (concentration \(NumberFormat.exact(c)))"
        case .simplex: "uniform on the simplex"
        }
    }
}

/// Draws the weights of a `CompositeStructure` for a Monte Carlo uncertainty analysis: the nodes
/// of the uncertain levels get perturbed weights (`WeightPerturbation`), the other levels keep
/// their nominal weights. Draws consume a `SplitMix64` in a fixed order (levels bottom-up, nodes
/// in order, children in order; nothing for a certain level), so a caller holding the generator
/// redraws exactly the weights `UncertaintyAnalysis` used. O(weights) per draw, no allocation in
/// the internal flat form.
public struct WeightSampler: Sendable {
    /// The weights of every node for one sample, and each node's scale (see
    /// `WeightPerturbation.uniform`): node value = weighted mean over its children with
    /// `weights` × `scale`. `weights[k][i]` pairs with `structure.levels[k][i].children`.
    public struct Draw: Sendable, Equatable {
        public var weights: [[[Double]]]
        /// 1 for every node unless the perturbation is uniform and not renormalised, where it is
        /// ΣW / Σw of the node.
        public var scales: [[Double]]

        /// A draw given in full (e.g. from a Sobol' design); shapes as `structure.levels`.
        public init(weights: [[[Double]]], scales: [[Double]]) {
            self.weights = weights
            self.scales = scales
        }
    }

    public let structure: CompositeStructure
    public let perturbation: WeightPerturbation
    /// The uncertain aggregation levels, 1-based as `CompositeStructure.codes(ofLevel:)` (1 = the
    /// level right above the indicators), ascending.
    public let levels: [Int]
    let flat: FlatComposite
    /// Per node (flat order): whether its level is uncertain.
    let uncertain: [Bool]

    /// - Parameters:
    ///   - levels: the uncertain aggregation levels (1-based); nil = all of them. An empty list
    ///     keeps every weight nominal.
    /// - Throws: `StatsError.invalidParameter` for a fraction outside [0, 1], a concentration that
    ///   is not finite and positive, or a level outside 1...levels.count.
    public init(structure: CompositeStructure, perturbation: WeightPerturbation, levels: [Int]? = nil) throws(StatsError) {
        switch perturbation {
        case .uniform(let f, _):
            guard f >= 0 && f <= 1 else {
                throw .invalidParameter(name: "fraction", value: NumberFormat.exact(f), allowed: "a share between 0 and 1")
            }
        case .dirichlet(let c):
            guard c.isFinite && c > 0 else {
                throw .invalidParameter(name: "concentration", value: NumberFormat.exact(c), allowed: "a finite number above 0")
            }
        case .simplex: break
        }
        let all = Array(1...structure.levels.count)
        let chosen = levels ?? all
        for level in chosen where !all.contains(level) {
            throw .invalidParameter(name: "uncertain level", value: String(level),
                                    allowed: "an aggregation level 1...\(structure.levels.count)")
        }
        self.structure = structure
        self.perturbation = perturbation
        self.levels = Array(Set(chosen)).sorted()
        flat = FlatComposite(structure)
        let set = Set(chosen)
        uncertain = flat.nodeLevel.map { set.contains($0 + 1) }
    }

    /// The nominal weights with scale 1.
    public var nominal: Draw {
        Draw(weights: structure.levels.map { $0.map(\.weights) }, scales: structure.levels.map { $0.map { _ in 1 } })
    }

    /// One draw of every node's weights from `generator`.
    public func draw(using generator: inout SplitMix64) -> Draw {
        var slots = [Double](repeating: 0, count: flat.slotCount)
        var scales = [Double](repeating: 1, count: flat.nodeCount)
        slots.withUnsafeMutableBufferPointer { s in
            scales.withUnsafeMutableBufferPointer { c in draw(slots: s.baseAddress!, scales: c.baseAddress!, using: &generator) }
        }
        var weights = [[[Double]]](), scaleLevels = [[Double]]()
        var node = 0
        for level in structure.levels {
            var w = [[Double]](), sc = [Double]()
            for _ in level {
                w.append(Array(slots[flat.slotStart[node]..<flat.slotStart[node + 1]]))
                sc.append(scales[node])
                node += 1
            }
            weights.append(w)
            scaleLevels.append(sc)
        }
        return Draw(weights: weights, scales: scaleLevels)
    }

    /// The flat draw: `slots` (one weight per child, node after node in level order) and
    /// `scales` (one per node).
    func draw(slots: UnsafeMutablePointer<Double>, scales: UnsafeMutablePointer<Double>, using g: inout SplitMix64) {
        flat.nominal.withUnsafeBufferPointer { nominal in
            for node in 0..<flat.nodeCount {
                let start = flat.slotStart[node], end = flat.slotStart[node + 1]
                let total = flat.nominalSum[node]
                scales[node] = 1
                guard uncertain[node] else {
                    for s in start..<end { slots[s] = nominal[s] }
                    continue
                }
                switch perturbation {
                case .uniform(let f, let renormalised):
                    var sum = 0.0
                    for s in start..<end {
                        let u = nominal[s] * (1 - f + 2 * f * g.openUnit())
                        slots[s] = u
                        sum += u
                    }
                    if renormalised {
                        let factor = total / sum
                        for s in start..<end { slots[s] *= factor }
                    } else {
                        scales[node] = sum / total
                    }
                case .dirichlet(let c):
                    var sum = 0.0
                    repeat {
                        sum = 0
                        for s in start..<end {
                            let shape = c * nominal[s] / total
                            let x = shape > 0 ? Self.gamma(shape: shape, using: &g) : 0
                            slots[s] = x
                            sum += x
                        }
                    } while !(sum > 0)  // all variates underflowed (tiny shapes): draw again
                    let factor = total / sum
                    for s in start..<end { slots[s] *= factor }
                case .simplex:
                    var sum = 0.0
                    for s in start..<end {
                        let x = -log(g.openUnit())
                        slots[s] = x
                        sum += x
                    }
                    let factor = total / sum
                    for s in start..<end { slots[s] *= factor }
                }
            }
        }
    }

    /// A Gamma(shape, 1) variate by Marsaglia & Tsang (2000); shapes below 1 as
    /// Gamma(shape + 1) · U^(1/shape). Normal deviates by Box–Muller (one per pair of uniforms).
    static func gamma(shape: Double, using g: inout SplitMix64) -> Double {
        if shape < 1 {
            let x = gamma(shape: shape + 1, using: &g)
            return x * pow(g.openUnit(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = (-2 * log(g.openUnit())).squareRoot() * cos(2 * Double.pi * g.unit())
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = g.openUnit()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
        }
    }
}

/// A `CompositeStructure` laid out for the inner loops: nodes numbered level after level (node g
/// is member `indicatorCount + g`), their children as consecutive "slots".
struct FlatComposite: Sendable {
    let indicatorCount: Int
    let nodeCount: Int
    /// 0-based aggregation level of each node.
    let nodeLevel: [Int]
    /// Slots of node g: slotStart[g]..<slotStart[g + 1].
    let slotStart: [Int]
    /// The member (indicator j, or indicatorCount + node) each slot refers to.
    let slotChild: [Int]
    let nominal: [Double]
    let nominalSum: [Double]
    /// The first top node (the analysed index), and which members lie under it.
    let indexNode: Int
    let underIndex: [Bool]
    var slotCount: Int { slotStart[nodeCount] }
    var memberCount: Int { indicatorCount + nodeCount }

    init(_ structure: CompositeStructure) {
        indicatorCount = structure.indicators.count
        var level = [Int](), start = [0], child = [Int](), nominal = [Double](), sums = [Double]()
        var firstOfLevel = [Int]()  // member id of the first member of each level
        var offset = indicatorCount
        firstOfLevel.append(0)
        for (k, nodes) in structure.levels.enumerated() {
            let below = firstOfLevel[k]
            firstOfLevel.append(offset)
            for node in nodes {
                level.append(k)
                for (c, w) in zip(node.children, node.weights) {
                    child.append(below + c)
                    nominal.append(w)
                }
                start.append(child.count)
                sums.append(node.weights.reduce(0, +))
            }
            offset += nodes.count
        }
        nodeCount = level.count
        nodeLevel = level
        slotStart = start
        slotChild = child
        self.nominal = nominal
        nominalSum = sums
        indexNode = nodeCount - structure.levels.last!.count
        var under = [Bool](repeating: false, count: indicatorCount + nodeCount)
        under[indicatorCount + indexNode] = true
        for g in stride(from: nodeCount - 1, through: 0, by: -1) where under[indicatorCount + g] {
            for s in start[g]..<start[g + 1] { under[child[s]] = true }
        }
        underIndex = under
    }
}
