import Foundation
import Stats

extension Portfolio {
    /// Column names recognised for the region id, its name, its country and the wave, in order
    /// of preference (case-insensitive).
    static let idColumns = ["region", "id", "code", "unitcode"]
    static let nameColumns = ["name", "regionname", "region_name", "unitname"]
    static let countryColumns = ["country"]
    static let yearColumns = ["year", "wave"]

    /// The demo portfolio shipped as `Data/demo_portfolio.csv` (synthetic), latest wave unless
    /// `year` is given, under `framework` (the StressTest framework, or its German names).
    public static func demo(year: Int? = nil, framework: Framework = .stressTest) throws(DataErrors) -> Portfolio {
        guard let url = ShippedData.url("demo_portfolio.csv") else {
            throw DataErrors([DataIssue(file: "demo_portfolio.csv", message: "is not shipped with this build")])
        }
        do throws(DataErrors) {
            var portfolio = try load(path: url.path, framework: framework, year: year)
            portfolio.source = "demo"
            return portfolio
        } catch {
            // Name the file as users know it, not by its place inside the build folder.
            throw DataErrors(error.issues.map { issue in
                var issue = issue
                issue.file = "the demo portfolio"
                return issue
            })
        }
    }

    public static func load(path: String, framework: Framework, year: Int? = nil) throws(DataErrors) -> Portfolio {
        try parse(try CSVReader.read(path: path, deferringRowProblems: true), framework: framework, year: year)
    }

    /// A cell as a number: NaN for an empty cell, nil for text that is not a finite number. With
    /// `decimalComma`, a single comma and no point is a decimal comma.
    static func number(_ cell: String, decimalComma: Bool) -> Double? {
        var text = cell.trimmedSpaces
        if text.isEmpty { return .nan }
        if decimalComma, text.utf8.count(where: { $0 == UInt8(ascii: ",") }) == 1, !text.utf8.contains(UInt8(ascii: ".")) {
            text = String(text.map { $0 == "," ? "." : $0 })
        }
        guard let x = Double(text), x.isFinite else { return nil }
        return x
    }

    /// Reads a portfolio table: a region id column (`region`, `id` or `code`), optional `name`,
    /// `country` and `year` columns, one column per indicator of the framework (all required),
    /// and any other columns (structural variables when most of their filled cells are numbers,
    /// attributes otherwise).
    ///
    /// Several years make waves: `year` picks one (default: the latest), and the previous wave
    /// is kept for progress; every other wave's rows are kept too (`otherWaves`, `otherWaveRows`),
    /// so that `csv()` writes the file's waves back. Values (of every wave): numbers; an empty cell is missing; in a semicolon-delimited
    /// file a decimal comma (`2,5`) is read as a decimal point, as European spreadsheets write
    /// it. Anything else, a duplicate region in one wave, or a year that is not a whole number is
    /// an error naming row, column and value; all errors are reported together.
    public static func parse(_ table: CSVTable, framework: Framework, year wanted: Int? = nil) throws(DataErrors) -> Portfolio {
        func find(_ names: [String]) -> Int? { names.lazy.compactMap { table.column(named: $0) }.first }
        guard let idColumn = find(idColumns) else {
            throw DataErrors([DataIssue(file: table.file, row: 1, message: "has no region id column",
                                        allowed: "a column named region, id, code or UnitCode; found: \(table.header.joined(separator: ", "))")])
        }
        let nameColumn = find(nameColumns), countryColumn = find(countryColumns), yearColumn = find(yearColumns)
        var errors = table.rowProblems
        var indicatorColumns = [Int]()
        var absent = [String]()
        for indicator in framework.indicators {
            if let column = table.column(named: indicator.id) { indicatorColumns.append(column) } else { absent.append(indicator.id) }
        }
        if !absent.isEmpty {
            throw DataErrors([DataIssue(file: table.file, row: 1,
                                        message: "lacks the indicator column\(absent.count == 1 ? "" : "s") \(absent.joined(separator: ", ")) of the framework",
                                        allowed: "one column per indicator; found: \(table.header.joined(separator: ", "))")])
        }
        let used = Set([idColumn] + indicatorColumns + [nameColumn, countryColumn, yearColumn].compactMap { $0 })
        let others = table.header.indices.filter { !used.contains($0) }

        // Years of every row.
        var rowYears = [Int?](repeating: nil, count: table.rows.count)
        if let yearColumn {
            for (index, cells) in table.rows.enumerated() {
                let text = cells[yearColumn].trimmedSpaces
                if let year = Int(text) ?? Double(text).flatMap({ $0 == $0.rounded() && abs($0) < 1e6 ? Int($0) : nil }) {
                    rowYears[index] = year
                } else {
                    errors.append(table.issue(row: index, column: yearColumn, value: text, text.isEmpty ? "has no year" : "is not a year",
                                              allowed: "a whole number such as 2026"))
                }
            }
        }
        let years = Array(Set(rowYears.compactMap { $0 })).sorted()
        let year: Int?
        if let wanted {
            guard years.contains(wanted) else {
                errors.append(DataIssue(file: table.file, message: "has no wave \(wanted)",
                                        allowed: years.isEmpty ? "the file has no year column" : "its years: \(years.map(String.init).joined(separator: ", "))",
                                        about: .wave(wanted)))
                throw errors
            }
            year = wanted
        } else {
            year = years.last
        }
        let previousYear = year.flatMap { y in years.last { $0 < y } }

        let decimalComma = table.delimiter == ";"
        func number(_ index: Int, _ column: Int) -> Double {
            if let x = Self.number(table.rows[index][column], decimalComma: decimalComma) { return x }
            errors.append(table.issue(row: index, column: column, value: table.rows[index][column], "is not a number",
                                      allowed: "a number, or an empty cell for a missing value"))
            return .nan
        }

        // Numeric other columns: most of their non-empty cells (of every wave) read as numbers;
        // the other cells of such a column are errors below, never a reason to drop the column.
        let numericOthers = others.filter { column in
            let filled = table.rows.filter { !$0[column].trimmedSpaces.isEmpty }
            let numbers = filled.filter { Self.number($0[column], decimalComma: decimalComma) != nil }
            return !filled.isEmpty && 2 * numbers.count > filled.count
        }
        let textOthers = others.filter { !numericOthers.contains($0) }

        var regions = [Region](), values = [[Double]](), variableValues = [[Double]](), attributeValues = [[String]]()
        var otherWaves = [Int: [String: [Double]]]()
        var otherWaveRows = [Int: [WaveRow]]()
        var firstRow = [String: Int]()
        for (index, cells) in table.rows.enumerated() {
            let id = cells[idColumn].trimmedSpaces
            if id.isEmpty {
                errors.append(table.issue(row: index, column: idColumn, value: nil, "has no region id", allowed: "a unique id per region and year"))
                continue
            }
            let rowYear = rowYears[index]
            if yearColumn != nil && rowYear == nil { continue }  // already reported
            let key = "\(id.lowercased())|\(rowYear.map(String.init) ?? "")"
            if let first = firstRow[key] {
                errors.append(table.issue(row: index, column: idColumn, value: id,
                                          "appears twice\(rowYear.map { " in \($0)" } ?? ""): row \(first) has it already",
                                          allowed: "one row per region and year"))
                continue
            }
            firstRow[key] = table.rowNumbers[index]
            var row = [Double]()
            for (indicator, column) in zip(framework.indicators, indicatorColumns) {
                let x = number(index, column)
                if let scale = indicator.scale, !x.isNaN, !scale.contains(x) {
                    errors.append(table.issue(row: index, column: column, value: cells[column].trimmedSpaces,
                                              "is outside the indicator's scale",
                                              allowed: "\(NumberFormat.exact(scale.lowerBound)) to \(NumberFormat.exact(scale.upperBound)), or an empty cell"))
                }
                row.append(x)
            }
            func text(_ column: Int?) -> String? {
                column.map { cells[$0].trimmedSpaces }.flatMap { $0.isEmpty ? nil : $0 }
            }
            if rowYear == year {
                regions.append(Region(id: id, name: text(nameColumn), country: text(countryColumn)))
                values.append(row)
                variableValues.append(numericOthers.map { number(index, $0) })
                attributeValues.append(textOthers.map { cells[$0] })
            } else if let rowYear {
                otherWaves[rowYear, default: [:]][id] = row
                otherWaveRows[rowYear, default: []].append(WaveRow(
                    region: Region(id: id, name: text(nameColumn), country: text(countryColumn)),
                    variables: numericOthers.map { number(index, $0) }, attributes: textOthers.map { cells[$0] }))
            }
        }
        try errors.throwIfAny()
        return Portfolio(
            framework: framework, source: table.file, year: year, years: years, regions: regions, values: values,
            otherWaves: otherWaves, previousYear: previousYear,
            variables: numericOthers.map { table.header[$0] }, variableValues: variableValues,
            attributes: textOthers.map { table.header[$0] }, attributeValues: attributeValues, otherWaveRows: otherWaveRows)
    }
}
