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
/// | `direction`   | no       | an indicator's direction: 1 (more is better, the default) or -1       |
/// | `target`      | no       | an indicator's target (distance-to-target normalisation)              |
///
/// Headers are case-insensitive and in any order; other columns (notes, sources) are ignored;
/// blank rows are skipped; rows may come in any order (an indicator may precede its dimension).
/// Indicators and dimensions keep the file's order. Deeper hierarchies (indicator -> dimension ->
/// pillar -> ... -> index) use any other level name for the rows above the dimensions (`pillar`,
/// `index`, ...): a dimension's parent is then such a group, a group's parent a group one level up,
/// and every dimension must have a parent (the levels of a composite are uniform, as in COINr).
/// Without groups, or when the top level has several groups, the overall index is implied.
/// COINr's metadata format (`IndCode`, `Agg1`, ...) is read too: see `parseCOINr`.
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
        /// The dimension's weight in its parent (a group, or the overall index) (>= 0; 1 = equal
        /// weights).
        public var weight: Double
        /// The code of the group the dimension belongs to in a deeper framework (`groups`); nil
        /// when the dimensions are the level right below the index.
        public var parent: String?

        public init(code: String, name: String, weight: Double = 1, parent: String? = nil) {
            self.code = code
            self.name = name
            self.weight = weight
            self.parent = parent
        }
    }

    /// An aggregate above the dimensions in a deeper framework (a pillar, a sub-index, the index):
    /// COINr's levels 3 and up. `level` 1 aggregates dimensions, level 2 aggregates level-1
    /// groups, and so on; every member of a level has a parent in the next level up, except the
    /// top level.
    public struct Group: Sendable, Equatable, Hashable {
        public var code: String
        public var name: String
        public var level: Int
        public var weight: Double
        public var parent: String?

        public init(code: String, name: String, level: Int, weight: Double = 1, parent: String? = nil) {
            self.code = code
            self.name = name
            self.level = level
            self.weight = weight
            self.parent = parent
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
        /// 1 when more is better, -1 when less is better (normalisation reverses the indicator).
        public var direction: Double
        /// A target value for the distance-to-target normalisation (COINr's `Target`), if any.
        public var target: Double?

        public init(id: String, name: String, dimension: String, determinant: String = "", weight: Double = 1,
                    scale: ClosedRange<Double>? = nil, direction: Double = 1, target: Double? = nil) {
            self.id = id
            self.name = name
            self.dimension = dimension
            self.determinant = determinant
            self.weight = weight
            self.scale = scale
            self.direction = direction
            self.target = target
        }
    }

    /// The level names a framework file may use, in hierarchy order (top first).
    public static let levels = ["dimension", "indicator"]
    /// The columns a framework file must have.
    public static let requiredColumns = ["level", "code", "name", "parent"]
    /// The columns a framework file may have besides the required ones.
    public static let optionalColumns = ["weight", "determinant", "min", "max", "direction", "target"]

    /// The key dimensions, in file order.
    public var dimensions: [Dimension]
    /// All indicators, in file order.
    public var indicators: [Indicator]
    /// The aggregates above the dimensions, level by level (empty for a two-level framework).
    public var groups: [Group] = []

    /// A framework built in code. Programmer errors (duplicate codes, an indicator whose dimension
    /// is not given, a dimension without indicators, a negative or non-finite weight) stop the
    /// program; data from files goes through `parse`, which reports them as `DataErrors`.
    public init(dimensions: [Dimension], indicators: [Indicator], groups: [Group] = []) {
        let codes = dimensions.map(\.code) + indicators.map(\.id) + groups.map(\.code)
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
        let groupCodes = Set(groups.map(\.code))
        for dimension in dimensions {
            precondition(groups.isEmpty ? dimension.parent == nil : dimension.parent.map(groupCodes.contains) == true,
                         "Framework: dimension \(dimension.code) has parent \(dimension.parent ?? "none")")
        }
        for group in groups {
            precondition(group.level >= 1 && group.weight.isFinite && group.weight >= 0, "Framework: group \(group.code)")
            if let parent = group.parent {
                precondition(groups.contains { $0.code == parent && $0.level == group.level + 1 },
                             "Framework: group \(group.code) has parent \(parent) that is not one level up")
            }
            precondition(group.level == 1 ? dimensions.contains { $0.parent == group.code }
                         : groups.contains { $0.parent == group.code }, "Framework: group \(group.code) has no members")
        }
        self.dimensions = dimensions
        self.indicators = indicators
        self.groups = groups
    }

    /// The StressTest framework shipped as `Data/framework.csv`: six key dimensions, 21 indicators.
    /// The file is part of the program, so a failure to load it is a programmer error.
    public static let stressTest: Framework = ShippedData.required("framework.csv") { try load(path: $0) }

    /// The StressTest framework with German names (`framework.de.csv`): the same codes, weights
    /// and scales as `stressTest`, for German reports.
    public static let stressTestGerman: Framework = ShippedData.required("framework.de.csv") { try load(path: $0) }


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
    public static func load(path: String, aggregates: String? = nil) throws(DataErrors) -> Framework {
        let table = try CSVReader.read(path: path)
        if table.column(named: "IndCode") != nil {
            return try parseCOINr(table, aggregates: try aggregates.map { path throws(DataErrors) in try CSVReader.read(path: path) })
        }
        if let aggregates {
            throw DataErrors([DataIssue(file: aggregates, message: "is an aggregate table, which only COINr metadata (IndCode, Agg1, ...) uses",
                                        allowed: "groups as rows of the framework file itself (level pillar, index, ...)")])
        }
        return try parse(table)
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
            var direction: Double
            var target: Double?
        }
        var errors = DataErrors()
        var dimensionRows = [Row]()
        var indicatorRows = [Row]()
        var groupRows = [Row]()
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

            var direction = 1.0, target: Double?
            if let column = table.column(named: "direction"), level == "indicator" {
                let text = cell(column)
                if let d = Double(text), d == 1 || d == -1 { direction = d } else if !text.isEmpty {
                    errors.append(table.issue(row: index, column: column, value: text, "is not a direction", allowed: "1 (more is better) or -1 (less is better)"))
                }
            }
            if let column = table.column(named: "target"), level == "indicator" {
                let text = cell(column)
                if let t = Double(text), t.isFinite { target = t } else if !text.isEmpty {
                    errors.append(table.issue(row: index, column: column, value: text, "is not a target", allowed: "a number, or an empty cell"))
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
                          determinant: determinantColumn.map(cell) ?? "", scale: scale, direction: direction, target: target)
            switch level {
            case "dimension": dimensionRows.append(row)
            case "indicator": indicatorRows.append(row)
            case "": break
            default: groupRows.append(row)
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
        // Groups above the dimensions: their level is their distance from the dimensions.
        var groupLevel = [String: Int]()
        let groupCodes = groupRows.map(\.code)
        let groupList = groupCodes.isEmpty ? "no group rows" : groupCodes.joined(separator: ", ")
        if !groupRows.isEmpty {
            for row in dimensionRows where !groupCodes.contains(row.parent) {
                var message = row.parent.isEmpty ? "has no parent, but this framework has groups above its dimensions"
                    : "is not a group of this framework"
                if !row.parent.isEmpty, let suggestion = NameSuggestion.nearest(to: row.parent, among: groupCodes) {
                    message += "; did you mean \(suggestion)?"
                }
                errors.append(table.issue(row: row.index, column: parentColumn, value: row.parent.isEmpty ? nil : row.parent, message,
                                          allowed: "the code of a group one level up: \(groupList)"))
            }
            var members = [String: [String]]()
            for row in dimensionRows + groupRows where !row.parent.isEmpty { members[row.parent, default: []].append(row.code) }
            let dimensionSet = Set(dimensionCodes)
            func level(of code: String, depth: Int) -> Int? {
                guard depth <= groupRows.count, let children = members[code], !children.isEmpty else { return nil }
                let levels = children.map { dimensionSet.contains($0) ? 0 : level(of: $0, depth: depth + 1) }
                guard let first = levels.first, let l = first, levels.allSatisfy({ $0 == l }) else { return nil }
                return l + 1
            }
            for row in groupRows {
                if let l = level(of: row.code, depth: 0) {
                    groupLevel[row.code] = l
                } else {
                    errors.append(table.issue(row: row.index, column: codeColumn, value: row.code,
                                              members[row.code] == nil
                                                ? "is a group without members (its level is \"\(row.level)\"; levels are indicator, dimension, and any name for a group above the dimensions)"
                                                : "is a group whose members are not all on one level (or form a cycle)",
                                              allowed: "a group whose members (rows with it as parent) are all dimensions, or all groups of one level"))
                }
            }
            for row in groupRows where !row.parent.isEmpty {
                if !groupCodes.contains(row.parent) {
                    errors.append(table.issue(row: row.index, column: parentColumn, value: row.parent, "is not a group of this framework",
                                              allowed: "a group code: \(groupList)"))
                } else if let l = groupLevel[row.code], let p = groupLevel[row.parent], p != l + 1 {
                    errors.append(table.issue(row: row.index, column: parentColumn, value: row.parent, "is not one level above \(row.code)",
                                              allowed: "a group whose members are on the level of \(row.code)"))
                }
            }
            let top = groupLevel.values.max() ?? 0
            for row in groupRows where row.parent.isEmpty && groupLevel[row.code].map({ $0 < top }) == true {
                errors.append(table.issue(row: row.index, column: parentColumn, value: nil, "has no parent, but groups of a higher level exist",
                                          allowed: "the code of a group one level up"))
            }
        } else {
            for row in dimensionRows where !row.parent.isEmpty {
                errors.append(table.issue(row: row.index, column: parentColumn, value: row.parent,
                                          "is the parent of a dimension, but the framework has no group rows",
                                          allowed: "an empty cell, or a row for the group (level pillar, index, ...)"))
            }
        }
        try errors.throwIfAny()

        return Framework(
            dimensions: dimensionRows.map { Dimension(code: $0.code, name: $0.name, weight: $0.weight, parent: $0.parent.isEmpty ? nil : $0.parent) },
            indicators: indicatorRows.map {
                Indicator(id: $0.code, name: $0.name, dimension: $0.parent, determinant: $0.determinant, weight: $0.weight,
                          scale: $0.scale, direction: $0.direction, target: $0.target)
            },
            groups: groupRows.map { Group(code: $0.code, name: $0.name, level: groupLevel[$0.code]!, weight: $0.weight,
                                          parent: $0.parent.isEmpty ? nil : $0.parent) })
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
