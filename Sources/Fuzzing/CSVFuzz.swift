import Foundation
import StressTest

/// The CSV reader on arbitrary bytes, with and without deferred row problems.
enum CSVFuzz {
    static func run(_ bytes: [UInt8]) {
        let lines = FuzzCheck.lineCount(bytes)
        for deferring in [false, true] {
            do throws(DataErrors) {
                let table = try CSVReader.parse(Data(bytes), file: "fuzz.csv", deferringRowProblems: deferring)
                FuzzCheck.consistent(table, lines: lines)
                if !table.rowProblems.isEmpty {
                    FuzzCheck.require(deferring, "row problems kept without deferring")
                    FuzzCheck.located(table.rowProblems, file: "fuzz.csv", lines: lines)
                }
            } catch {
                FuzzCheck.located(error, file: "fuzz.csv", lines: lines)
            }
        }
    }
}
