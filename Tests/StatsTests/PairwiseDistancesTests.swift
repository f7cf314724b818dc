import Foundation
import Testing
@testable import Stats

// Fixtures/distances_reference.json is written by Fixtures/make_distances.py (scipy's pdist for
// complete data; R's dist rule for missing cells, implemented in numpy and checked against R's
// dist() by the script; a direct numpy implementation of the balanced distances).

private struct DistanceCase: Decodable, Sendable {
    var name: String
    var rows: Int
    var columns: Int
    var data: [Double]
    var metrics: [String: [Double]]
    var pairs: [Int]?
    var minimumShared: Int?
    var shared: [Int32]?
    var groups: [[Int]]?
    var weights: [Double]?

    var matrix: Matrix { Matrix(rows: rows, columns: columns, elements: data) }
}

private struct DistanceReference: Decodable, Sendable {
    var complete: [DistanceCase]
    var missing: [DistanceCase]
    var balanced: [DistanceCase]

    private static let loaded = Result { try fixture("distances_reference", as: DistanceReference.self) }

    static func load() throws -> DistanceReference { try loaded.get() }
}

/// Random normal-ish rows from the toolkit's seeded generator.
private func randomMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    let elements = (0..<(rows * columns)).map { k in (generator.unit() - 0.5) * Double(1 + k % columns) * 3 }
    return Matrix(rows: rows, columns: columns, elements: elements)
}

private func expectError(_ expected: StatsError, sourceLocation: SourceLocation = #_sourceLocation,
                         _ body: () throws(StatsError) -> DistanceMatrix) {
    do {
        let result = try body()
        Issue.record("expected \(expected), got \(result.values.count) distances", sourceLocation: sourceLocation)
    } catch {
        #expect(error == expected, sourceLocation: sourceLocation)
    }
}

private func invalidParameterName(_ body: () throws(StatsError) -> DistanceMatrix) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        if case .invalidParameter(let name, _, _) = error { return name }
        return "other error: \(error)"
    }
}

@Suite("Pairwise distances")
struct PairwiseDistancesTests {
    @Test("complete data match scipy pdist for every metric to 1e-12")
    func completeMatchesScipy() throws {
        var mismatches = Mismatches()
        for c in try DistanceReference.load().complete {
            for metric in DistanceMetric.allCases {
                guard let expected = c.metrics[metric.rawValue] else { continue }
                let d = try DistanceMatrix.between(rows: c.matrix, metric: metric)
                #expect(d.count == c.rows && d.variables == c.columns && d.shared == nil)
                let actual = c.pairs.map { $0.map { d.values[$0] } } ?? d.values
                mismatches.check(isClose(actual, expected, tolerance: 1e-12),
                                 "\(c.name) \(metric): max difference \(zip(actual, expected).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? -1)")
            }
        }
        mismatches.report("complete cases")
    }

    @Test("missing cells follow R's dist rule (p / m rescaling), with shared counts")
    func missingFollowsRule() throws {
        var mismatches = Mismatches()
        for c in try DistanceReference.load().missing {
            for (name, expected) in c.metrics {
                let metric = try #require(DistanceMetric(rawValue: name))
                let d = try DistanceMatrix.between(rows: c.matrix, metric: metric, minimumShared: c.minimumShared)
                mismatches.check(isClose(d.values, expected, tolerance: 1e-12), "\(c.name) \(metric)")
                mismatches.check(d.shared == c.shared, "\(c.name) \(metric): shared counts")
                #expect(d.variables == c.columns)
            }
        }
        mismatches.report("cases with missing cells")
    }

    @Test("pairs with fewer than minimumShared shared variables are NaN, and only those")
    func minimumSharedMakesNaN() throws {
        let c = try #require(try DistanceReference.load().missing.first { $0.minimumShared == 5 })
        let d = try DistanceMatrix.between(rows: c.matrix, minimumShared: 5)
        let shared = try #require(d.shared)
        let missing = d.values.indices.filter { d.values[$0].isNaN }
        #expect(!missing.isEmpty && missing.count < d.values.count)
        #expect(missing == d.values.indices.filter { shared[$0] < 5 })
        // The default, ceil(6 / 2) = 3, keeps more pairs.
        let defaulted = try DistanceMatrix.between(rows: c.matrix)
        #expect(defaulted.values.filter(\.isNaN).count < missing.count)
        #expect(defaulted.values.indices.allSatisfy { defaulted.values[$0].isNaN == (shared[$0] < 3) })
    }

    @Test("balanced distances match the numpy implementation")
    func balancedMatchesNumpy() throws {
        var mismatches = Mismatches()
        for c in try DistanceReference.load().balanced {
            for (name, expected) in c.metrics {
                let metric = try #require(DistanceMetric(rawValue: name))
                let d = try DistanceMatrix.balanced(rows: c.matrix, groups: c.groups ?? [], weights: c.weights,
                                                    metric: metric, minimumShared: c.minimumShared)
                mismatches.check(isClose(d.values, expected, tolerance: 1e-12), "\(c.name) \(metric)")
                mismatches.check(d.shared == c.shared, "\(c.name) \(metric): shared counts")
                #expect(d.variables == (c.groups ?? []).reduce(0) { $0 + $1.count })
            }
        }
        mismatches.report("balanced cases")
    }

    @Test("the fast complete-data path equals the missing-data path on complete data")
    func fastPathAgreesWithGeneralPath() throws {
        for (rows, columns) in [(5, 3), (13, 2), (300, 6)] {  // 300 rows: parallel chunks
            let x = randomMatrix(rows: rows, columns: columns, seed: UInt64(rows))
            for metric in DistanceMetric.allCases {
                let fast = try PairwiseDistances.between(x, metric: metric, minimumShared: nil, general: false)
                let general = try PairwiseDistances.between(x, metric: metric, minimumShared: nil, general: true)
                #expect(fast.shared == nil)
                #expect(general.shared == [Int32](repeating: Int32(columns), count: fast.values.count))
                if metric == .mahalanobis {  // whitened rows vs a solve per pair: equal to rounding
                    #expect(isClose(fast.values, general.values, tolerance: 1e-12), "\(rows) x \(columns) \(metric)")
                } else {  // the same sums in the same order
                    #expect(fast.values == general.values, "\(rows) x \(columns) \(metric)")
                }
            }
        }
    }

    @Test("permuting the rows permutes the distances")
    func permutationProperty() throws {
        var generator = SplitMix64(seed: 7)
        var x = randomMatrix(rows: 41, columns: 5, seed: 41)
        x[3, 2] = .nan
        x[17, 0] = .nan
        var permutation = Array(0..<41)
        for i in stride(from: 40, to: 0, by: -1) { permutation.swapAt(i, generator.int(0...i)) }
        let permuted = Matrix(rows: 41, columns: 5, elements: permutation.flatMap { x.row($0) })
        for metric in DistanceMetric.allCases {
            let d = try DistanceMatrix.between(rows: x, metric: metric)
            let e = try DistanceMatrix.between(rows: permuted, metric: metric)
            var ok = true
            for a in 0..<41 {
                for b in (a + 1)..<41 {
                    ok = ok && isClose(e[a, b], d[permutation[a], permutation[b]], tolerance: 1e-12)
                        && e.sharedCount(a, b) == d.sharedCount(permutation[a], permutation[b])
                }
            }
            #expect(ok, "\(metric)")
        }
    }

    @Test("collinear columns are named (0-based, ascending)")
    func collinearColumns() throws {
        var x = randomMatrix(rows: 30, columns: 5, seed: 3)
        for i in 0..<30 { x[i, 4] = x[i, 1] + 2 * x[i, 3] }  // columns 2, 4 and 5 (1-based)
        expectError(.collinearVariables([1, 3, 4])) { () throws(StatsError) in
            try DistanceMatrix.between(rows: x, metric: .mahalanobis)
        }
        var y = randomMatrix(rows: 30, columns: 4, seed: 4)
        for i in 0..<30 { y[i, 2] = y[i, 0] + 2 * y[i, 1] }  // column 3 = column 1 + 2 * column 2
        expectError(.collinearVariables([0, 1, 2])) { () throws(StatsError) in
            try DistanceMatrix.between(rows: y, metric: .mahalanobis)
        }
        // In a group, the data's column indices.
        expectError(.collinearVariables([1, 3, 4])) { () throws(StatsError) in
            try DistanceMatrix.balanced(rows: x, groups: [[0, 2], [4, 1, 3]], metric: .mahalanobis)
        }
        // Other metrics do not care.
        #expect(try DistanceMatrix.between(rows: x, metric: .standardised).values.allSatisfy(\.isFinite))
    }

    @Test("a constant column under the standardised and Mahalanobis metrics")
    func constantColumn() throws {
        var x = randomMatrix(rows: 12, columns: 3, seed: 5)
        for i in 0..<12 { x[i, 1] = 0.1 }
        expectError(.constantColumn(index: 1, method: "a standardised distance")) { () throws(StatsError) in
            try DistanceMatrix.between(rows: x, metric: .standardised)
        }
        expectError(.constantColumn(index: 1, method: "a Mahalanobis distance")) { () throws(StatsError) in
            try DistanceMatrix.between(rows: x, metric: .mahalanobis)
        }
        // Observed values only: one other value, missing, leaves the column constant.
        var y = x
        y[4, 1] = .nan
        expectError(.constantColumn(index: 1, method: "a standardised distance")) { () throws(StatsError) in
            try DistanceMatrix.between(rows: y, metric: .standardised)
        }
        #expect(try DistanceMatrix.between(rows: x, metric: .euclidean).values.count == 66)
    }

    @Test("bad input is a typed error naming what and where")
    func badInput() throws {
        let x = randomMatrix(rows: 6, columns: 3, seed: 6)
        #expect(invalidParameterName { () throws(StatsError) in
            try DistanceMatrix.between(rows: Matrix(rows: 4, columns: 0, elements: []))
        } == "data")
        var infinite = x
        infinite[2, 1] = -.infinity
        #expect(throws: StatsError.invalidCell(row: 2, column: 1, value: -.infinity,
                                               allowed: "distances need finite values (NaN marks a missing one); replace the infinite value or mark it missing")) {
            try DistanceMatrix.between(rows: infinite)
        }
        for bad in [0, 4] {
            #expect(invalidParameterName { () throws(StatsError) in
                try DistanceMatrix.between(rows: x, minimumShared: bad)
            } == "minimumShared")
        }
        var zero = x
        for k in 0..<3 { zero[4, k] = 0 }
        #expect(throws: StatsError.zeroRow(4, other: nil)) { try DistanceMatrix.between(rows: zero, metric: .cosine) }
        var partlyZero = x  // row 2 is zero on the only variable it shares with row 1
        partlyZero[1, 0] = 0
        partlyZero[1, 1] = .nan
        partlyZero[0, 2] = .nan
        #expect(throws: StatsError.zeroRow(1, other: 0)) {
            try DistanceMatrix.between(rows: partlyZero, metric: .cosine, minimumShared: 1)
        }
        #expect(StatsError.zeroRow(1, other: 0).description.hasPrefix("row 2 is all zero on the variables it shares with row 1"))
        #expect(invalidParameterName { () throws(StatsError) in  // 3 complete rows for 3 variables
            try DistanceMatrix.between(rows: x.withMissing([(0, 0), (1, 1), (2, 2)]), metric: .mahalanobis)
        } == "complete rows")
    }

    @Test("zero or one row gives no pairs")
    func tinyData() throws {
        for rows in [0, 1] {
            for metric in DistanceMetric.allCases {
                let d = try DistanceMatrix.between(
                    rows: Matrix(rows: rows, columns: 3, elements: [Double](repeating: 1, count: rows * 3)), metric: metric)
                #expect(d.count == rows && d.values.isEmpty && d.variables == 3)
            }
        }
    }

    @Test("balanced: bad groups and weights are typed errors")
    func balancedValidation() throws {
        let x = randomMatrix(rows: 8, columns: 4, seed: 8)
        let cases: [([[Int]], [Double]?, String)] = [
            ([], nil, "groups"), ([[0], []], nil, "groups"), ([[0, 4]], nil, "groups"),
            ([[0, 1], [1]], nil, "groups"), ([[0], [1]], [1], "weights"),
            ([[0], [1]], [1, -1], "weights"), ([[0], [1]], [0, 0], "weights"),
        ]
        for (groups, weights, name) in cases {
            #expect(invalidParameterName { () throws(StatsError) in
                try DistanceMatrix.balanced(rows: x, groups: groups, weights: weights)
            } == name, "\(groups) \(weights ?? [])")
        }
        // One group of all columns: the distances over their largest.
        let one = try DistanceMatrix.balanced(rows: x, groups: [[0, 1, 2, 3]])
        let plain = try DistanceMatrix.between(rows: x)
        let largest = plain.values.max()!
        #expect(isClose(one.values, plain.values.map { $0 / largest }, tolerance: 1e-15))
        #expect(one.values.max() == 1)
    }
}

private extension Matrix {
    func withMissing(_ cells: [(Int, Int)]) -> Matrix {
        var copy = self
        for (i, k) in cells { copy[i, k] = .nan }
        return copy
    }
}
