import Testing
@testable import Stats

@Suite("normalise (COINr Normalise: n_minmax, n_zscore, n_rank, n_prank, n_borda, n_dist2targ, n_goalposts)")
struct NormalisationTests {
    let nan = Double.nan
    /// min 2, max 10, mean 5, sd sqrt(36 / 3) = sqrt(12); one missing value.
    let x: [Double] = [2, 4, .nan, 10, 4]

    func values(_ method: NormalisationMethod, _ direction: IndicatorDirection = .positive) throws -> [Double] {
        try normalise(x, method: method, direction: direction).values
    }

    @Test("Min-max: (x - min) / (max - min) (u - l) + l; reversed = u + l - minmax(x)")
    func minMax() throws {
        #expect(isClose(try values(.minMax()), [0, 25, nan, 100, 25]))
        #expect(isClose(try values(.minMax(lower: 1, upper: 5)), [1, 2, nan, 5, 2]))
        #expect(isClose(try values(.minMax(), .negative), [100, 75, nan, 0, 75]))
        #expect(isClose(try values(.minMax(lower: 1, upper: 5), .negative), [5, 4, nan, 1, 4]))
        // u + l - minmax(x) on seeded random data, to rounding.
        var rng = SplitMix64(seed: 3)
        let data = (0..<200).map { _ in rng.unit() * 1e3 - 300 }
        let forward = try normalise(data, method: .minMax(lower: -1, upper: 7)).values
        let reversed = try normalise(data, method: .minMax(lower: -1, upper: 7), direction: .negative).values
        for (a, b) in zip(forward, reversed) { #expect(abs(b - (6 - a)) < 1e-12) }
    }

    @Test("z-score: (x - mean) / sd s + m with R's sd (n - 1)")
    func zScore() throws {
        let sd = 12.0.squareRoot()
        #expect(isClose(try values(.zScore()), [-3 / sd, -1 / sd, nan, 5 / sd, -1 / sd]))
        #expect(isClose(try values(.zScore(mean: 50, standardDeviation: 10)),
                        [50 - 30 / sd, 50 - 10 / sd, nan, 50 + 50 / sd, 50 - 10 / sd]))
        #expect(isClose(try values(.zScore(), .negative), [3 / sd, 1 / sd, nan, -5 / sd, 1 / sd]))
    }

    @Test("Rank, percentile rank and Borda use the lowest rank of a tie (COINr ties.method = min)")
    func ranksAndBorda() throws {
        #expect(isClose(try values(.rank), [1, 2, nan, 4, 2]))
        #expect(isClose(try values(.rank, .negative), [4, 2, nan, 1, 2]))
        #expect(isClose(try values(.percentileRank), [0, 1.0 / 3, nan, 1, 1.0 / 3]))
        #expect(isClose(try values(.percentileRank, .negative), [1, 1.0 / 3, nan, 0, 1.0 / 3]))
        #expect(isClose(try values(.borda), [0, 1, nan, 3, 1]))
    }

    @Test("Distance to target: (x - min) / (target - min), capped at 1 only when asked")
    func distanceToTarget() throws {
        #expect(isClose(try values(.distanceToTarget(target: 8)), [0, 1.0 / 3, nan, 4.0 / 3, 1.0 / 3]))
        let capped = try normalise(x, method: .distanceToTarget(target: 8, capAtOne: true))
        #expect(isClose(capped.values, [0, 1.0 / 3, nan, 1, 1.0 / 3]))
        #expect(capped.report.cappedRows == [3])
        // Negative: (max - x) / (max - target) with the target in the indicator's units.
        let negative = try normalise(x, method: .distanceToTarget(target: 3, capAtOne: true), direction: .negative)
        #expect(isClose(negative.values, [1, 6.0 / 7, nan, 0, 6.0 / 7]))
        #expect(negative.report.cappedRows == [0])
        #expect(isClose(try values(.distanceToTarget(target: 3), .negative), [8.0 / 7, 6.0 / 7, nan, 0, 6.0 / 7]))
    }

    @Test("Goalposts: (x - l) / (u - l), truncated to [0, 1], times the scale")
    func goalposts() throws {
        let truncated = try normalise(x, method: .goalposts(lower: 3, upper: 8, scale: 100))
        #expect(isClose(truncated.values, [0, 20, nan, 100, 20]))
        #expect(truncated.report.cappedRows == [0, 3])
        #expect(isClose(try values(.goalposts(lower: 3, upper: 8, scale: 100, truncate: false)), [-20, 20, nan, 140, 20]))
        #expect(isClose(try values(.goalposts(lower: 3, upper: 8)), [0, 0.2, nan, 1, 0.2]))
        // Negative: (u - x) / (u - l).
        #expect(isClose(try values(.goalposts(lower: 3, upper: 8, scale: 100), .negative), [100, 80, nan, 0, 80]))
    }

    @Test("none keeps the values (negated for a negative indicator, as COINr)")
    func none() throws {
        #expect(isClose(try values(.none), x))
        #expect(isClose(try values(.none, .negative), [-2, -4, nan, -10, -4]))
    }

    @Test("The report gives the column's statistics and counts")
    func report() throws {
        let report = try normalise(x, direction: .negative).report
        #expect(report == NormalisationReport(method: .minMax(lower: 0, upper: 100), direction: .negative,
                                              observed: 4, missing: 1, minimum: 2, maximum: 10, mean: 5,
                                              standardDeviation: 12.0.squareRoot(), cappedRows: []))
    }

    @Test("A constant column is an error naming the column, not NaN")
    func constantColumn() {
        #expect(throws: StatsError.constantColumn(index: 7, method: "min-max normalisation")) {
            try normalise([3, 3, .nan, 3], index: 7)
        }
        #expect(throws: StatsError.constantColumn(index: 0, method: "z-score normalisation")) {
            try normalise([3, 3], method: .zScore())
        }
        #expect(throws: StatsError.constantColumn(index: 0, method: "percentile-rank normalisation")) {
            try normalise([3, .nan], method: .percentileRank)
        }
        // The list version names the failing column.
        #expect(throws: StatsError.constantColumn(index: 1, method: "min-max normalisation")) {
            try normalise(columns: [[1, 2], [5, 5], [7, 7]], directions: [.positive, .negative, .positive])
        }
        let message = StatsError.constantColumn(index: 1, method: "min-max normalisation").description
        #expect(message.contains("column 2 is constant"))  // index 1: the second column, counted from 1
        // Rank methods are fine with a constant column.
        #expect((try? normalise([3, 3], method: .rank).values) == [1, 1])
    }

    @Test("Missing values stay missing; an all-missing column stays missing without error")
    func missing() throws {
        let result = try normalise([nan, nan], method: .minMax())
        #expect(result.values.allSatisfy(\.isNaN) && result.report.observed == 0 && result.report.missing == 2)
    }

    @Test("Invalid parameters and shapes are typed errors")
    func invalid() {
        #expect(throws: StatsError.self) { try normalise(x, method: .zScore(standardDeviation: 0)) }
        #expect(throws: StatsError.self) { try normalise(x, method: .minMax(lower: .nan)) }
        #expect(throws: StatsError.self) { try normalise(x, method: .goalposts(lower: 1, upper: 1)) }
        #expect(throws: StatsError.self) { try normalise(x, method: .distanceToTarget(target: 2)) }
        #expect(throws: StatsError.self) { try normalise(x, method: .distanceToTarget(target: 10), direction: .negative) }
        #expect(throws: StatsError.lengthMismatch(2, 1)) { try normalise(columns: [[1, 2], [3, 4]], directions: [.positive]) }
        #expect(throws: StatsError.self) { try normalise(columns: [[1, 2], [3]], directions: [.positive, .positive]) }
    }

    @Test("Lists of columns: the same as column by column, also on all cores")
    func columns() throws {
        var rng = SplitMix64(seed: 9)
        let columns = (0..<8).map { _ in (0..<10_000).map { _ in rng.unit() < 0.05 ? Double.nan : rng.unit() } }
        let directions: [IndicatorDirection] = (0..<8).map { $0 % 3 == 0 ? .negative : .positive }
        for method in [NormalisationMethod.minMax(), .zScore(), .percentileRank] {
            let together = try normalise(columns: columns, method: method, directions: directions)
            let oneByOne = try columns.indices.map { try normalise(columns[$0], method: method, direction: directions[$0], index: $0) }
            #expect(together == oneByOne)
        }
    }
}
