import Foundation

/// A framework of indicators: key dimensions, each with its indicators and their weights. The
/// StressTest's own framework (six key dimensions, 21 indicators, FRAMEWORK.md) ships as
/// `Data/framework.csv` and is `Framework.stressTest`; a user can write another in the same format.
///
/// File format: a CSV file with one row per node of the hierarchy.
///
/// | column        | required | content                                                               |
/// |---------------|----------|-----------------------------------------------------------------------|
/// | `level`       | yes      | `dimension` or `indicator` (any case)                                 |
/// | `code`        | yes      | a unique code: a letter, then letters, digits or `_` (`DEV`, `I01`)   |
/// | `name`        | yes      | the name shown in tables, charts and reports                          |
/// | `parent`      | yes      | an indicator's dimension code; empty for a dimension                  |
/// | `weight`      | no       | a finite number >= 0; without the column every weight is 1           |
/// | `determinant` | no       | what the indicator determines (free text; empty for dimensions)       |
/// | `min`, `max`  | no       | an indicator's scale (0 and 4 for the StressTest); values outside it  |
/// |               |          | are errors when a portfolio is read; empty cells: no scale            |
///
/// Headers are case-insensitive and in any order; other columns (notes, sources) are ignored;
/// blank rows are skipped; rows may come in any order (an indicator may precede its dimension).
/// Indicators and dimensions keep the file's order. The `parent` column is there so that deeper
/// hierarchies (indicator -> group -> dimension -> index) can be written later; this version reads
/// two levels and says so when it meets another level name or a dimension with a parent.
///
/// Every problem is reported with file, spreadsheet row, column, value and what is allowed, all
/// problems of a file together: a missing required column, an unknown level, a missing, malformed
/// or duplicate code, a missing name, an unknown parent (with "did you mean"), a weight that is not
/// a finite number >= 0, a dimension without indicators, a dimension whose indicators all weigh 0.
///
/// A file without a `level` column but with a `dimension` column is read as a plain indicator
/// list instead, as scoreboards publish them (see `parseIndicatorList`).
public struct Framework: Sendable, Equatable {
    /// A key dimension: a group of indicators with a composite indicator of its own.
    public struct Dimension: Sendable, Equatable, Hashable {
        public var code: String
        public var name: String
        /// The dimension's weight in an overall index (>= 0; 1 = equal weights).
        public var weight: Double

        public init(code: String, name: String, weight: Double = 1) {
            self.code = code
            self.name = name
            self.weight = weight
        }
    }

    /// An indicator, computed from the survey answers (0 worst .. 4 best).
    public struct Indicator: Sendable, Equatable, Hashable {
        /// The indicator's code, such as `I01`.
        public var id: String
        public var name: String
        /// The code of the dimension the indicator belongs to.
        public var dimension: String
        /// What the indicator determines (FRAMEWORK.md's "determinant"); may be empty.
        public var determinant: String
        /// The indicator's weight in its dimension's composite (>= 0; 1 = equal weights).
        public var weight: Double
        /// The values the indicator can take (0...4 for the StressTest's), when the framework
        /// says; a portfolio value outside it is an error.
        public var scale: ClosedRange<Double>?

        public init(id: String, name: String, dimension: String, determinant: String = "", weight: Double = 1,
                    scale: ClosedRange<Double>? = nil) {
            self.id = id
            self.name = name
            self.dimension = dimension
            self.determinant = determinant
            self.weight = weight
            self.scale = scale
        }
    }

    /// The level names a framework file may use, in hierarchy order (top first).
    public static let levels = ["dimension", "indicator"]
    /// The columns a framework file must have.
    public static let requiredColumns = ["level", "code", "name", "parent"]
    /// The columns a framework file may have besides the required ones.
    public static let optionalColumns = ["weight", "determinant", "min", "max"]

    /// The key dimensions, in file order.
    public var dimensions: [Dimension]
    /// All indicators, in file order.
    public var indicators: [Indicator]

    /// A framework built in code. Programmer errors (duplicate codes, an indicator whose dimension
    /// is not given, a dimension without indicators, a negative or non-finite weight) stop the
    /// program; data from files goes through `parse`, which reports them as `DataErrors`.
    public init(dimensions: [Dimension], indicators: [Indicator]) {
        let codes = dimensions.map(\.code) + indicators.map(\.id)
        precondition(Set(codes).count == codes.count, "Framework: duplicate codes in \(codes)")
        let dimensionCodes = Set(dimensions.map(\.code))
        for indicator in indicators {
            precondition(dimensionCodes.contains(indicator.dimension),
                         "Framework: indicator \(indicator.id) has unknown dimension \(indicator.dimension)")
            precondition(indicator.weight.isFinite && indicator.weight >= 0,
                         "Framework: indicator \(indicator.id) has weight \(indicator.weight)")
        }
        for dimension in dimensions {
            precondition(indicators.contains { $0.dimension == dimension.code },
                         "Framework: dimension \(dimension.code) has no indicators")
            precondition(dimension.weight.isFinite && dimension.weight >= 0,
                         "Framework: dimension \(dimension.code) has weight \(dimension.weight)")
        }
        self.dimensions = dimensions
        self.indicators = indicators
    }

    /// The StressTest framework shipped as `Data/framework.csv`: six key dimensions, 21 indicators.
    /// The file is part of the program, so a failure to load it is a programmer error.
    public static let stressTest: Framework = ShippedData.required("framework.csv") { try load(path: $0) }


    /// The indicators of a dimension, in file order; empty for an unknown code.
    public func indicators(in dimension: String) -> [Indicator] {
        indicators.filter { $0.dimension == dimension }
    }

    /// The indicator with this id, or nil.
    public func indicator(_ id: String) -> Indicator? {
        indicators.first { $0.id == id }
    }

    /// The dimension with this code, or nil.
    public func dimension(_ code: String) -> Dimension? {
        dimensions.first { $0.code == code }
    }

    /// Reads and validates a framework file (format: see the type's documentation).
    public static func load(path: String) throws(DataErrors) -> Framework {
        try parse(try CSVReader.read(path: path))
    }

    /// Validates a framework table (format: see the type's documentation); all problems are
    /// reported together.
    public static func parse(_ table: CSVTable) throws(DataErrors) -> Framework {
        if table.column(named: "level") == nil, table.column(named: "dimension") != nil {
            return try parseIndicatorList(table)
        }
        let columns = try table.requireColumns(requiredColumns, of: "framework",
            allowed: "a header with \(requiredColumns.joined(separator: ", ")) and optionally \(optionalColumns.joined(separator: ", "))")
        let levelColumn = columns["level"]!, codeColumn = columns["code"]!
        let nameColumn = columns["name"]!, parentColumn = columns["parent"]!
        let weightColumn = table.column(named: "weight")
        let determinantColumn = table.column(named: "determinant")
        let minColumn = table.column(named: "min"), maxColumn = table.column(named: "max")

        struct Row {
            var index: Int
            var level: String
            var code: String
            var name: String
            var parent: String
            var weight: Double
            var determinant: String
            var scale: ClosedRange<Double>?
        }
        var errors = DataErrors()
        var dimensionRows = [Row]()
        var indicatorRows = [Row]()
        var firstRowOfCode = [String: Int]()

        for (index, cells) in table.rows.enumerated() {
            let cell = { (column: Int) in cells[column].trimmingCharacters(in: .whitespacesAndNewlines) }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            let levelText = cell(levelColumn)
            let code = cell(codeColumn), name = cell(nameColumn), parent = cell(parentColumn)
            let level = levelText.lowercased()

            if levelText.isEmpty {
                errors.append(table.issue(row: index, column: levelColumn, value: nil, "has no level",
                                          allowed: levels.joined(separator: ", ")))
            } else if !levels.contains(level) {
                errors.append(table.issue(row: index, column: levelColumn, value: levelText,
                                          "is not a level this version reads (it reads dimensions and their indicators)",
                                          allowed: levels.joined(separator: ", ")))
            }

            if code.isEmpty {
                errors.append(table.issue(row: index, column: codeColumn, value: nil, "has no code",
                                          allowed: "a unique code such as DEV or I01"))
            } else if !isValidCode(code) {
                errors.append(table.issue(row: index, column: codeColumn, value: code, "is not a valid code",
                                          allowed: "a letter followed by letters, digits or _, such as DEV or I01"))
            } else if let first = firstRowOfCode[code] {
                errors.append(table.issue(row: index, column: codeColumn, value: code,
                                          "is a duplicate code: row \(first) has it already",
                                          allowed: "a code used once in the file"))
            } else {
                firstRowOfCode[code] = table.rowNumbers[index]
            }

            if name.isEmpty {
                errors.append(table.issue(row: index, column: nameColumn, value: nil, "has no name",
                                          allowed: "the name shown in tables and reports"))
            }

            var weight = 1.0
            if let weightColumn {
                let text = cell(weightColumn)
                if let number = Double(text), number.isFinite, number >= 0 {
                    weight = number
                } else {
                    errors.append(table.issue(row: index, column: weightColumn, value: text.isEmpty ? nil : text,
                                              text.isEmpty ? "has no weight" : "is not a weight",
                                              allowed: "a finite number >= 0 with a decimal point, such as 1 or 0.5; 1 for equal weights"))
                }
            }

            var scale: ClosedRange<Double>?
            if let minColumn, let maxColumn, level == "indicator" {
                let low = cell(minColumn), high = cell(maxColumn)
                if let a = Double(low), let b = Double(high), a.isFinite, b.isFinite, a <= b {
                    scale = a...b
                } else if !(low.isEmpty && high.isEmpty) {
                    errors.append(table.issue(row: index, column: Double(low) == nil ? minColumn : maxColumn,
                                              value: Double(low) == nil ? low : high, "is not a scale bound",
                                              allowed: "two numbers min <= max, such as 0 and 4, or both cells empty"))
                }
            }
            let row = Row(index: index, level: level, code: code, name: name, parent: parent, weight: weight,
                          determinant: determinantColumn.map(cell) ?? "", scale: scale)
            switch level {
            case "dimension":
                if !parent.isEmpty {
                    errors.append(table.issue(row: index, column: parentColumn, value: parent,
                                              "is the parent of a dimension; this version reads two levels, so a dimension has no parent",
                                              allowed: "an empty cell"))
                }
                dimensionRows.append(row)
            case "indicator":
                indicatorRows.append(row)
            default:
                break
            }
        }

        // Parents, once every row is known (a parent may come after its children).
        let dimensionCodes = dimensionRows.map(\.code).filter { !$0.isEmpty }
        let dimensionList = dimensionCodes.isEmpty ? "no dimension rows yet" : dimensionCodes.joined(separator: ", ")
        let indicatorCodes = Set(indicatorRows.map(\.code))
        for row in indicatorRows {
            if row.parent.isEmpty {
                errors.append(table.issue(row: row.index, column: parentColumn, value: nil,
                                          "has no parent: an indicator belongs to a dimension",
                                          allowed: "a dimension code: \(dimensionList)"))
            } else if !dimensionCodes.contains(row.parent) {
                var message = indicatorCodes.contains(row.parent)
                    ? "is an indicator, not a dimension; an indicator's parent is a dimension"
                    : "is not a dimension of this framework"
                if let suggestion = NameSuggestion.nearest(to: row.parent, among: dimensionCodes) {
                    message += "; did you mean \(suggestion)?"
                }
                errors.append(table.issue(row: row.index, column: parentColumn, value: row.parent, message,
                                          allowed: "a dimension code: \(dimensionList)"))
            }
        }

        // Each dimension needs indicators, and indicators that weigh something.
        for row in dimensionRows where !row.code.isEmpty {
            let members = indicatorRows.filter { $0.parent == row.code }
            if members.isEmpty {
                errors.append(table.issue(row: row.index, column: codeColumn, value: row.code,
                                          "is a dimension without indicators",
                                          allowed: "at least one indicator row with parent \(row.code)"))
            } else if weightColumn != nil, members.allSatisfy({ $0.weight == 0 }) {
                errors.append(table.issue(row: row.index, column: codeColumn, value: row.code,
                                          "is a dimension whose indicators all have weight 0, so its composite is undefined",
                                          allowed: "a weight > 0 for at least one indicator with parent \(row.code)"))
            }
        }
        if dimensionRows.isEmpty && indicatorRows.isEmpty && errors.isEmpty {
            errors.append(DataIssue(file: table.file, message: "has no dimensions and no indicators",
                                    allowed: "one row per dimension (level dimension) and per indicator (level indicator)"))
        }
        try errors.throwIfAny()

        return Framework(
            dimensions: dimensionRows.map { Dimension(code: $0.code, name: $0.name, weight: $0.weight) },
            indicators: indicatorRows.map {
                Indicator(id: $0.code, name: $0.name, dimension: $0.parent, determinant: $0.determinant, weight: $0.weight,
                          scale: $0.scale)
            })
    }

    /// A code: an ASCII letter, then ASCII letters, digits or `_`, so that it can name a column
    /// and a script field (`p.I02`).
    static func isValidCode(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, first.isASCIILetter else { return false }
        return code.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" }
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension Framework {
    /// The second accepted format, a plain list of indicators as scoreboards publish them (the
    /// RIS 2023 `ris2023_indicators.csv`): columns `code`, `name`, `dimension` and optionally
    /// `weight`. The dimensions are the distinct `dimension` values in order of first appearance,
    /// each its own code and name, weight 1.
    static func parseIndicatorList(_ table: CSVTable) throws(DataErrors) -> Framework {
        var errors = DataErrors()
        var columns = [String: Int]()
        for name in ["code", "name", "dimension"] {
            if let index = table.column(named: name) { columns[name] = index }
        }
        guard columns.count == 3 else {
            throw DataErrors([DataIssue(file: table.file, row: 1,
                                        message: "an indicator list needs the columns code, name and dimension (found: \(table.header.joined(separator: ", ")))")])
        }
        let weightColumn = table.column(named: "weight")
        var dimensions = [Dimension](), indicators = [Indicator](), firstRow = [String: Int]()
        for (index, cells) in table.rows.enumerated() {
            func cell(_ name: String) -> String { cells[columns[name]!].trimmingCharacters(in: .whitespaces) }
            let code = cell("code"), name = cell("name"), dimension = cell("dimension")
            if code.isEmpty {
                errors.append(table.issue(row: index, column: columns["code"], value: nil, "has no indicator code"))
                continue
            }
            if let first = firstRow[code.lowercased()] {
                errors.append(table.issue(row: index, column: columns["code"], value: code, "is a duplicate code: row \(first) has it already"))
                continue
            }
            firstRow[code.lowercased()] = table.rowNumbers[index]
            if dimension.isEmpty {
                errors.append(table.issue(row: index, column: columns["dimension"], value: nil, "has no dimension"))
                continue
            }
            var weight = 1.0
            if let weightColumn {
                let text = cells[weightColumn].trimmingCharacters(in: .whitespaces)
                if let w = Double(text), w.isFinite, w >= 0 {
                    weight = w
                } else if !text.isEmpty {
                    errors.append(table.issue(row: index, column: weightColumn, value: text, "is not a weight", allowed: "a finite number >= 0"))
                }
            }
            if !dimensions.contains(where: { $0.code == dimension }) { dimensions.append(Dimension(code: dimension, name: dimension)) }
            indicators.append(Indicator(id: code, name: name.isEmpty ? code : name, dimension: dimension, weight: weight))
        }
        if indicators.isEmpty && errors.isEmpty {
            errors.append(DataIssue(file: table.file, message: "lists no indicators"))
        }
        try errors.throwIfAny()
        return Framework(dimensions: dimensions, indicators: indicators)
    }
}
