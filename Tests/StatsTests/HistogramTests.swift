import Testing
@testable import Stats

/// Fixtures/Histogram_reference.json, written by Fixtures/make_histogram.R (R 4.2): `pretty()` on
/// random ranges and `hist(plot = FALSE)` on random samples. Shared with PrettyBreaksTests.
struct HistogramReference: Decodable, Sendable {
    struct PrettyCase: Decodable, Sendable {
        var name: String
        var lo: Double
        var hi: Double
        var n: Int
        /// nil: R's default min.n = n %/% 3.
        var minN: Int?
        var breaks: [Double]
    }

    struct HistogramCase: Decodable, Sendable {
        var name: String
        var x: [Double]
        /// `hist(x, breaks = k)`.
        var k: Int?
        /// `hist(x, breaks = given)`.
        var given: [Double]?
        /// R's error message, when R stops.
        var error: String?
        var missing: Int?
        var infinite: Int?
        var equidist: Bool?
        var breaks: [Double]?
        var counts: [Int]?
        var density: [Double]?
        var mids: [Double]?

        var bins: Histogram.Bins {
            if let given { return .breaks(given) }
            if let k { return .count(k) }
            return .sturges
        }
    }

    var r: String
    var pretty: [PrettyCase]
    var histogram: [HistogramCase]

    /// Decoded once per test process.
    private static let loaded = Result { try fixture("Histogram_reference", as: HistogramReference.self) }

    static func load() throws -> HistogramReference { try loaded.get() }
}

/// Bit for bit (so 0 and -0 differ).
func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

@Suite("Histogram: R's hist(plot = FALSE) with Sturges, a number of bins, given breaks")
struct HistogramTests {
    @Test("breaks, counts, densities and mids equal R's on every reference sample")
    func matchesR() throws {
        let reference = try HistogramReference.load()
        var mismatches = Mismatches()
        var kinds = (sturges: 0, count: 0, given: 0)
        for c in reference.histogram where c.error == nil {
            let label = "\(c.name) \(describeSample(c.x, limit: 6))"
            switch c.bins {
            case .sturges: kinds.sturges += 1
            case .count: kinds.count += 1
            case .breaks: kinds.given += 1
            }
            let h: Histogram
            do {
                h = try Histogram(c.x, bins: c.bins)
            } catch {
                mismatches.check(false, "\(label): threw \(error)")
                continue
            }
            let breaks = c.breaks ?? [], counts = c.counts ?? []
            mismatches.check(sameBits(h.breaks, breaks), "\(label): breaks \(h.breaks), R \(breaks)")
            mismatches.check(h.counts == counts, "\(label): counts \(h.counts), R \(counts)")
            mismatches.check(sameBits(h.density, c.density ?? []),
                             "\(label): density \(h.density), R \(c.density ?? [])")
            mismatches.check(sameBits(h.mids, c.mids ?? []), "\(label): mids \(h.mids), R \(c.mids ?? [])")
            mismatches.check(h.missing == c.missing && h.infinite == c.infinite,
                             "\(label): missing \(h.missing) (\(h.infinite) infinite), "
                                 + "R \(c.missing ?? -1) (\(c.infinite ?? -1))")
            mismatches.check(h.equidistant == c.equidist,
                             "\(label): equidistant \(h.equidistant), R \(c.equidist ?? false)")
        }
        mismatches.report("histograms")
        #expect(kinds.sturges >= 100 && kinds.count >= 30 && kinds.given >= 25, "\(kinds)")
    }

    @Test("properties: counts sum to the finite values, breaks span them, densities integrate to 1")
    func properties() throws {
        let reference = try HistogramReference.load()
        for c in reference.histogram where c.error == nil {
            let h = try Histogram(c.x, bins: c.bins)
            let finite = c.x.filter(\.isFinite)
            #expect(h.count == finite.count && h.counts.reduce(0, +) == finite.count, "\(c.name)")
            #expect(h.missing == c.x.count - finite.count, "\(c.name)")
            #expect(h.breaks.first! <= finite.min()! + 1e-7 * (h.breaks.last! - h.breaks.first!), "\(c.name)")
            #expect(h.breaks.last! >= finite.max()! - 1e-7 * (h.breaks.last! - h.breaks.first!), "\(c.name)")
            #expect(zip(h.breaks, h.breaks.dropFirst()).allSatisfy { $0 < $1 }, "\(c.name)")
            #expect(h.counts.count == h.breaks.count - 1 && h.mids.count == h.counts.count, "\(c.name)")
            let widths = zip(h.breaks.dropFirst(), h.breaks).map { $0 - $1 }
            let area = zip(h.density, widths).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(area - 1) < 1e-12, "\(c.name): area \(area)")
        }
    }

    @Test("the data 1, ..., 10, 30: R's hist")
    func smallExample() throws {
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30]
        // R: hist(c(1:10, 30), plot = FALSE); nclass.Sturges = ceiling(log2(11) + 1) = 5.
        let h = try Histogram(x)
        #expect(h.breaks == [0, 5, 10, 15, 20, 25, 30])
        #expect(h.counts == [5, 5, 0, 0, 0, 1])  // 5 and 10 fall into the bins on their left
        #expect(h.mids == [2.5, 7.5, 12.5, 17.5, 22.5, 27.5])
        #expect(h.density == [5, 5, 0, 0, 0, 1].map { Double($0) / (11 * 5) })
        #expect(h.count == 11 && h.missing == 0 && h.equidistant)

        let withMissing = try Histogram(x + [.nan, .infinity, -.infinity, .nan])
        #expect(withMissing.counts == h.counts && withMissing.breaks == h.breaks)
        #expect(withMissing.missing == 4 && withMissing.infinite == 2 && withMissing.count == 11)
    }

    @Test("a value on an inner break goes left, the smallest value into the first bin")
    func rightClosedBins() throws {
        let h = try Histogram([0, 1, 1, 2, 3, 4], bins: .breaks([0, 1, 2, 3, 4]))
        #expect(h.counts == [3, 1, 1, 1])
        #expect(!(try Histogram([0, 1], bins: .breaks([0, 1, 3]))).equidistant)
        // R's fuzz: within 1e-7 of the data's range above the last break is still counted (R:
        // hist(c(0, 0.5, 1 + 1e-9), breaks = c(0, 0.5, 1))$counts is 2 1).
        #expect(try Histogram([0, 0.5, 1 + 1e-9], bins: .breaks([0, 0.5, 1])).counts == [2, 1])
    }

    @Test("a constant sample and a single value: R's bins around the value")
    func constantSamples() throws {
        // R: hist(7.25, plot = FALSE) has breaks 5, 10; hist(rep(0, 4), plot = FALSE) -1, 0.
        let single = try Histogram([7.25])
        #expect(single.breaks == [5, 10] && single.counts == [1] && single.density == [0.2])
        let zeros = try Histogram([0, 0, 0, 0])
        #expect(zeros.breaks == [-1, 0] && zeros.counts == [4])
    }

    @Test("bad input: no finite value, a bad number of bins, bad or too narrow breaks")
    func errors() throws {
        let reference = try HistogramReference.load()
        let failing = reference.histogram.filter { $0.error != nil }
        #expect(failing.count >= 2)
        for c in failing {
            #expect(throws: StatsError.self, "\(c.name): R says \(c.error ?? "")") { try Histogram(c.x, bins: c.bins) }
        }
        #expect(throws: StatsError.self) { try Histogram([]) }
        #expect(throws: StatsError.self) { try Histogram([.nan, .infinity]) }
        #expect(throws: StatsError.self) { try Histogram([1, 2], bins: .count(0)) }
        #expect(throws: StatsError.self) { try Histogram([1, 2], bins: .count(1_000_001)) }
        #expect(throws: StatsError.self) { try Histogram([1, 2], bins: .breaks([0])) }
        #expect(throws: StatsError.self) { try Histogram([1, 2], bins: .breaks([0, 3, 3])) }
        #expect(throws: StatsError.self) { try Histogram([1, 2], bins: .breaks([3, 0])) }
        #expect(throws: StatsError.self) { try Histogram([1, 2], bins: .breaks([0, .infinity])) }
        do {
            _ = try Histogram([0, 0.5, 1.1], bins: .breaks([0, 0.5, 1]))
            Issue.record("breaks that do not span the data must throw")
        } catch {
            #expect(error.description.contains("span the data"), "\(error)")
            #expect(error.description.contains("1 of 3 values"), "\(error)")
        }
    }

    @Test("seeded random samples: the invariants hold for every bin rule")
    func randomSamples() throws {
        var g = SplitMix64(seed: 20261205)
        for round in 0..<300 {
            let n = g.int(1...400)
            var x = g.sample(count: n)
            if round % 4 == 0 { x[g.int(0...(n - 1))] = .nan }
            let finite = x.filter(\.isFinite)
            guard !finite.isEmpty else { continue }
            let bins: Histogram.Bins = switch round % 3 {
            case 0: .sturges
            case 1: .count(g.int(1...60))
            default: .breaks([finite.min()! - 1, finite.max()!])
            }
            let h = try Histogram(x, bins: bins)
            #expect(h.counts.reduce(0, +) == finite.count && h.missing == n - finite.count)
            #expect(h.breaks.first! <= finite.min()! && h.breaks.last! >= finite.max()!)
            #expect(h.counts.count == h.breaks.count - 1 && zip(h.breaks, h.breaks.dropFirst()).allSatisfy { $0 < $1 })
            if case .count(let k) = bins {
                let pretty = PrettyBreaks.breaks(low: finite.min()!, high: finite.max()!, count: k, minimumCount: 1)
                #expect(h.breaks == pretty)
            }
        }
    }
}
