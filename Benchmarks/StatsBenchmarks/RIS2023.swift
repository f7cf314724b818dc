import Foundation
import StressTest

/// The RIS 2023 portfolio of the composite-indicator benchmarks: the 246 rows with Year 2023 and
/// the 21 indicator columns `1.1.2` ... `4.3.2` (none missing in 2023), read with StressTest's
/// `CSVReader` (the region names hold quotes and accents; hence the target's dependency on
/// StressTest). The file is `$RIS2023_REGIONS_CSV`, or `../shared/data/ris/ris2023_regions.csv`
/// beside the package. `Benchmarks/compare.py` reads the same rows for the peers.
struct RIS2023: Sendable {
    var regions: Int
    var indicators: [String]
    /// regions x indicators, row-major.
    var values: [Double]
    /// One array per indicator.
    var columns: [[Double]] { indicators.indices.map { j in (0..<regions).map { values[$0 * indicators.count + j] } } }

    static let shared: RIS2023 = {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = ProcessInfo.processInfo.environment["RIS2023_REGIONS_CSV"]
            ?? package.deletingLastPathComponent().appendingPathComponent("shared/data/ris/ris2023_regions.csv").path
        let table: CSVTable
        do { table = try CSVReader.read(path: path) } catch { fatalError("RIS 2023 benchmark data: \(error)") }
        guard let year = table.column(named: "Year"), let first = table.column(named: "1.1.2"),
              let last = table.column(named: "4.3.2") else { fatalError("RIS 2023 benchmark data: \(path) lacks Year or the indicator columns") }
        let columns = Array(first...last)
        var values: [Double] = []
        var regions = 0
        for row in table.rows where row[year] == "2023" {
            for column in columns {
                guard let x = Double(row[column].trimmingCharacters(in: .whitespaces)) else {
                    fatalError("RIS 2023 benchmark data: cell \(row[column]) in column \(table.header[column])")
                }
                values.append(x)
            }
            regions += 1
        }
        return RIS2023(regions: regions, indicators: columns.map { table.header[$0] }, values: values)
    }()
}
