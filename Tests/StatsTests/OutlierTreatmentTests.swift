import Foundation
import Testing
@testable import Stats

@Suite("treatOutliers (COINr Treat: winsorise, then log_CT, check_SkewKurt)")
struct OutlierTreatmentTests {
    let nan = Double.nan

    /// 1..30 and a heavy tail 50, 150, 450, 1350, 4050 (found by a brute-force search in a
    /// transcription of COINr's `winsorise`): fails, and passes after 4 steps that replace 1, 2,
    /// 3 and 4 values. A running total of replacements would stop after 3 steps (6 >= 5).
    let fourSteps: [Double] = (1...30).map(Double.init) + [50, 150, 450, 1350, 4050]

    /// 50 zeros, 3 ones and 100, 200, ..., 600: five steps replace 1, ..., 5 values and the
    /// column (50 zeros, 3 ones, six 100s) still fails, so the log of the untreated values is used.
    let logFallback: [Double] = [Double](repeating: 0, count: 50) + [1, 1, 1] + [100, 200, 300, 400, 500, 600]

    @Test("COINr's example c(1:10, 30, 100): one step sets 100 to 30")
    func coinrExample() throws {
        let x: [Double] = (1...10).map(Double.init) + [30, 100]
        let result = try treatOutliers(x)
        #expect(result.values == (1...10).map(Double.init) + [30, 30])
        let report = result.report
        #expect(report.failed && report.passes && !report.logTransformed)
        #expect(report.winsorisationSteps == 1 && report.lastStepCount == 1)
        #expect(report.winsorisedHighRows == [11] && report.winsorisedLowRows.isEmpty)
        // Excel SKEW / KURT of the untreated values (G1, G2 formulas, computed in Python).
        #expect(abs(report.skewnessBefore - 3.0632410342394985) < 1e-12)
        #expect(abs(report.kurtosisBefore - 9.741390834569142) < 1e-12)
        #expect(abs(report.skewnessAfter) < 2 || report.kurtosisAfter < 3.5)
    }

    @Test("Step counting: each step re-replaces the earlier ones; only the last step counts")
    func stepCounting() throws {
        let result = try treatOutliers(fourSteps)
        let report = result.report
        #expect(report.failed && report.passes && !report.logTransformed)
        #expect(report.winsorisationSteps == 4 && report.lastStepCount == 4)
        // The four largest values all end at the fifth largest, 50.
        #expect(result.values == (1...30).map(Double.init) + [50, 50, 50, 50, 50])
        #expect(report.winsorisedHighRows == [31, 32, 33, 34] && report.winsorisedCount == 4)
    }

    @Test("Negative skew winsorises the low side (the mirror image)")
    func lowSide() throws {
        let result = try treatOutliers(fourSteps.map { -$0 })
        #expect(result.values == ((1...30).map(Double.init) + [50, 50, 50, 50, 50]).map { -$0 })
        #expect(result.report.winsorisedLowRows == [31, 32, 33, 34] && result.report.winsorisedHighRows.isEmpty)
        #expect(result.report.skewnessBefore <= -2)
    }

    @Test("The limit stops after the step that replaced 5 values; still failing, the log of the untreated values")
    func logFallbackAfterLimit() throws {
        let result = try treatOutliers(logFallback)
        let report = result.report
        #expect(report.failed && report.logTransformed && !report.passes)
        #expect(report.winsorisationSteps == 5 && report.lastStepCount == 5)
        #expect(report.winsorisedHighRows.isEmpty && report.winsorisedLowRows.isEmpty)
        // log(x - min + 0.01 (max - min)) = log(x + 6).
        #expect(result.values == logFallback.map { log($0 + 6) })
        // Still failing after the log (skewness 2.815, kurtosis 6.361 in Python): reported, not treated.
        #expect(abs(report.skewnessAfter - 2.8151491159259585) < 1e-12)
        #expect(abs(report.kurtosisAfter - 6.360658862492365) < 1e-12)
    }

    @Test("A limit of 6 allows the sixth step (six tied 100s set to 1), which passes")
    func configurableLimit() throws {
        let result = try treatOutliers(logFallback, method: .winsoriseThenLog(OutlierThresholds(winsorisationLimit: 6)))
        #expect(result.report.winsorisationSteps == 6 && result.report.lastStepCount == 6)
        #expect(!result.report.logTransformed && result.report.passes)
        #expect(result.values == [Double](repeating: 0, count: 50) + [Double](repeating: 1, count: 9))
        #expect(result.report.winsorisedHighRows == Array(53...58))
        // A limit of 1 stops after the first step and falls back to the log.
        let one = try treatOutliers(fourSteps, method: .winsoriseThenLog(OutlierThresholds(winsorisationLimit: 1)))
        #expect(one.report.winsorisationSteps == 1 && one.report.logTransformed)
    }

    @Test("A step replaces every value tied at the extreme, and may go past the limit")
    func tiesInOneStep() throws {
        // Six tied at 100 (the column the five steps above end with): one step replaces all six.
        let x = [Double](repeating: 0, count: 50) + [1, 1, 1] + [Double](repeating: 100, count: 6)
        let result = try treatOutliers(x)
        #expect(result.report.winsorisationSteps == 1 && result.report.lastStepCount == 6)
        #expect(result.report.passes && !result.report.logTransformed)
        #expect(result.report.winsorisedHighRows == Array(53...58))
    }

    @Test("When the skew changes side, COINr's count adds the last high and the last low step")
    func skewChangesSide() throws {
        // Skewness -2.25, kurtosis 5.36: 9 is raised to 14, then 15 (now positive skew) lowered to 14.
        // The column becomes constant: undefined statistics end the treatment as passing.
        let result = try treatOutliers([14, 14, 15, 14, 14, 9])
        #expect(result.values == [14, 14, 14, 14, 14, 14])
        #expect(result.report.winsorisationSteps == 2 && result.report.lastStepCount == 2)
        #expect(result.report.winsorisedLowRows == [5] && result.report.winsorisedHighRows == [2])
        #expect(result.report.passes && result.report.skewnessAfter.isNaN)
        // A limit of 1 stops after the first step, which leaves the column failing: log instead.
        let limited = try treatOutliers([14, 14, 15, 14, 14, 9],
                                        method: .winsoriseThenLog(OutlierThresholds(winsorisationLimit: 1)))
        #expect(limited.report.winsorisationSteps == 1 && limited.report.logTransformed)
    }

    @Test("Thresholds are configurable: a stricter skewness threshold treats more")
    func thresholds() throws {
        let x: [Double] = (1...20).map(Double.init) + [40]  // skewness 1.65, kurtosis 4.61
        let lenient = try treatOutliers(x)
        #expect(!lenient.report.failed && lenient.values == x)
        let strict = try treatOutliers(x, method: .winsoriseThenLog(OutlierThresholds(skewness: 1, kurtosis: 1)))
        #expect(strict.report.failed && strict.values != x)
    }

    @Test("Missing values are left out of the statistics and stay missing")
    func missingValues() throws {
        var x = fourSteps
        x.insert(nan, at: 0)
        x.insert(nan, at: 20)
        let result = try treatOutliers(x)
        let reference = try treatOutliers(fourSteps)
        #expect(result.values[0].isNaN && result.values[20].isNaN)
        #expect(result.values.filter { !$0.isNaN } == reference.values)
        #expect(result.report.winsorisedHighRows == [33, 34, 35, 36])
        #expect(result.report.skewnessBefore == reference.report.skewnessBefore)
    }

    @Test("none reports the statistics and whether the column fails, changing nothing")
    func none() throws {
        let result = try treatOutliers(fourSteps, method: .none)
        #expect(result.values == fourSteps)
        #expect(result.report.failed && !result.report.passes && result.report.winsorisationSteps == 0)
    }

    @Test("Undefined statistics (fewer than 4 values, constant) pass untouched")
    func undefined() throws {
        for x in [[1, 100, 1000], [5, 5, 5, 5, 5], [nan, nan]] as [[Double]] {
            let result = try treatOutliers(x)
            #expect(!result.report.failed && result.report.winsorisationSteps == 0)
            #expect(result.values.count == x.count)
        }
    }

    @Test("Invalid thresholds are typed errors")
    func invalid() {
        #expect(throws: StatsError.self) {
            try treatOutliers([1, 2], method: .winsoriseThenLog(OutlierThresholds(winsorisationLimit: 0)))
        }
        #expect(throws: StatsError.self) {
            try treatOutliers([1, 2], method: .winsoriseThenLog(OutlierThresholds(skewness: .nan)))
        }
        #expect(throws: StatsError.self) { try treatOutliers(columns: [[1, 2], [3]]) }
    }

    @Test("Lists of columns: the same as column by column, also on all cores")
    func columns() throws {
        var rng = SplitMix64(seed: 5)
        // 8 columns x 10 000 rows (above the parallel threshold), log-normal-ish with a tail.
        let columns = (0..<8).map { _ in (0..<10_000).map { _ in exp(3 * rng.openUnit()) + (rng.unit() < 0.001 ? 1e4 : 0) } }
        let together = try treatOutliers(columns: columns)
        let oneByOne = try columns.map { try treatOutliers($0) }
        #expect(together == oneByOne)
    }
}
