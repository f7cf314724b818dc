import Testing
@testable import Stats

@Suite("Composite structure and aggregation (weighted power means, missing children)")
struct AggregationTests {
    /// Two dimensions (a, b | c) under one index; the index weights the first dimension 3 to 1.
    func structure() throws -> CompositeStructure {
        try CompositeStructure(indicators: ["a", "b", "c"], levels: [
            [.init(code: "D1", children: [0, 1]), .init(code: "D2", children: [2])],
            [.init(code: "Index", children: [0, 1], weights: [3, 1])],
        ])
    }

    @Test("Effective weights multiply the normalised weights along each path and sum to 1")
    func effectiveWeights() throws {
        let s = try structure()
        #expect(s.effectiveWeights == [[0.375, 0.375, 0.25]])
        #expect(s.normalisedWeights[1][0] == [0.75, 0.25])
        let flat = try CompositeStructure.flat(indicators: ["x", "y", "z", "w"], weights: [1, 1, 2, 4])
        #expect(flat.effectiveWeights == [[0.125, 0.125, 0.25, 0.5]])
    }

    @Test("Arithmetic aggregation level by level equals data times the effective weights")
    func arithmetic() throws {
        let s = try structure()
        let data: [[Double]] = [[1, 4, 2], [3, 0, 2], [2, 2, 0]]
        let levels = try Aggregation.aggregate(data, structure: s, methods: [.arithmetic])
        #expect(levels[1][0] == [2, 2, 2])
        #expect(levels[1][1] == [2, 2, 0])
        let w = s.effectiveWeights[0]
        for unit in 0..<3 {
            let direct = (0..<3).reduce(0.0) { $0 + w[$1] * data[$1][unit] }
            #expect(isClose(levels[2][0][unit], direct))
        }
    }

    @Test("Geometric, harmonic and generalised means on a hand-checked example")
    func powerMeans() throws {
        let s = try CompositeStructure.flat(indicators: ["x", "y"], weights: [1, 3])
        let data: [[Double]] = [[4], [1]]
        func index(_ m: AggregationMethod) throws -> Double { try Aggregation.aggregate(data, structure: s, methods: [m])[1][0][0] }
        #expect(isClose(try index(.arithmetic), 1.75))
        #expect(isClose(try index(.geometric), 1.4142135623730951))  // 4^0.25 · 1^0.75
        #expect(isClose(try index(.harmonic), 1 / (0.25 / 4 + 0.75)))
        #expect(isClose(try index(.generalised(power: 2)), (0.25 * 16 + 0.75).squareRoot()))
        #expect(isClose(try index(.generalised(power: 1)), try index(.arithmetic)))
        #expect(isClose(try index(.generalised(power: -1)), try index(.harmonic)))
        #expect(abs(try index(.generalised(power: 1e-7)) - index(.geometric)) < 1e-6)
        // Power means are ordered: harmonic ≤ geometric ≤ arithmetic ≤ quadratic.
        #expect(try index(.harmonic) <= index(.geometric))
        #expect(try index(.geometric) <= index(.arithmetic))
        #expect(try index(.arithmetic) <= index(.generalised(power: 2)))
    }

    @Test("A zero under the geometric mean names the unit and the child; a shift aggregates it")
    func zeroUnderGeometric() throws {
        let s = try CompositeStructure.flat(indicators: ["x", "y"])
        let data: [[Double]] = [[1, 2], [3, 0]]
        #expect(throws: StatsError.aggregationDomain(unit: 1, member: "y", value: 0, method: "geometric", allowed: "values above 0")) {
            try Aggregation.aggregate(data, structure: s, methods: [.geometric])
        }
        let shifted = try Aggregation.aggregate(data, structure: s, methods: [.geometric], shift: 1)
        #expect(isClose(shifted[1][0][1], (3.0 * 1).squareRoot() - 1))
        #expect(isClose(shifted[1][0][0], (2.0 * 4).squareRoot() - 1))
        // Under the arithmetic mean the shift cancels.
        #expect(try Aggregation.aggregate(data, structure: s, methods: [.arithmetic], shift: 1)[1][0] == [2, 1])
    }

    @Test("Missing children: the mean over those present if they carry the threshold share, else missing")
    func missingChildren() throws {
        let s = try CompositeStructure.flat(indicators: ["x", "y", "z"], weights: [1, 1, 2])
        let data: [[Double]] = [[1, .nan, .nan], [2, 2, .nan], [4, 4, 4]]
        let index = try Aggregation.aggregate(data, structure: s, methods: [.arithmetic])[1][0]
        #expect(index[0] == 2.75)  // all present: (1 + 2 + 2 · 4) / 4
        #expect(isClose(index[1], 10.0 / 3))  // x missing: 3/4 of the weight remains, (2 + 2 · 4) / 3
        #expect(index[2].isNaN)  // x and y missing: 1/2 < 2/3
        let lenient = try Aggregation.aggregate(data, structure: s, methods: [.arithmetic], threshold: 0.5)[1][0]
        #expect(lenient[2] == 4)
    }

    @Test("Bad structures and parameters are errors that name the node")
    func validation() throws {
        #expect(throws: StatsError.self) {
            try CompositeStructure(indicators: ["a", "b"], levels: [[.init(code: "I", children: [0])]])  // b has no parent
        }
        #expect(throws: StatsError.self) {
            try CompositeStructure(indicators: ["a"], levels: [[.init(code: "I", children: [0], weights: [-1])]])
        }
        #expect(throws: StatsError.self) {
            try CompositeStructure(indicators: ["a", "b"], levels: [[.init(code: "I", children: [0, 1]), .init(code: "J", children: [1])]])
        }
        let s = try CompositeStructure.flat(indicators: ["a"])
        #expect(throws: StatsError.self) { try Aggregation.aggregate([[1]], structure: s, methods: [.generalised(power: 0)]) }
        #expect(throws: StatsError.self) { try Aggregation.aggregate([[1], [2]], structure: s, methods: [.arithmetic]) }
    }

    @Test("Permuting the units permutes the aggregates")
    func permutationInvariance() throws {
        let s = try structure()
        var rng = SplitMix64(seed: 7)
        let data = (0..<3).map { _ in (0..<9).map { _ in 0.5 + 3 * rng.unit() } }
        let order = [4, 0, 8, 2, 6, 1, 7, 3, 5]
        for method in [AggregationMethod.arithmetic, .geometric, .harmonic, .generalised(power: 0.5)] {
            let a = try Aggregation.aggregate(data, structure: s, methods: [method])[2][0]
            let b = try Aggregation.aggregate(data.map { c in order.map { c[$0] } }, structure: s, methods: [method])[2][0]
            #expect(order.map { a[$0] } == b)
        }
    }
}

@Suite("Principal-component weights and Cronbach's alpha (R references)")
struct PrincipalComponentWeightsTests {
    let x: [[Double]] = [[2.1, 3.4, 1.9, 3.8, 2.7, 0.4, 2.2], [1.0, 2.9, 1.5, 3.1, 2.2, 0.9, 1.7], [3.3, 3.0, 2.1, 3.9, 2.5, 1.2, 2.8]]

    @Test("Loadings of the first component equal R's prcomp(x, scale. = TRUE)$rotation[, 1]")
    func prcomp() throws {
        let p = try PrincipalComponentWeights(columns: x)
        let r = [0.61510854480875066, 0.56384986797281966, 0.55110326118640807]
        for (a, b) in zip(p.weights, r) { #expect(abs(a - b) < 1e-12) }
        #expect(abs(p.explained - 0.8692461181706604423) < 1e-12)
        #expect(p.rowsUsed == 7)
    }

    @Test("Rows with a missing value are left out; a negatively loading column is an error")
    func missingAndNegative() throws {
        var y = x
        y[1].append(5); y[0].append(.nan); y[2].append(1)
        #expect(try PrincipalComponentWeights(columns: y).weights == PrincipalComponentWeights(columns: x).weights)
        var z = x
        z[1] = z[1].map { -$0 }
        #expect(throws: StatsError.self) { try PrincipalComponentWeights(columns: z) }
    }

    @Test("Cronbach's alpha as R: k/(k-1) (1 - sum(apply(x, 2, var)) / var(rowSums(x)))")
    func alpha() {
        #expect(abs(cronbachAlpha(x) - 0.92176030962231426) < 1e-12)
        #expect(cronbachAlpha([x[0]]).isNaN)
        #expect(cronbachAlpha([x[0], x[0]]) > 0.999999)
    }
}
