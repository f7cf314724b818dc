import Foundation
import Testing
@testable import Stats

/// Small seeded portfolios: `n` regions x `m` components, continuous scores or, with `ties`,
/// integers 0...3 (many ties and dominated pairs, the degenerate cases of the solver).
private struct Portfolio {
    var n: Int
    var m: Int
    var x: [Double]
    var w0: [Double]

    var matrix: Matrix { Matrix(rows: n, columns: m, elements: x) }
    func row(_ i: Int) -> [Double] { Array(x[(i * m)..<((i + 1) * m)]) }

    /// Weights: 0 random positive, 1 equal, 2 random with one zero weight.
    init(seed: UInt64, n: Int, m: Int, ties: Bool, weights: Int) {
        var g = SplitMix64(seed: seed)
        self.n = n
        self.m = m
        x = (0..<(n * m)).map { _ in ties ? Double(g.int(0...3)) : g.unit() * 10 }
        var w: [Double]
        switch weights {
        case 1: w = [Double](repeating: 1, count: m)
        case 2:
            w = (0..<m).map { _ in -(g.openUnit()).squareRoot() + 1.5 }
            w[g.int(0...(m - 1))] = 0
        default: w = (0..<m).map { _ in 0.05 + g.unit() }
        }
        let total = w.reduce(0, +)
        w0 = w.map { $0 / total }
    }
}

private func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
private func distance(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
}

/// Every point of the simplex lattice {k / steps : sum k = steps} in `m` dimensions.
private func simplexGrid(_ m: Int, steps: Int) -> [[Double]] {
    var points: [[Double]] = []
    var k = [Int](repeating: 0, count: m)
    func fill(_ j: Int, _ left: Int) {
        if j == m - 1 {
            k[j] = left
            points.append(k.map { Double($0) / Double(steps) })
            return
        }
        for v in 0...left {
            k[j] = v
            fill(j + 1, left - v)
        }
    }
    fill(0, steps)
    return points
}

/// The exact minimum by enumeration of supports (independent of the solver): for each support
/// S, the nearest point to w0 with sum 1, a'w = 0 and zeros off S; the smallest feasible one.
/// O(2^m m). nil when no support is feasible.
private func enumeratedMinimum(w0: [Double], a: [Double]) -> Double? {
    let m = w0.count
    var best: Double? = nil
    for mask in 1..<(1 << m) {
        let s = (0..<m).filter { mask & (1 << $0) != 0 }
        let k = Double(s.count)
        let sw = s.reduce(0) { $0 + w0[$1] }, sa = s.reduce(0) { $0 + a[$1] }
        let saa = s.reduce(0) { $0 + a[$1] * a[$1] }, saw = s.reduce(0) { $0 + a[$1] * w0[$1] }
        // w_S = w0_S - λ a_S - μ: k μ + sa λ = sw - 1, sa μ + saa λ = saw.
        let det = k * saa - sa * sa
        var lambda = 0.0, mu = 0.0
        if abs(det) > 1e-12 * max(1, k * saa) {
            mu = ((sw - 1) * saa - sa * saw) / det
            lambda = (k * saw - sa * (sw - 1)) / det
        } else {
            guard s.allSatisfy({ abs(a[$0]) <= 1e-12 }) else { continue }  // a constant and not 0 on S
            mu = (sw - 1) / k
        }
        var w = [Double](repeating: 0, count: m)
        for j in s { w[j] = w0[j] - lambda * a[j] - mu }
        guard w.allSatisfy({ $0 >= -1e-13 }), abs(dot(a, w)) <= 1e-10 * max(1, a.map(abs).max()!) else { continue }
        let d = distance(w, w0)
        if best == nil || d < best! { best = d }
    }
    return best
}

@Suite("Weight tipping points: exact, against brute force")
struct TippingPointsTests {
    // MARK: - Hand-checked examples

    @Test("Two regions, two components: they tie at equal weights")
    func twoByTwo() throws {
        let x = try Matrix([[1, 0], [0, 1]])
        let result = try TippingPoints.pairwise(scores: x, weights: [0.7, 0.3], region: 0)
        #expect(result.rank == 1)
        let p = try #require(result.points.first)
        #expect(result.points.count == 1 && p.other == 1 && p.otherRank == 2 && p.position == .below)
        #expect(p.tipping.kind == .swap)
        #expect(isClose(try #require(p.tipping.distance), 0.2 * 2.0.squareRoot()))
        #expect(isClose(try #require(p.tipping.weights), [0.5, 0.5]))
        #expect(result.neighbours.map(\.other) == [1])

        let single = try TippingPoints.singleWeight(scores: x, weights: [0.7, 0.3], region: 0)
        #expect(single.count == 2)
        // Lowering w_1 from 0.7: tie at 0.5 (rank still 1 there), rank 2 below it.
        let first = try #require(single[0].decrease)
        #expect(isClose(first.weight, 0.5) && first.rank == 2 && first.rankAtWeight == 1)
        #expect(first.passedBy == [1] && first.passes.isEmpty)
        #expect(single[0].increase == nil && single[0].nominalRank == 1 && single[0].nominalWeight == 0.7)
        let second = try #require(single[1].increase)
        #expect(isClose(second.weight, 0.5) && second.rank == 2 && single[1].decrease == nil)

        // Seen from the region below: it passes region 1 at the same weights, and the tie
        // already gives it rank 1.
        let below = try TippingPoints.singleWeight(scores: x, weights: [0.7, 0.3], region: 1)
        let up = try #require(below[1].increase)
        #expect(below[1].nominalRank == 2 && isClose(up.weight, 0.5))
        #expect(up.rank == 1 && up.rankAtWeight == 1 && up.passes == [0] && up.passedBy.isEmpty)
    }

    @Test("Three components, interior tipping point: w = (0.35, 0.35, 0.3)")
    func interior() throws {
        let p = try TippingPoints.pairwise(region: [1, 0, 0], other: [0, 1, 0], weights: [0.5, 0.2, 0.3])
        #expect(p.kind == .swap)
        #expect(isClose(try #require(p.distance), 0.15 * 2.0.squareRoot()))
        #expect(isClose(try #require(p.weights), [0.35, 0.35, 0.3]))
    }

    @Test("Non-negativity binds: the unconstrained answer has a negative weight, the exact one a zero")
    func boundary() throws {
        // Without w >= 0 the nearest tie is w0 - λ(a - mean a) with a negative third weight;
        // with it the third weight stays 0 and the first two meet at 0.5.
        let p = try TippingPoints.pairwise(region: [1, 0, 5], other: [0, 1, 0], weights: [0.9, 0.1, 0])
        #expect(p.kind == .swap)
        #expect(isClose(try #require(p.distance), 0.4 * 2.0.squareRoot()))
        #expect(isClose(try #require(p.weights), [0.5, 0.5, 0]))
    }

    @Test("Dominance: impossible; weak dominance: a tie but no swap; equal scores: tied at nominal")
    func dominance() throws {
        let third = 1.0 / 3
        let impossible = try TippingPoints.pairwise(region: [2, 2, 2], other: [1, 1, 1], weights: [third, third, third])
        #expect(impossible == PairTippingPoint(kind: .impossible, distance: nil, weights: nil))
        let reversed = try TippingPoints.pairwise(region: [1, 0.5, 1], other: [2, 2, 2], weights: [0.2, 0.3, 0.5])
        #expect(reversed.kind == .impossible)

        let tieOnly = try TippingPoints.pairwise(region: [2, 1, 2], other: [1, 1, 1], weights: [third, third, third])
        #expect(tieOnly.kind == .tieOnly)
        #expect(isClose(try #require(tieOnly.distance), 6.0.squareRoot() / 3))
        #expect(isClose(try #require(tieOnly.weights), [0, 1, 0]))

        let tied = try TippingPoints.pairwise(region: [1, 0], other: [0, 1], weights: [0.5, 0.5])
        #expect(tied == PairTippingPoint(kind: .tiedAtNominal, distance: 0, weights: [0.5, 0.5]))
        let identical = try TippingPoints.pairwise(region: [3, 4], other: [3, 4], weights: [0.25, 0.75])
        #expect(identical.kind == .tiedAtNominal)

        // One component: the order can never change.
        #expect(try TippingPoints.pairwise(region: [1], other: [2], weights: [1]).kind == .impossible)
    }

    @Test("Three regions: neighbours, a nominal tie, and three regions tying at once")
    func threeRegions() throws {
        let x = try Matrix([[1, 0], [0, 1], [0.5, 0.5]])
        let result = try TippingPoints.pairwise(scores: x, weights: [0.6, 0.4], region: 2)
        #expect(result.rank == 2 && isClose(result.scores, [0.6, 0.4, 0.5]))
        // Both neighbours tie with region 2 at (0.5, 0.5); the higher-ranked one is listed first.
        #expect(result.points.map(\.other) == [0, 1])
        #expect(result.points.map(\.position) == [.above, .below])
        #expect(result.neighbours.map(\.other) == [0, 1])
        for p in result.points {
            #expect(isClose(p.tipping.distance ?? .nan, 0.1 * 2.0.squareRoot()))
        }
        // Lowering w_1 to 0.5 makes all three tie (region 2 is first there), then region 1 leads.
        let single = try TippingPoints.singleWeight(scores: x, weights: [0.6, 0.4], region: 2)
        let down = try #require(single[0].decrease)
        #expect(isClose(down.weight, 0.5) && down.rankAtWeight == 1 && down.rank == 2)
        #expect(down.passes == [0] && down.passedBy == [1])
        #expect(single[0].increase == nil && single[1].decrease == nil)

        // At equal weights all three tie: distance 0 to both, and moving any weight breaks it.
        let tied = try TippingPoints.pairwise(scores: x, weights: [0.5, 0.5], region: 2)
        #expect(tied.rank == 1 && tied.tied.count == 2 && tied.neighbours.isEmpty)
        #expect(tied.points.allSatisfy { $0.tipping.kind == .tiedAtNominal && $0.tipping.distance == 0 })
        let moved = try TippingPoints.singleWeight(scores: x, weights: [0.5, 0.5], region: 2)
        for j in 0..<2 {
            for change in [moved[j].decrease, moved[j].increase] {
                let c = try #require(change)
                #expect(c.weight == 0.5 && c.rankAtWeight == 1 && c.rank == 2 && c.passedBy.count == 1)
            }
        }
    }

    @Test("A weight of 1: the others share the rest equally; a weight of 0 can only grow")
    func extremeWeights() throws {
        let x = try Matrix([[1, 0, 0], [0.8, 0, 1], [0.5, 1, 1]])
        let single = try TippingPoints.singleWeight(scores: x, weights: [1, 0, 0], region: 0)
        #expect(single[0].nominalRank == 1 && single[0].increase == nil)
        // Region 0 vs 1: t against 0.8 t + (1 - t) / 2, a tie at t = 5/7; vs 2: t against
        // 0.5 t + (1 - t), a tie at t = 2/3. Going down from 1, 5/7 comes first.
        let down = try #require(single[0].decrease)
        #expect(isClose(down.weight, 5.0 / 7) && down.rank == 2 && down.passedBy == [1])
        // w_2 from 0: (1 - t, t, 0) gives 1 - t against 0.5 + 0.5 t for region 2, a tie at 1/3.
        let up = try #require(single[1].increase)
        #expect(isClose(up.weight, 1.0 / 3) && up.rank == 2 && up.passedBy == [2])
        #expect(single[1].decrease == nil && single[2].decrease == nil)  // zero weights
        let path = TippingPoints.singleWeightPath(weights: [1, 0, 0], component: 0, value: 0.4)
        #expect(isClose(path, [0.4, 0.3, 0.3]))
        let ordinary = TippingPoints.singleWeightPath(weights: [0.5, 0.2, 0.3], component: 1, value: 0.6)
        #expect(isClose(ordinary, [0.25, 0.6, 0.15]))

        // A portfolio of one region: nothing to pass.
        let alone = try TippingPoints.pairwise(scores: Matrix([[1, 2]]), weights: [0.5, 0.5], region: 0)
        #expect(alone.rank == 1 && alone.points.isEmpty && alone.neighbours.isEmpty)
        let aloneSingle = try TippingPoints.singleWeight(scores: Matrix([[1, 2]]), weights: [0.5, 0.5], region: 0)
        #expect(aloneSingle.allSatisfy { $0.decrease == nil && $0.increase == nil && $0.nominalRank == 1 })

        let one = try TippingPoints.singleWeight(scores: Matrix([[1], [2]]), weights: [1], region: 0)
        #expect(one.count == 1 && one[0].decrease == nil && one[0].increase == nil && one[0].nominalRank == 2)
    }

    // MARK: - Bad input

    @Test("Bad input throws a typed error that says what and where")
    func badInput() throws {
        let x = try Matrix([[1, 2], [3, 4]])
        #expect(throws: StatsError.self) { try TippingPoints.pairwise(scores: x, weights: [0.5, 0.6], region: 0) }
        #expect(throws: StatsError.self) { try TippingPoints.pairwise(scores: x, weights: [1.5, -0.5], region: 0) }
        #expect(throws: StatsError.self) { try TippingPoints.singleWeight(scores: x, weights: [1], region: 0) }
        #expect(throws: StatsError.self) { try TippingPoints.singleWeight(scores: x, weights: [0.5, 0.5], region: 2) }
        #expect(throws: StatsError.self) { try TippingPoints.pairwise(region: [1], other: [1, 2], weights: [0.5, 0.5]) }
        do {
            _ = try TippingPoints.pairwise(scores: Matrix([[1, 2], [3, .nan]]), weights: [0.5, 0.5], region: 0)
            Issue.record("a missing score was accepted")
        } catch {
            #expect(error.description.contains("missing for region 2, component 2"))
        }
        do {
            _ = try TippingPoints.pairwise(scores: x, weights: [0.5, .nan], region: 0)
            Issue.record("a missing weight was accepted")
        } catch {
            #expect(error == .invalidParameter(name: "weights[2]", value: "missing", allowed: "weights must be finite and non-negative"))
        }
        // Weights that sum to 1 up to rounding are fine (0.1 + 0.2 + 0.7 = 0.9999999999999999).
        let three = try Matrix([[1, 2, 3], [3, 2, 1]])
        #expect(throws: Never.self) { try TippingPoints.pairwise(scores: three, weights: [0.1, 0.2, 0.7], region: 0) }
    }

    // MARK: - Brute force

    static let portfolios: [(seed: UInt64, m: Int, ties: Bool, weights: Int)] = [
        (1, 3, false, 0), (2, 3, false, 1), (3, 3, false, 2), (4, 3, true, 0), (5, 3, true, 1), (6, 3, true, 2),
        (7, 4, false, 0), (8, 4, false, 1), (9, 4, false, 2), (10, 4, true, 0), (11, 4, true, 1), (12, 4, true, 2),
    ]

    @Test("Pairwise: feasible, tying, and no sampled swap is nearer; grid and enumeration agree", arguments: portfolios)
    func pairwiseBruteForce(seed: UInt64, m: Int, ties: Bool, weights: Int) throws {
        let p = Portfolio(seed: seed, n: 6, m: m, ties: ties, weights: weights)
        let steps = m == 3 ? 160 : 48
        let h = 1 / Double(steps)
        // Every grid cell (of the lattice's triangulation) has diameter at most sqrt(2) h
        // (triangles, m = 3) or 2 h (m = 4), and the exact tie point lies in a cell with a vertex
        // that ties or swaps.
        let cellDiameter = m == 3 ? 2.0.squareRoot() * h : 2 * h
        var samples = simplexGrid(m, steps: steps)
        var g = SplitMix64(seed: seed &+ 1000)
        for _ in 0..<2000 {  // random points of the simplex (uniform: normalised exponentials)
            let e = (0..<m).map { _ in -log1p(-g.unit()) }
            let total = e.reduce(0, +)
            samples.append(e.map { $0 / total })
        }
        // Flat storage and the distances to w0, computed once (debug builds are slow).
        let flat = samples.flatMap { $0 }
        let sampleDistance = samples.map { distance($0, p.w0) }
        func values(_ a: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: samples.count)
            for i in 0..<samples.count {
                var v = 0.0
                for j in 0..<m { v += a[j] * flat[i * m + j] }
                out[i] = v
            }
            return out
        }
        var mismatches = Mismatches()
        var kinds: [PairTippingPoint.Kind: Int] = [:]
        for r in 0..<p.n {
            let result = try TippingPoints.pairwise(scores: p.matrix, weights: p.w0, region: r)
            #expect(result.points.count == p.n - 1)
            #expect(zip(result.points, result.points.dropFirst()).allSatisfy {
                ($0.tipping.distance ?? .infinity) <= ($1.tipping.distance ?? .infinity)
            })
            #expect(result.rank == Int(ranks(result.scores, ties: .min, descending: true)[r]))
            for point in result.points {
                let q = point.other
                let a = zip(p.row(r), p.row(q)).map { $0 - $1 }
                let side = point.nominalDifference
                let scale = a.map(abs).max()! + 1e-300
                let tip = point.tipping
                kinds[tip.kind, default: 0] += 1
                let label = "seed \(seed) r \(r) q \(q) \(tip.kind)"
                switch tip.kind {
                case .tiedAtNominal:
                    mismatches.check(side == 0 && tip.distance == 0, "\(label): not tied")
                    continue
                case .impossible:
                    // (d) No sample ties or swaps.
                    let bad = values(a).firstIndex { side * $0 <= 0 }
                    mismatches.check(bad == nil, "\(label): sample \(bad.map { samples[$0] } ?? []) ties or swaps")
                    mismatches.check(enumeratedMinimum(w0: p.w0, a: a) == nil, "\(label): enumeration finds a tie")
                    continue
                case .swap, .tieOnly:
                    break
                }
                let w = try #require(tip.weights)
                let d = try #require(tip.distance)
                // (a) Feasible and tying.
                mismatches.check(abs(w.reduce(0, +) - 1) <= 1e-12, "\(label): sum \(w.reduce(0, +))")
                mismatches.check(w.allSatisfy { $0 >= -1e-12 }, "\(label): negative weight in \(w)")
                mismatches.check(abs(dot(a, w)) <= 1e-9 * max(1, scale), "\(label): a'w = \(dot(a, w))")
                mismatches.check(isClose(distance(w, p.w0), d, tolerance: 1e-12), "\(label): distance")
                // (b) No sampled swap is nearer; (c) the nearest sampled swap or tie is within a cell.
                var nearest = Double.infinity
                var strictSwaps = 0
                let sign = side > 0 ? 1.0 : -1.0
                for (i, value) in values(a).enumerated() {
                    guard sign * value <= 1e-13 * scale else { continue }
                    let ds = sampleDistance[i]
                    nearest = min(nearest, ds)
                    if sign * value < -1e-13 * scale {
                        strictSwaps += 1
                        mismatches.check(ds >= d - 1e-12, "\(label): sample \(samples[i]) swaps at \(ds) < \(d)")
                    }
                }
                mismatches.check(nearest >= d - 1e-12 && nearest <= d + cellDiameter, "\(label): grid \(nearest) vs \(d)")
                if tip.kind == .tieOnly {
                    mismatches.check(strictSwaps == 0, "\(label): \(strictSwaps) samples swap")
                }
                // Exact: the enumeration of supports gives the same minimum.
                let exact = enumeratedMinimum(w0: p.w0, a: a)
                mismatches.check(exact != nil && abs(exact! - d) <= 1e-10, "\(label): enumeration \(exact ?? .nan) vs \(d)")
            }
        }
        mismatches.report("pairwise tipping points")
        #expect((kinds[.swap] ?? 0) > 0)
    }

    @Test("Pairwise: enumeration of supports agrees on larger random problems (m = 2...8)")
    func pairwiseEnumeration() {
        var g = SplitMix64(seed: 77)
        var mismatches = Mismatches()
        for trial in 0..<2000 {
            let m = g.int(2...8)
            let ties = trial % 3 == 0
            var w = (0..<m).map { _ in g.unit() < 0.25 ? 0 : g.unit() }
            if w.allSatisfy({ $0 == 0 }) { w[0] = 1 }
            let total = w.reduce(0, +)
            let w0 = w.map { $0 / total }
            let scale = [1.0, 100, 0.01][trial % 3]
            let xr = (0..<m).map { _ in ties ? Double(g.int(0...2)) : g.unit() * scale }
            let xq = (0..<m).map { _ in ties ? Double(g.int(0...2)) : g.unit() * scale }
            guard let tip = try? TippingPoints.pairwise(region: xr, other: xq, weights: w0) else {
                mismatches.check(false, "trial \(trial): threw")
                continue
            }
            let a = zip(xr, xq).map { $0 - $1 }
            let exact = enumeratedMinimum(w0: w0, a: a)
            switch tip.kind {
            case .impossible:
                mismatches.check(exact == nil, "trial \(trial): impossible but enumeration gives \(exact!)")
            case .tiedAtNominal:
                mismatches.check(dot(a, w0) == 0, "trial \(trial): tied")
            case .swap, .tieOnly:
                let d = tip.distance!
                mismatches.check(
                    exact != nil && abs(exact! - d) <= 1e-10, "trial \(trial) m \(m): \(d) vs enumeration \(exact ?? .nan); a \(a) w0 \(w0)")
                mismatches.check(tip.weights!.allSatisfy { $0 >= -1e-12 }, "trial \(trial): negative weight")
            }
        }
        mismatches.report("random pairs")
    }

    @Test("Single weight: a fine scan of w_j finds the rank changes where they are reported", arguments: portfolios)
    func singleWeightBruteForce(seed: UInt64, m: Int, ties: Bool, weights: Int) throws {
        let p = Portfolio(seed: seed, n: 6, m: m, ties: ties, weights: weights)
        let steps = 2000
        // The rank by brute force; scores within 1e-12 tie, so that rounding does not break the
        // genuine ties of integer scores (two regions equal on component j stay tied along its path).
        func rank(_ r: Int, _ w: [Double]) -> Int {
            let s = TippingPoints.compositeScores(p.x, rows: p.n, columns: p.m, weights: w)
            return 1 + s.filter { $0 > s[r] + 1e-12 }.count
        }
        var mismatches = Mismatches()
        var changes = 0
        for r in 0..<p.n {
            let result = try TippingPoints.singleWeight(scores: p.matrix, weights: p.w0, region: r)
            #expect(result.count == m)
            for s in result {
                let j = s.component
                let t0 = p.w0[j]
                let r0 = rank(r, p.w0)
                let label = "seed \(seed) r \(r) j \(j) w0 \(t0)"
                mismatches.check(s.nominalRank == r0, "\(label): nominal rank \(s.nominalRank) vs \(r0)")
                for (direction, change) in [(-1.0, s.decrease), (1.0, s.increase)] {
                    let end = direction > 0 ? 1.0 : 0.0
                    let path = { (t: Double) in TippingPoints.singleWeightPath(weights: p.w0, component: j, value: t) }
                    // The scan: every grid value strictly between w0_j and the change (or the end).
                    let limit = change?.weight ?? end
                    for k in 0...steps {
                        let t = Double(k) / Double(steps)
                        guard direction * (t - t0) > 1e-9, direction * (limit - t) > 1e-9 else { continue }
                        let got = rank(r, path(t))
                        mismatches.check(got == r0, "\(label) dir \(direction): rank \(got) at \(t) before the change at \(limit)")
                    }
                    guard let c = change else {
                        if direction * (end - t0) > 0 {
                            mismatches.check(rank(r, path(end)) == r0, "\(label) dir \(direction): rank changes at the end")
                        }
                        continue
                    }
                    changes += 1
                    mismatches.check(direction * (c.weight - t0) >= 0, "\(label): change on the wrong side")
                    if c.weight != end {
                        let beyond = c.weight + direction * 1e-7
                        guard (0...1).contains(beyond) else { continue }
                        let got = rank(r, path(beyond))
                        mismatches.check(got == c.rank && got != r0, "\(label) dir \(direction): rank \(got) beyond \(c.weight), reported \(c.rank)")
                    } else {
                        let got = rank(r, path(end))
                        mismatches.check(got == c.rank && got != r0, "\(label) dir \(direction): rank \(got) at the end, reported \(c.rank)")
                    }
                }
            }
        }
        mismatches.report("single-weight tipping points")
        #expect(changes > 0)
    }

    // MARK: - Invariance

    @Test("Permuting the other regions permutes the answers and changes nothing else", arguments: [21, 22, 23] as [UInt64])
    func permutationInvariance(seed: UInt64) throws {
        let p = Portfolio(seed: seed, n: 7, m: 4, ties: seed == 23, weights: 0)
        var g = SplitMix64(seed: seed)
        var order = Array(0..<p.n)
        for i in stride(from: p.n - 1, to: 0, by: -1) { order.swapAt(i, g.int(0...i)) }
        // Row i of the permuted portfolio is row order[i] of the original.
        let permuted = Matrix(rows: p.n, columns: p.m, elements: order.flatMap { p.row($0) })
        let r = 2
        let rPermuted = order.firstIndex(of: r)!
        let original = try TippingPoints.pairwise(scores: p.matrix, weights: p.w0, region: r)
        let shuffled = try TippingPoints.pairwise(scores: permuted, weights: p.w0, region: rPermuted)
        #expect(original.rank == shuffled.rank)
        let byOther = Dictionary(uniqueKeysWithValues: shuffled.points.map { (order[$0.other], $0) })
        for point in original.points {
            let other = try #require(byOther[point.other])
            #expect(other.tipping == point.tipping && other.otherRank == point.otherRank && other.position == point.position)
        }
        #expect(Set(original.neighbours.map(\.other)) == Set(shuffled.neighbours.map { order[$0.other] }))

        let single = try TippingPoints.singleWeight(scores: p.matrix, weights: p.w0, region: r)
        let singleShuffled = try TippingPoints.singleWeight(scores: permuted, weights: p.w0, region: rPermuted)
        for (a, b) in zip(single, singleShuffled) {
            for (x, y) in [(a.decrease, b.decrease), (a.increase, b.increase)] {
                #expect(x?.weight == y?.weight && x?.rank == y?.rank && x?.rankAtWeight == y?.rankAtWeight)
                #expect(x?.passedBy == y.map { $0.passedBy.map { order[$0] }.sorted() })
                #expect(x?.passes == y.map { $0.passes.map { order[$0] }.sorted() })
            }
        }
    }

    @Test("Permuting the components with their weights permutes the tipping weights")
    func componentPermutation() throws {
        let p = Portfolio(seed: 31, n: 6, m: 5, ties: false, weights: 2)
        let order = [3, 0, 4, 1, 2]
        let x = Matrix(rows: p.n, columns: p.m, elements: (0..<p.n).flatMap { i in order.map { p.x[i * p.m + $0] } })
        let w = order.map { p.w0[$0] }
        for r in 0..<p.n {
            let a = try TippingPoints.pairwise(scores: p.matrix, weights: p.w0, region: r)
            let b = try TippingPoints.pairwise(scores: x, weights: w, region: r)
            let byOther = Dictionary(uniqueKeysWithValues: b.points.map { ($0.other, $0.tipping) })
            for point in a.points {
                let other = try #require(byOther[point.other])
                #expect(other.kind == point.tipping.kind)
                if let d = point.tipping.distance, let v = point.tipping.weights {
                    #expect(isClose(other.distance ?? .nan, d, tolerance: 1e-12))
                    #expect(isClose(other.weights ?? [], order.map { v[$0] }, tolerance: 1e-12))
                }
            }
        }
    }
}
