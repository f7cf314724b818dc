import Foundation
import Testing
@testable import Stats

@Suite("PrettyBreaks: R's pretty()")
struct PrettyBreaksTests {
    @Test("equal to R's pretty(c(lo, hi), n, min.n) on every reference range, bit for bit")
    func matchesR() throws {
        let reference = try HistogramReference.load()
        var mismatches = Mismatches()
        for c in reference.pretty {
            let breaks = PrettyBreaks.breaks(low: c.lo, high: c.hi, count: c.n, minimumCount: c.minN)
            mismatches.check(
                sameBits(breaks, c.breaks),
                "\(c.name): pretty(c(\(c.lo), \(c.hi)), n = \(c.n), min.n = \(c.minN.map(String.init) ?? "default")) "
                    + "gave \(breaks), R \(c.breaks)")
        }
        mismatches.report("pretty ranges")
        #expect(reference.pretty.count >= 300)
        #expect(reference.pretty.contains { $0.lo == 0 && $0.hi == 0 })
        #expect(reference.pretty.contains { $0.lo == $0.hi && $0.lo != 0 })
    }

    @Test("the data 1, ..., 10, 30 and constant data: R's values")
    func examples() {
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30]
        #expect(PrettyBreaks.breaks(of: x) == [0, 5, 10, 15, 20, 25, 30])  // R: pretty(c(1:10, 30))
        // R: pretty(c(1:10, 30), n = 10): cell 2.9 takes the unit 5 (u5.bias 2.75), so 6 steps, not 10.
        #expect(PrettyBreaks.breaks(of: x, count: 10) == [0, 5, 10, 15, 20, 25, 30])
        #expect(PrettyBreaks.breaks(of: x, count: 20) == [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30])
        #expect(PrettyBreaks.breaks(of: x + [.nan, .infinity, -.infinity]) == [0, 5, 10, 15, 20, 25, 30])
        #expect(PrettyBreaks.breaks(of: [Double]()) == [])
        #expect(PrettyBreaks.breaks(of: [.nan, .infinity]) == [])
        // Constant data, as chart axes of a constant series: R's pretty(0), pretty(5), pretty(100), pretty(-3).
        #expect(PrettyBreaks.breaks(low: 0, high: 0) == [-1, 0])
        #expect(PrettyBreaks.breaks(of: [5, 5, 5]) == [0, 5])
        #expect(PrettyBreaks.breaks(low: 100, high: 100) == [80, 100])
        #expect(PrettyBreaks.breaks(low: -3, high: -3) == [-4, -2])
        // n = 1 allows min.n = 0, so a single break: R's pretty(5, n = 1) and pretty(0, n = 1).
        #expect(PrettyBreaks.breaks(low: 5, high: 5, count: 1) == [5])
        #expect(PrettyBreaks.breaks(low: 0, high: 0, count: 1) == [0])
        // min.n steps are added above a range that starts at an exact 0: R's pretty(c(0, 1), 30, 30).
        let fromZero = PrettyBreaks.breaks(low: 0, high: 1, count: 30, minimumCount: 30)
        #expect(fromZero.count == 31 && fromZero.first == 0 && fromZero.last == 1.5)
    }

    @Test("an end within 1e-10 units of a multiple of the unit is kept, as R keeps it")
    func keptEnd() {
        // R 4.2: print(pretty(c(3 - 1e-11, 10), n = 7), digits = 17).
        let breaks = PrettyBreaks.breaks(low: 3 - 1e-11, high: 10, count: 7)
        #expect(breaks.first == 3 - 1e-11 && breaks.last == 10 && breaks.count == 8)
        #expect(breaks[1] == 3.9999999999914286 && breaks[6] == 8.9999999999985718)
        let scale = PrettyBreaks.scale(low: 3 - 1e-11, high: 10, count: 7)
        #expect(scale.unit == 1 && scale.divisions == 7 && scale.lower == 3 - 1e-11 && scale.upper == 10)
    }

    @Test("seeded random ranges: the breaks cover the range in at least min.n steps of a pretty unit")
    func properties() {
        var g = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let magnitude = Double(sign: .plus, exponent: g.int(-30...30), significand: 1 + g.unit())
            let a = (g.unit() - 0.5) * magnitude, b = g.int(0...4) == 0 ? a : (g.unit() - 0.5) * magnitude
            let (low, high) = (Swift.min(a, b), Swift.max(a, b))
            let n = g.int(0...40)
            let minN = g.int(0...3) == 0 ? g.int(0...n) : n / 3
            let breaks = PrettyBreaks.breaks(low: low, high: high, count: n, minimumCount: minN)
            let scale = PrettyBreaks.scale(low: low, high: high, count: n, minimumCount: minN)
            let label = "low \(low), high \(high), n \(n), min.n \(minN): \(breaks)"
            #expect(breaks.count == scale.divisions + 1 && scale.divisions >= minN, "\(label)")
            #expect(breaks.first! <= low && breaks.last! >= high, "\(label)")
            #expect(zip(breaks, breaks.dropFirst()).allSatisfy { $0 < $1 }, "\(label)")
            let mantissa = scale.unit / pow(10, log10(scale.unit).rounded(.down))
            #expect([1, 2, 5, 10].contains { abs(mantissa - $0) < 1e-9 }, "\(label): unit \(scale.unit)")
        }
    }
}
