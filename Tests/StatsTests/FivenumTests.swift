import Testing
@testable import Stats

@Suite("fivenum (R's stats::fivenum)")
struct FivenumTests {
    @Test("1...10 and 30: 1, 3.5, 6, 8.5, 30 (the issue's vector)")
    func issueVectorWithOutlier() {
        #expect(fivenum((1...10).map(Double.init) + [30]) == [1, 3.5, 6, 8.5, 30])
    }

    @Test("1...10: 1, 3, 5.5, 8, 10 (the issue's vector)")
    func issueVectorWithoutOutlier() {
        #expect(fivenum((1...10).map(Double.init)) == [1, 3, 5.5, 8, 10])
    }

    /// Values printed by R 4.x: fivenum(c(1, 2)), fivenum(1:3), fivenum(1:4), fivenum(1:11).
    @Test("Small n, as R prints them")
    func smallSamples() {
        #expect(fivenum([5]) == [5, 5, 5, 5, 5])
        #expect(fivenum([2, 1]) == [1, 1, 1.5, 2, 2])
        #expect(fivenum([3, 1, 2]) == [1, 1.5, 2, 2.5, 3])
        #expect(fivenum([4, 3, 2, 1]) == [1, 1.5, 2.5, 3.5, 4])
        #expect(fivenum((1...11).map(Double.init)) == [1, 3.5, 6, 8.5, 11])
    }

    @Test("No value present: five NaNs")
    func empty() {
        let none = fivenum([Double]())
        #expect(none.count == 5 && none.allSatisfy { $0.isNaN })
        let allMissing = fivenum([Double.nan, .nan])
        #expect(allMissing.count == 5 && allMissing.allSatisfy { $0.isNaN })
    }

    @Test("Missing values are removed")
    func missingRemoved() {
        #expect(fivenum([.nan, 10, 1, .nan, 5, 3, .nan]) == fivenum([10, 1, 5, 3]))
        #expect(fivenum([.nan, 10, 1, .nan, 5, 3, .nan]) == [1, 2, 4, 7.5, 10])
    }

    @Test("Random samples: R's algorithm (depths 1, n4, (n+1)/2, n+1-n4, n on the sorted sample)")
    func matchesR() throws {
        let reference = try StatsReference.load()
        #expect(reference.fivenum.count >= 40)
        var mismatches = Mismatches()
        for c in reference.fivenum {
            let got = fivenum(c.x)
            mismatches.check(isClose(got, c.expected), "\(c.name) \(describeSample(c.x)): R \(c.expected), got \(got)")
        }
        mismatches.report("five-number summaries")
    }

    @Test("Random samples: min and max at the ends, median in the middle, hinges ordered")
    func properties() throws {
        var random = SplitMix64(seed: 0x5EED_0101)
        var mismatches = Mismatches()
        for _ in 0..<300 {
            let x = random.sample(count: random.int(1...80))
            let f = fivenum(x)
            mismatches.check(f[0] == x.min() && f[4] == x.max(), "ends of \(describeSample(x)): \(f)")
            mismatches.check(isClose(f[2], try quantile(x, 0.5)), "median of \(describeSample(x)): \(f)")
            mismatches.check(zip(f, f.dropFirst()).allSatisfy { $0 <= $1 }, "order of \(f)")
            mismatches.check(fivenum(random.shuffled(x)) == f, "permutation of \(describeSample(x))")
        }
        mismatches.report("five-number summaries")
    }
}
