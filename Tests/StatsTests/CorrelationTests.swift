import Testing
@testable import Stats

@Suite("Correlation (Pearson, Spearman; complete pairs)")
struct CorrelationTests {
    @Test("Exact linear relations: +1 and -1; Pearson is the default")
    func perfect() throws {
        let x: [Double] = [1, 2, 3, 4, 5]
        #expect(try Correlation(x, x.map { 2 * $0 + 1 }).value == 1)
        #expect(try Correlation(x, x.map { -0.5 * $0 }).value == -1)
        #expect(try Correlation(x, x.map { $0 * $0 }) == Correlation(x, x.map { $0 * $0 }, method: .pearson))
    }

    @Test("Spearman: 1 for any increasing relation, Pearson below 1")
    func spearmanMonotone() throws {
        let x: [Double] = [1, 2, 3, 4, 5, 6]
        let y = x.map { $0 * $0 * $0 }
        #expect(try Correlation(x, y, method: .spearman).value == 1)
        #expect(try Correlation(x, y.map { -$0 }, method: .spearman).value == -1)
        #expect(try Correlation(x, y).value < 1)
    }

    @Test("A small example, as R's cor and scipy")
    func known() throws {
        // scipy.stats.pearsonr / spearmanr([1, 2, 3, 4, 5], [2, 1, 4, 3, 7]); R: cor(x, y, method =)
        let x: [Double] = [1, 2, 3, 4, 5], y: [Double] = [2, 1, 4, 3, 7]
        #expect(isClose(try Correlation(x, y).value, 0.8241633836921339))
        #expect(isClose(try Correlation(x, y, method: .spearman).value, 0.8))
    }

    @Test("Missing values: only complete pairs count; the dropped pairs are counted")
    func missingPairs() throws {
        let x: [Double] = [1, .nan, 3, 4, 5, 6]
        let y: [Double] = [2, 5, .nan, 8, 10, 12.5]
        for method in CorrelationMethod.allCases {
            let r = try Correlation(x, y, method: method)
            #expect(r.count == 4 && r.missing == 2)
            #expect(r.value == (try Correlation([1, 4, 5, 6], [2, 8, 10, 12.5], method: method)).value)
        }
    }

    @Test("Vectors of different lengths are an error")
    func lengthMismatch() {
        for method in CorrelationMethod.allCases {
            #expect(throws: StatsError.lengthMismatch(3, 2)) { try Correlation([1, 2, 3], [1, 2], method: method) }
        }
    }

    @Test("Fewer than two complete pairs or a constant vector: NaN")
    func undefined() throws {
        for method in CorrelationMethod.allCases {
            #expect(try Correlation([], [], method: method).value.isNaN)
            let one = try Correlation([1, .nan, 3], [2, 5, .nan], method: method)
            #expect(one.value.isNaN && one.count == 1 && one.missing == 2)
            #expect(try Correlation([2, 2, 2, 2], [1, 2, 3, 4], method: method).value.isNaN)
            #expect(try Correlation([1, 2, 3, 4], [0.1, 0.1, 0.1, 0.1], method: method).value.isNaN)
        }
    }

    @Test("Two pairs: +1 or -1")
    func twoPairs() throws {
        for method in CorrelationMethod.allCases {
            #expect(try Correlation([1, 2], [5, 9], method: method).value == 1)
            #expect(try Correlation([1, 2], [9, 5], method: method).value == -1)
        }
    }

    @Test("Random samples: scipy.stats.pearsonr and spearmanr over the complete pairs")
    func matchesScipy() throws {
        let reference = try StatsReference.load()
        #expect(reference.correlation.count >= 20)
        var mismatches = Mismatches()
        for c in reference.correlation {
            let pearson = try Correlation(c.x, c.y, method: .pearson)
            let spearman = try Correlation(c.x, c.y, method: .spearman)
            for r in [pearson, spearman] {
                mismatches.check(r.count == c.count && r.missing == c.missing, "\(c.name): count \(r.count), missing \(r.missing)")
            }
            mismatches.check(isClose(pearson.value, c.pearson), "\(c.name): pearson \(pearson.value), scipy \(c.pearson)")
            mismatches.check(isClose(spearman.value, c.spearman), "\(c.name): spearman \(spearman.value), scipy \(c.spearman)")
        }
        mismatches.report("correlations")
    }

    @Test("Random samples: symmetric, within [-1, 1], invariant under increasing transformations (Spearman)")
    func properties() throws {
        var random = SplitMix64(seed: 0x5EED_0501)
        var mismatches = Mismatches()
        for trial in 0..<300 {
            let n = random.int(2...60)
            let x = (0..<n).map { _ in random.unit() }
            // Nearly collinear for some trials, where rounding can push |r| past 1.
            let y = trial % 3 == 0 ? x.map { 3 * $0 + 1e-14 * random.unit() } : (0..<n).map { _ in random.unit() }
            for method in CorrelationMethod.allCases {
                let r = try Correlation(x, y, method: method).value
                mismatches.check(r == (try Correlation(y, x, method: method)).value, "\(method) not symmetric")
                mismatches.check(r >= -1 && r <= 1, "\(method): r = \(r) outside [-1, 1]")
            }
            let s = try Correlation(x, y, method: .spearman).value
            let transformed = try Correlation(x.map { $0 * $0 * $0 + 2 }, y.map { ($0 + 1).squareRoot() }, method: .spearman).value
            mismatches.check(s == transformed, "Spearman changed under increasing transformations: \(s) vs \(transformed)")
        }
        mismatches.report("correlation properties")
    }
}
