import Testing
@testable import Stats

@Suite("impute (COINr i_mean, i_median, i_mean_grp, i_median_grp)")
struct ImputationTests {
    let nan = Double.nan

    @Test("Mean over all units: every missing cell gets the mean of the observed values")
    func meanOverAll() {
        let result = impute([1, nan, 3, nan, 8], method: .mean)
        #expect(result.values == [1, 4, 3, 4, 8])
        #expect(result.report == ImputationReport(method: .mean, imputedRows: [1, 3], imputedValues: [4, 4],
                                                  unimputedRows: []))
    }

    @Test("Median is R's median: the middle value, or the mean of the two middle values")
    func medianOverAll() {
        // Observed 1, 3, 5, 10: R median = (3 + 5) / 2 = 4.
        #expect(impute([5, nan, 1, 3, 10], method: .median).values == [5, 4, 1, 3, 10])
        // Observed 1, 3, 5: 3.
        #expect(impute([5, nan, 1, 3], method: .median).values == [5, 3, 1, 3])
        // The average of two huge middle values does not overflow.
        let huge = impute([1.6e308, nan, 1.7e308], method: .median).values[1]
        #expect(huge.isFinite && isClose(huge, 1.65e308))
    }

    @Test("Within groups: each unit gets its own group's mean or median")
    func withinGroups() throws {
        let x = [1, 2, nan, 10, nan, 30, 50]
        let groups = ["Asia", "Asia", "Asia", "Europe", "Europe", "Europe", "Europe"]
        let mean = try impute(x, method: .mean, groups: groups)
        #expect(mean.values == [1, 2, 1.5, 10, 30, 30, 50])
        #expect(mean.report.imputedRows == [2, 4] && mean.report.imputedValues == [1.5, 30])
        let median = try impute(x, method: .median, groups: groups)
        #expect(median.values == [1, 2, 1.5, 10, 30, 30, 50])
        let medianSkewed = try impute([1, 2, nan, 10, nan, 11, 90], method: .median, groups: groups)
        #expect(medianSkewed.values == [1, 2, 1.5, 10, 11, 11, 90])
        // Integer labels work the same way.
        let byCode = try impute(x, method: .mean, groups: [0, 0, 0, 1, 1, 1, 1])
        #expect(byCode == mean)
    }

    @Test("A group with no observed value stays missing and is reported, nothing is invented")
    func emptyGroupLeftMissing() throws {
        let result = try impute([nan, nan, 4, 6, nan], method: .mean, groups: [0, 0, 1, 1, 1])
        #expect(result.values[0].isNaN && result.values[1].isNaN)
        #expect(Array(result.values[2...]) == [4, 6, 5])
        #expect(result.report.imputedRows == [4] && result.report.imputedValues == [5])
        #expect(result.report.unimputedRows == [0, 1])
        // Without groups, a column with no observed value stays missing entirely.
        let empty = impute([nan, nan], method: .median)
        #expect(empty.values.allSatisfy(\.isNaN) && empty.report.unimputedRows == [0, 1])
    }

    @Test("none changes nothing and lists every missing cell as left missing")
    func none() {
        let result = impute([1, nan, 3], method: .none)
        #expect(result.values[0] == 1 && result.values[1].isNaN && result.values[2] == 3)
        #expect(result.report == ImputationReport(method: .none, imputedRows: [], imputedValues: [], unimputedRows: [1]))
    }

    @Test("Observed values never change; only missing cells are filled (seeded random data)")
    func observedUnchanged() throws {
        var rng = SplitMix64(seed: 11)
        let x = (0..<500).map { _ in rng.unit() < 0.2 ? Double.nan : rng.unit() * 100 }
        let groups = (0..<500).map { _ in Int(rng.next() % 4) }
        for method in ImputationMethod.allCases {
            let result = try impute(x, method: method, groups: groups)
            for row in x.indices where !x[row].isNaN { #expect(result.values[row] == x[row]) }
            let missing = x.indices.filter { x[$0].isNaN }
            #expect((result.report.imputedRows + result.report.unimputedRows).sorted() == missing)
            for (row, value) in zip(result.report.imputedRows, result.report.imputedValues) {
                #expect(result.values[row] == value)
            }
        }
    }

    @Test("Lists of columns: the same as column by column; shapes are checked")
    func columns() throws {
        let columns = [[1, nan, 3], [nan, 5, 7]]
        let results = try impute(columns: columns, method: .mean, groups: ["a", "a", "b"])
        #expect(results[0].values == [1, 1, 3])
        #expect(results[1].values == [5, 5, 7])
        #expect(try impute(columns: columns, method: .median) == columns.map { impute($0, method: .median) })
        #expect(throws: StatsError.lengthMismatch(3, 2)) {
            try impute([1, nan, 3], method: .mean, groups: ["a", "b"])
        }
        #expect(throws: StatsError.self) { try impute(columns: [[1, 2], [1]], method: .mean) }
        #expect(throws: StatsError.self) { try impute(columns: [[1, 2]], method: .mean, groups: [1]) }
    }
}
