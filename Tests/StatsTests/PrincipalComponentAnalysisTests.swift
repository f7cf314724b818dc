import Foundation
import Testing
@testable import Stats

@Suite("PrincipalComponentAnalysis: R prcomp up to signs")
struct PrincipalComponentAnalysisTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var scale: Bool
            var x: [[Double]]
            var rowsUsed: [Int]
            var sdev: [Double]
            var rotation: [[Double]]
            var scores: [[Double]]
            var center: [Double]
            var scaleValues: [Double]?
        }
        var r: String
        var cases: [Case]

        static func load() throws -> Reference { try fixture("PrincipalComponentAnalysis_reference", as: Reference.self) }  // NaN cells as JSON5
    }

    @Test("sdev, rotation, x, center and scale equal R prcomp (1e-10), up to one sign per component")
    func matchesR() throws {
        let reference = try Reference.load()
        #expect(reference.cases.count == 10)
        for (index, item) in reference.cases.enumerated() {
            let pca = try PrincipalComponentAnalysis.fit(rows: Matrix(item.x), scale: item.scale)
            let p = item.x[0].count, n = item.x.count, components = item.sdev.count
            #expect(pca.rowsUsed == item.rowsUsed, "case \(index)")
            #expect(isClose(pca.standardDeviations, item.sdev, tolerance: 1e-10), "case \(index)")
            #expect(isClose(pca.center, item.center, tolerance: 1e-12), "case \(index)")
            if let scale = item.scaleValues {
                #expect(pca.scale.map { isClose($0, scale, tolerance: 1e-12) } == true, "case \(index)")
            } else {
                #expect(pca.scale == nil, "case \(index)")
            }
            #expect(pca.loadings.rows == p && pca.loadings.columns == components, "case \(index)")
            #expect(pca.scores.rows == n && pca.scores.columns == components, "case \(index)")
            var mismatches = Mismatches()
            for c in 0..<components {
                // A component of (numerically) zero variance has no defined direction.
                guard item.sdev[c] > 1e-8 * item.sdev[0] else { continue }
                let r = (0..<p).map { item.rotation[$0][c] }
                let sign: Double = zip(pca.loadings.column(c), r).reduce(0) { $0 + $1.0 * $1.1 } < 0 ? -1 : 1
                for v in 0..<p {
                    mismatches.check(isClose(pca.loadings[v, c], sign * r[v], tolerance: 1e-10),
                                     "case \(index), loading (\(v), \(c)): \(pca.loadings[v, c]) vs \(sign * r[v])")
                }
                for (k, row) in item.rowsUsed.enumerated() {
                    mismatches.check(isClose(pca.scores[row, c], sign * item.scores[k][c], tolerance: 1e-10),
                                     "case \(index), score (\(row), \(c)): \(pca.scores[row, c]) vs \(sign * item.scores[k][c])")
                }
            }
            mismatches.report("loadings and scores")
            for row in 0..<n where !item.rowsUsed.contains(row) {
                #expect(pca.scores.row(row).allSatisfy { $0.isNaN }, "case \(index), row \(row) has a missing cell")
            }
            #expect(isClose(pca.explainedVariance.reduce(0, +), 1, tolerance: 1e-12), "case \(index)")
            let total = item.sdev.reduce(0) { $0 + $1 * $1 }
            let expectedShares = item.sdev.map { $0 * $0 / total }
            #expect(isClose(pca.explainedVariance, expectedShares, tolerance: 1e-10), "case \(index)")
        }
        #expect(reference.cases.contains { $0.rowsUsed.count < $0.x.count })
    }

    @Test("Each component's largest loading is positive; loadings are orthonormal")
    func signConvention() throws {
        var g = SplitMix64(seed: 4)
        let data = Matrix(rows: 40, columns: 5, elements: (0..<200).map { _ in g.unit() - 0.5 })
        for scale in [true, false] {
            let pca = try PrincipalComponentAnalysis.fit(rows: data, scale: scale)
            for c in 0..<pca.loadings.columns {
                let column = pca.loadings.column(c)
                let largest = column.max { abs($0) < abs($1) }!
                #expect(largest > 0)
                #expect(isClose(column.reduce(0) { $0 + $1 * $1 }, 1, tolerance: 1e-12))
            }
            // Scores' variances are the squared standard deviations.
            for c in 0..<pca.scores.columns {
                let v = pca.scores.column(c).reduce(0) { $0 + $1 * $1 } / 39
                #expect(isClose(v, pca.standardDeviations[c] * pca.standardDeviations[c], tolerance: 1e-10))
            }
        }
    }

    @Test("Bad input throws: no columns, fewer than 2 complete rows, a constant column when scaling")
    func errors() throws {
        #expect(throws: StatsError.self) {
            try PrincipalComponentAnalysis.fit(rows: Matrix(rows: 3, columns: 0, elements: []))
        }
        let incomplete = try Matrix([[1, 2], [3, .nan], [.nan, 4]])
        #expect { try PrincipalComponentAnalysis.fit(rows: incomplete) } throws: { error in
            guard case StatsError.invalidParameter(let name, let value, _) = error else { return false }
            return name == "complete rows" && value == "1"
        }
        let constant = try Matrix([[1, 5, 2], [2, 5, 1], [3, 5, 7], [.nan, 4, 1]])
        #expect(throws: StatsError.constantColumn(index: 1, method: "a principal component analysis with scaling")) {
            try PrincipalComponentAnalysis.fit(rows: constant)
        }
        let unscaled = try PrincipalComponentAnalysis.fit(rows: constant, scale: false)
        #expect(unscaled.rowsUsed == [0, 1, 2])
        #expect(unscaled.standardDeviations.last.map { abs($0) < 1e-12 } == true)
        #expect(unscaled.scores.row(3).allSatisfy { $0.isNaN })
        let infinite = try Matrix([[1, 2], [3, .infinity], [5, 4]])
        #expect { try PrincipalComponentAnalysis.fit(rows: infinite) } throws: { error in
            guard case StatsError.invalidCell(let row, let column, let value, _) = error else { return false }
            return row == 1 && column == 1 && value == .infinity
                && (error as! StatsError).description.hasPrefix("the cell in row 2, column 2 is inf")
        }
    }
}
