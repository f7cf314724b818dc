import Foundation
import Testing
@testable import Stats

/// Test functions with known Sobol' indices (Saltelli et al. 2008, "Global Sensitivity Analysis:
/// The Primer", ch. 4; Ishigami & Homma 1990; Sobol' 1998 for the G function), all at N = 8192 and
/// a fixed seed, within 0.02 of the analytic values (dummy inputs within 0.01 of 0).
@Suite("SobolSensitivity: Saltelli design, Saltelli 2010 / Jansen estimators, bootstrap as SALib")
struct SobolSensitivityTests {
    static let n = 8192
    static let seed: UInt64 = 20240611

    // MARK: Test functions

    /// Ishigami with a = 7, b = 0.1 on [-π, π]³; extra columns (dummies) are ignored.
    static func ishigami(dimensions: Int) -> SobolModel {
        { points, count, out in
            for row in 0..<count {
                let x = (0..<3).map { -Double.pi + 2 * Double.pi * points[row * dimensions + $0] }
                out[row] = sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])
            }
        }
    }

    /// The analytic Ishigami partial variances: V1, V2, V3 (= 0), V13 and V.
    static let ishigamiVariances: (v1: Double, v2: Double, v13: Double, v: Double) = {
        let a = 7.0, b = 0.1, pi4 = pow(Double.pi, 4), pi8 = pow(Double.pi, 8)
        let v1 = 0.5 * pow(1 + b * pi4 / 5, 2)
        let v2 = a * a / 8
        let v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50)
        return (v1, v2, v13, v1 + v2 + v13)
    }()

    static func within(_ actual: [Double], _ expected: [Double], _ tolerance: Double) -> Bool {
        actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance }
    }

    // MARK: Validation on test functions

    @Test("Ishigami (a = 7, b = 0.1): S = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437")
    func ishigami() throws {
        let (v1, v2, v13, v) = Self.ishigamiVariances
        #expect(abs(v1 / v - 0.3139) < 1e-4 && abs(v2 / v - 0.4424) < 1e-4 && abs(v13 / v - 0.2437) < 1e-4)
        let result = try SobolSensitivity(dimensions: 3, samples: Self.n, seed: Self.seed, model: Self.ishigami(dimensions: 3))
        #expect(result.names == ["x1", "x2", "x3"])
        #expect(Self.within(result.firstOrder, [v1 / v, v2 / v, 0], 0.02), "S1 = \(result.firstOrder)")
        #expect(Self.within(result.totalOrder, [(v1 + v13) / v, v2 / v, v13 / v], 0.02), "ST = \(result.totalOrder)")
        #expect(result.evaluations == Self.n * 5)
        #expect(result.convergence.map(\.samples) == [2048, 4096, 8192])
        #expect(abs(result.variance - v) / v < 0.02, "V = \(result.variance), analytic \(v)")
        #expect(result.firstOrderConfidence.allSatisfy { $0 > 0 && $0 < 0.05 })
        #expect(result.totalOrderConfidence.allSatisfy { $0 > 0 && $0 < 0.05 })
    }

    @Test("A dummy input (a column the model ignores) has indices within 0.01 of 0")
    func dummy() throws {
        let result = try SobolSensitivity(dimensions: 4, samples: Self.n, seed: Self.seed, resamples: 100, model: Self.ishigami(dimensions: 4))
        #expect(abs(result.firstOrder[3]) <= 0.01 && abs(result.totalOrder[3]) <= 0.01,
                "dummy S = \(result.firstOrder[3]), ST = \(result.totalOrder[3])")
        // Jansen's total index of an input that does not move the output is exactly 0.
        #expect(result.totalOrder[3] == 0)
        let (v1, v2, v13, v) = Self.ishigamiVariances
        #expect(Self.within(result.firstOrder, [v1 / v, v2 / v, 0, 0], 0.02))
        #expect(Self.within(result.totalOrder, [(v1 + v13) / v, v2 / v, v13 / v, 0], 0.02))
    }

    @Test("Sobol' G, a = (0, 1, 4.5, 9, 99, 99, 99, 99): S1 of the first two 0.7162 and 0.1790")
    func sobolG() throws {
        let a: [Double] = [0, 1, 4.5, 9, 99, 99, 99, 99]
        let d = a.count
        // Analytic: V_i = 1 / (3 (1 + a_i)²), V = Π (1 + V_i) − 1, ST_i = V_i Π_{j≠i} (1 + V_j) / V.
        let partial = a.map { 1 / (3 * (1 + $0) * (1 + $0)) }
        let product = partial.reduce(1) { $0 * (1 + $1) }
        let v = product - 1
        let s = partial.map { $0 / v }
        let st = partial.map { $0 * product / (1 + $0) / v }
        #expect(abs(s[0] - 0.7162) < 1e-4 && abs(s[1] - 0.1790) < 1e-4)
        let result = try SobolSensitivity(dimensions: d, samples: Self.n, seed: Self.seed, resamples: 100) { points, count, out in
            for row in 0..<count {
                var y = 1.0
                for i in 0..<d {
                    let x = points[row * d + i]
                    y *= (abs(4 * x - 2) + a[i]) / (1 + a[i])
                }
                out[row] = y
            }
        }
        #expect(Self.within(result.firstOrder, s, 0.02), "S1 = \(result.firstOrder), analytic \(s)")
        #expect(Self.within(result.totalOrder, st, 0.02), "ST = \(result.totalOrder), analytic \(st)")
    }

    @Test("Linear model y = Σ c_i x_i: S_i = ST_i = c_i² Var(x_i) / Σ c_j² Var(x_j); a dummy is 0")
    func linear() throws {
        let c: [Double] = [1, 2, -3, 0.5, 0]
        let ranges: [Double] = [1, 2, 0.5, 4, 3]  // x_i uniform on [0, range_i]: Var = range² / 12
        let contributions = zip(c, ranges).map { $0 * $0 * $1 * $1 / 12 }
        let expected = contributions.map { $0 / contributions.reduce(0, +) }
        let result = try SobolSensitivity(dimensions: 5, samples: Self.n, seed: Self.seed, resamples: 100) { points, count, out in
            for row in 0..<count {
                out[row] = (0..<5).reduce(0) { $0 + c[$1] * ranges[$1] * points[row * 5 + $1] }
            }
        }
        #expect(Self.within(result.firstOrder, expected, 0.02), "S1 = \(result.firstOrder), analytic \(expected)")
        #expect(Self.within(result.totalOrder, expected, 0.02), "ST = \(result.totalOrder), analytic \(expected)")
        #expect(abs(result.firstOrder[4]) <= 0.01 && abs(result.totalOrder[4]) <= 0.01)
    }

    @Test("Weighted score Σ W_j x_j, W_j ~ U(w_j (1 − f), w_j (1 + f)): S_j = (x_j w_j)² / Σ (x_k w_k)²")
    func weightedScore() throws {
        let x: [Double] = [0.82, 0.35, 0.51, 0.93, 0.12, 0.67]
        let w: [Double] = [0.25, 0.2, 0.15, 0.15, 0.15, 0.1]
        let f = 0.25
        let squares = zip(x, w).map { ($0 * $1) * ($0 * $1) }
        let expected = squares.map { $0 / squares.reduce(0, +) }
        let result = try SobolSensitivity(dimensions: 6, inputNames: ["a", "b", "c", "d", "e", "f"],
                                          samples: Self.n, seed: Self.seed, resamples: 100) { points, count, out in
            for row in 0..<count {
                var score = 0.0
                for j in 0..<6 { score += w[j] * (1 - f + 2 * f * points[row * 6 + j]) * x[j] }
                out[row] = score
            }
        }
        #expect(result.names == ["a", "b", "c", "d", "e", "f"])
        #expect(Self.within(result.firstOrder, expected, 0.02), "S1 = \(result.firstOrder), analytic \(expected)")
        #expect(Self.within(result.totalOrder, expected, 0.02), "ST = \(result.totalOrder), analytic \(expected)")
    }

    // MARK: Groups

    @Test("Groups of Ishigami inputs: the closed index of {x1, x3} is S1 + S3 + S13 = 0.5576")
    func groups() throws {
        let (v1, v2, v13, v) = Self.ishigamiVariances
        let grouped = try SobolSensitivity(
            dimensions: 3, groups: [SobolGroup("x1+x3", columns: [0, 2]), SobolGroup("x2", columns: [1])],
            samples: Self.n, seed: Self.seed, resamples: 100, model: Self.ishigami(dimensions: 3))
        #expect(grouped.names == ["x1+x3", "x2"])
        #expect(grouped.evaluations == Self.n * 4)
        #expect(Self.within(grouped.firstOrder, [(v1 + v13) / v, v2 / v], 0.02), "S = \(grouped.firstOrder)")
        #expect(Self.within(grouped.totalOrder, [(v1 + v13) / v, v2 / v], 0.02), "ST = \(grouped.totalOrder)")

        // {x1, x2}: closed S = (V1 + V2) / V = 0.7563; ST = 1 − S_{x3} (closed, = 0) = 1.
        let other = try SobolSensitivity(
            dimensions: 3, groups: [SobolGroup("x1+x2", columns: [0, 1]), SobolGroup("x3", columns: [2])],
            samples: Self.n, seed: Self.seed, resamples: 100, model: Self.ishigami(dimensions: 3))
        #expect(Self.within(other.firstOrder, [(v1 + v2) / v, 0], 0.02), "S = \(other.firstOrder)")
        #expect(Self.within(other.totalOrder, [1, v13 / v], 0.02), "ST = \(other.totalOrder)")
    }

    @Test("Bad groups and arguments are typed errors", arguments: [
        [SobolGroup("a", columns: [0, 1])],                                             // column 2 missing
        [SobolGroup("a", columns: [0, 1]), SobolGroup("b", columns: [1, 2])],           // column 1 twice
        [SobolGroup("a", columns: [0, 1, 2]), SobolGroup("b", columns: [])],            // empty group
        [SobolGroup("a", columns: [0, 1]), SobolGroup("b", columns: [3])],              // out of range
        [SobolGroup("a", columns: [0, 1]), SobolGroup("a", columns: [2])],              // duplicate name
    ])
    func badGroups(groups: [SobolGroup]) {
        #expect(throws: StatsError.self) {
            try SobolSensitivity(dimensions: 3, groups: groups, samples: 64, seed: 1, model: Self.ishigami(dimensions: 3))
        }
    }

    @Test("Bad arguments and a non-finite model output are typed errors that say where")
    func badArguments() {
        let model = Self.ishigami(dimensions: 3)
        #expect(throws: StatsError.self) { try SobolSensitivity(dimensions: 0, samples: 64, seed: 1, model: model) }
        #expect(throws: StatsError.self) { try SobolSensitivity(dimensions: 513, samples: 64, seed: 1, model: model) }
        #expect(throws: StatsError.self) { try SobolSensitivity(dimensions: 3, samples: 4, seed: 1, model: model) }
        #expect(throws: StatsError.self) { try SobolSensitivity(dimensions: 3, samples: 64, seed: 1, resamples: 1, model: model) }
        #expect(throws: StatsError.self) { try SobolSensitivity(dimensions: 3, samples: 64, seed: 1, confidenceLevel: 1, model: model) }
        #expect(throws: StatsError.self) { try SobolSensitivity(dimensions: 3, samples: 64, seed: 1, threads: 0, model: model) }
        #expect(throws: StatsError.self) { try SobolSensitivity(dimensions: 3, inputNames: ["a"], samples: 64, seed: 1, model: model) }
        do {
            _ = try SobolSensitivity(dimensions: 2, samples: 64, seed: 1) { points, count, out in
                for row in 0..<count { out[row] = points[row * 2] > 0.9 ? .nan : points[row * 2 + 1] }
            }
            Issue.record("a NaN output must throw")
        } catch {
            #expect(error.description.contains("missing (NaN)") && error.description.contains("matrix"), "\(error)")
        }
    }

    // MARK: Reproducibility, confidence, outputs

    @Test("The same seed gives the same result with 1, 2 or 3 threads; another seed differs")
    func threadsDoNotMatter() throws {
        let model = Self.ishigami(dimensions: 3)
        let results = try [1, 2, 3].map { threads in
            try SobolSensitivity(dimensions: 3, samples: 3000, seed: 5, resamples: 100, threads: threads, model: model)
        }
        for result in results.dropFirst() {
            #expect(result.convergence == results[0].convergence)
        }
        let other = try SobolSensitivity(dimensions: 3, samples: 3000, seed: 6, resamples: 100, threads: 2, model: model)
        #expect(other.firstOrder != results[0].firstOrder)
    }

    @Test("Confidence intervals shrink with N (in the convergence table and across runs)")
    func confidenceShrinks() throws {
        let model = Self.ishigami(dimensions: 3)
        let small = try SobolSensitivity(dimensions: 3, samples: 512, seed: Self.seed, model: model)
        let large = try SobolSensitivity(dimensions: 3, samples: 16384, seed: Self.seed, model: model)
        for i in 0..<3 {
            #expect(large.firstOrderConfidence[i] < small.firstOrderConfidence[i])
            #expect(large.totalOrderConfidence[i] < small.totalOrderConfidence[i])
            let steps = large.convergence
            #expect(steps[0].firstOrderConfidence[i] > steps[2].firstOrderConfidence[i])
            #expect(steps[0].totalOrderConfidence[i] > steps[2].totalOrderConfidence[i])
        }
        // A higher level gives wider intervals (z of 0.99 / z of 0.95 = 2.5758 / 1.9600).
        let wide = try SobolSensitivity(dimensions: 3, samples: 512, seed: Self.seed, confidenceLevel: 0.99, model: model)
        for i in 0..<3 {
            #expect(abs(wide.firstOrderConfidence[i] / small.firstOrderConfidence[i] - 2.5758293 / 1.9599640) < 1e-6)
        }
        let none = try SobolSensitivity(dimensions: 3, samples: 512, seed: Self.seed, resamples: 0, model: model)
        #expect(none.firstOrder == small.firstOrder && none.firstOrderConfidence.allSatisfy(\.isNaN))
    }

    @Test("Several outputs from one design equal separate analyses of each output")
    func severalOutputs() throws {
        let ishigami = Self.ishigami(dimensions: 3)
        let both = try SobolSensitivity.analyze(dimensions: 3, samples: 1024, seed: 3, outputs: 2, resamples: 50) { points, count, out in
            var single = [Double](repeating: 0, count: count)
            single.withUnsafeMutableBufferPointer { ishigami(points, count, $0) }
            for row in 0..<count {
                out[2 * row] = single[row]
                out[2 * row + 1] = points[row * 3] + 2 * points[row * 3 + 1]
            }
        }
        let first = try SobolSensitivity(dimensions: 3, samples: 1024, seed: 3, resamples: 50, model: ishigami)
        let second = try SobolSensitivity(dimensions: 3, samples: 1024, seed: 3, resamples: 50) { points, count, out in
            for row in 0..<count { out[row] = points[row * 3] + 2 * points[row * 3 + 1] }
        }
        #expect(both.count == 2)
        // Indices exactly; half-widths up to the summation order of the BLAS product, whose
        // width depends on the number of outputs.
        for (combined, alone) in [(both[0], first), (both[1], second)] {
            for (x, y) in zip(combined.convergence, alone.convergence) {
                #expect(x.firstOrder == y.firstOrder && x.totalOrder == y.totalOrder && x.variance == y.variance)
                #expect(Self.within(x.firstOrderConfidence, y.firstOrderConfidence, 1e-12))
                #expect(Self.within(x.totalOrderConfidence, y.totalOrderConfidence, 1e-12))
            }
        }
    }

    @Test("The design: N (k + 2) points in (0, 1); A_B^(i) is A with group i's columns from B")
    func design() throws {
        let collected = Collected()
        _ = try SobolSensitivity(dimensions: 3, groups: [SobolGroup("g", columns: [0, 2]), SobolGroup("h", columns: [1])],
                                 samples: 10, seed: 9, resamples: 0) { points, count, out in
            collected.append(Array(points), count: count)
            for row in 0..<count { out[row] = points[row * 3] }
        }
        let (points, count) = collected.value
        #expect(count == 10 * 4)  // N = 10 is one block of 10 rows: A, B, A_B(g), A_B(h)
        #expect(points.allSatisfy { $0 > 0 && $0 < 1 })
        let row = { (matrix: Int, r: Int) in Array(points[((matrix * 10 + r) * 3)..<((matrix * 10 + r) * 3 + 3)]) }
        for r in 0..<10 {
            let a = row(0, r), b = row(1, r)
            #expect(row(2, r) == [b[0], a[1], b[2]])
            #expect(row(3, r) == [a[0], b[1], a[2]])
        }
    }

    @Test("Normal quantiles for the confidence half-width")
    func normalQuantiles() {
        #expect(abs(normalQuantile(0.975) - 1.959963984540054) < 1e-12)
        #expect(abs(normalQuantile(0.995) - 2.5758293035489004) < 1e-12)
        #expect(abs(normalQuantile(0.5)) < 1e-15)
    }
}

/// Collects what a model saw (the model runs on worker threads).
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var points: [Double] = []
    private var count = 0
    func append(_ p: [Double], count c: Int) { lock.withLock { points += p; count += c } }
    var value: ([Double], Int) { lock.withLock { (points, count) } }
}
