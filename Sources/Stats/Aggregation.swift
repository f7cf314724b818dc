import Glibc

/// How the children of an aggregate combine: weighted power means (COINr's `a_amean`, `a_gmean`,
/// `a_hmean`, `a_genmean`). With weights w summing to 1:
///
/// - arithmetic: Σ w x
/// - geometric: Π x^w (every x > 0)
/// - harmonic: 1 / Σ (w / x) (every x > 0)
/// - generalised with power p ≠ 0: (Σ w x^p)^(1/p) (every x ≥ 0 for p > 0, x > 0 for p < 0);
///   p = 1 is arithmetic, p = -1 harmonic, p → 0 tends to the geometric mean.
public enum AggregationMethod: Sendable, Hashable, CustomStringConvertible {
    case arithmetic
    case geometric
    case harmonic
    case generalised(power: Double)

    /// The names the script and files use: `arithmetic`, `geometric`, `harmonic`, `generalised`.
    public static let names = ["arithmetic", "geometric", "harmonic", "generalised"]

    public var description: String {
        switch self {
        case .arithmetic: "arithmetic"
        case .geometric: "geometric"
        case .harmonic: "harmonic"
        case .generalised(let p): "generalised (p = \(NumberFormat.exact(p)))"
        }
    }

    /// Whether a child value is in the method's domain: all finite values for arithmetic,
    /// x > 0 for geometric, harmonic and p < 0, x ≥ 0 for p > 0.
    func accepts(_ x: Double) -> Bool {
        switch self {
        case .arithmetic: true
        case .geometric, .harmonic: x > 0
        case .generalised(let p): p > 0 ? x >= 0 : x > 0
        }
    }

    var domain: String {
        switch self {
        case .arithmetic: "any number"
        case .generalised(let p) where p > 0: "values of 0 or more"
        default: "values above 0"
        }
    }
}

/// Aggregation of a composite level by level: each aggregate is the weighted mean (of its
/// method) over its children that have a value, provided those children carry at least
/// `threshold` of the aggregate's total weight; otherwise the aggregate is missing (NaN). COINr
/// aggregates over the children present whatever their share (its default); the StressTest's
/// rule, and the default here, is a share of 2/3.
///
/// A geometric or harmonic mean of a child ≤ 0 (or a generalised mean outside its domain) is an
/// error naming the unit and the child, unless a `shift` c is given: then every aggregate of that
/// method is M(x + c) - c, which keeps the scale of the data and the order of the units. (COINr
/// stops with an error on values ≤ 0 and has no shift.)
public enum Aggregation {
    /// The default share of a parent's weight that its present children must carry.
    public static let defaultThreshold = 2.0 / 3.0

    /// The weighted mean of one unit's children. `values` and `weights` pair up; NaN values are
    /// missing. Returns NaN when the present weight share is below `threshold` or no child is
    /// present. O(children).
    ///
    /// - Returns: `.failure(position)` with the position of the first value outside the method's
    ///   domain (after the shift), `.success(mean)` otherwise.
    @inlinable
    public static func weightedMean(
        _ values: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>, method: AggregationMethod,
        threshold: Double = defaultThreshold, shift: Double = 0
    ) -> Result<Double, DomainError> {
        var total = 0.0, present = 0.0
        for w in weights { total += w }
        var sum = 0.0
        switch method {
        case .arithmetic:
            for i in values.indices where !values[i].isNaN {
                present += weights[i]
                sum += weights[i] * values[i]
            }
            guard present > 0 && present >= threshold * total else { return .success(.nan) }
            return .success(sum / present)
        case .geometric:
            for i in values.indices where !values[i].isNaN {
                let x = values[i] + shift
                guard x > 0 else { return .failure(DomainError(position: i)) }
                present += weights[i]
                sum += weights[i] * log(x)
            }
            guard present > 0 && present >= threshold * total else { return .success(.nan) }
            return .success(exp(sum / present) - shift)
        case .harmonic:
            for i in values.indices where !values[i].isNaN {
                let x = values[i] + shift
                guard x > 0 else { return .failure(DomainError(position: i)) }
                present += weights[i]
                sum += weights[i] / x
            }
            guard present > 0 && present >= threshold * total else { return .success(.nan) }
            return .success(present / sum - shift)
        case .generalised(let p):
            for i in values.indices where !values[i].isNaN {
                let x = values[i] + shift
                guard p > 0 ? x >= 0 : x > 0 else { return .failure(DomainError(position: i)) }
                present += weights[i]
                sum += weights[i] * pow(x, p)
            }
            guard present > 0 && present >= threshold * total else { return .success(.nan) }
            return .success(pow(sum / present, 1 / p) - shift)
        }
    }

    /// A child value outside an aggregation method's domain, by its position among the children.
    public struct DomainError: Error, Sendable, Equatable {
        public var position: Int
        @inlinable public init(position: Int) { self.position = position }
    }

    /// Every level of the composite for every unit: `result[k][member][unit]` for level k
    /// (0 = the indicators, `data` itself; k ≥ 1 = `structure.levels[k - 1]`). `data` holds one
    /// column per indicator (NaN = missing); `methods` one method per aggregation level, or a
    /// single method for all. O(units × (indicators + nodes)).
    ///
    /// - Throws: `StatsError.invalidParameter` when the data does not fit the structure, a method
    ///   is a generalised mean with p = 0 or not finite, the threshold is outside [0, 1]; and
    ///   `StatsError.aggregationDomain` naming the unit (0-based), the child's code and value when
    ///   a value is outside the method's domain.
    public static func aggregate(
        _ data: [[Double]], structure: CompositeStructure, methods: [AggregationMethod],
        threshold: Double = defaultThreshold, shift: Double = 0
    ) throws(StatsError) -> [[[Double]]] {
        try validate(data, structure: structure, methods: methods, threshold: threshold, shift: shift)
        let units = data.first?.count ?? 0
        var result = [data]
        for (k, level) in structure.levels.enumerated() {
            let method = methods.count == 1 ? methods[0] : methods[k]
            let below = result[k], codes = structure.codes(ofLevel: k)
            var columns = [[Double]]()
            columns.reserveCapacity(level.count)
            for node in level {
                var column = [Double](repeating: .nan, count: units)
                var values = [Double](repeating: 0, count: node.children.count)
                for unit in 0..<units {
                    for (i, child) in node.children.enumerated() { values[i] = below[child][unit] }
                    let mean = values.withUnsafeBufferPointer { v in
                        node.weights.withUnsafeBufferPointer { w in
                            weightedMean(v, weights: w, method: method, threshold: threshold, shift: shift)
                        }
                    }
                    switch mean {
                    case .success(let x): column[unit] = x
                    case .failure(let error):
                        let child = node.children[error.position]
                        throw .aggregationDomain(unit: unit, member: codes[child], value: below[child][unit],
                                                 method: method.description, allowed: method.domain)
                    }
                }
                columns.append(column)
            }
            result.append(columns)
        }
        return result
    }

    static func validate(
        _ data: [[Double]], structure: CompositeStructure, methods: [AggregationMethod], threshold: Double, shift: Double
    ) throws(StatsError) {
        guard data.count == structure.indicators.count else {
            throw .shapeMismatch("the data has \(data.count) indicator columns but the composite has \(structure.indicators.count) indicators")
        }
        let units = data.first?.count ?? 0
        if let column = data.firstIndex(where: { $0.count != units }) {
            throw .shapeMismatch("indicator \(structure.indicators[column]) has \(data[column].count) values but \(structure.indicators[0]) has \(units)")
        }
        guard methods.count == 1 || methods.count == structure.levels.count else {
            throw .invalidParameter(name: "methods", value: "\(methods.count) methods",
                                    allowed: "one method, or one per aggregation level (\(structure.levels.count))")
        }
        for case .generalised(let p) in methods where p == 0 || !p.isFinite {
            throw .invalidParameter(name: "power", value: NumberFormat.exact(p),
                                    allowed: "a finite power other than 0 (use the geometric mean for the limit p → 0)")
        }
        guard threshold >= 0 && threshold <= 1 else {
            throw .invalidParameter(name: "threshold", value: NumberFormat.exact(threshold), allowed: "a share of the weight between 0 and 1")
        }
        guard shift.isFinite && shift >= 0 else {
            throw .invalidParameter(name: "shift", value: NumberFormat.exact(shift), allowed: "a finite number of 0 or more")
        }
    }
}
