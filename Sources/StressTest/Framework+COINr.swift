import Foundation

extension Framework {
    /// Reads COINr's metadata: an indicator table (`iMeta`'s wide form, as `asem_indmeta.csv`:
    /// `IndCode`, `IndName`, `Direction`, `IndWeight`, optional `Target`, and `Agg1`, `Agg2`, ...
    /// naming each indicator's parent on every aggregation level) and optionally an aggregate table
    /// (`AgLevel`, `Code`, `Name`, `Weight`; `AgLevel` 2 is `Agg1`). `Agg1` groups become the
    /// dimensions, higher ones the groups. Without the aggregate table, names are the codes and
    /// weights 1. Other columns (`Denominator`, `IndUnit`, ...) are ignored. All problems of both
    /// files are reported together.
    public static func parseCOINr(_ table: CSVTable, aggregates: CSVTable? = nil) throws(DataErrors) -> Framework {
        let columns = try table.requireColumns(["IndCode", "IndName"], of: "COINr indicator metadata",
                                               allowed: "COINr's columns IndCode, IndName, Direction, IndWeight, Agg1, Agg2, ...")
        let codeColumn = columns["IndCode"]!, nameColumn = columns["IndName"]!
        let directionColumn = table.column(named: "Direction"), weightColumn = table.column(named: "IndWeight")
        let targetColumn = table.column(named: "Target")
        var aggColumns = [Int]()
        while let column = table.column(named: "Agg\(aggColumns.count + 1)") { aggColumns.append(column) }
        var errors = DataErrors()
        guard !aggColumns.isEmpty else {
            throw DataErrors([DataIssue(file: table.file, row: 1, message: "has no Agg1 column",
                                        allowed: "Agg1, Agg2, ...: the parent of each indicator on every aggregation level")])
        }

        // Names and weights of the aggregates.
        var aggregateInfo = [String: (name: String, weight: Double, level: Int)]()
        if let aggregates {
            let a = try aggregates.requireColumns(["AgLevel", "Code"], of: "COINr aggregate metadata",
                                                   allowed: "COINr's columns AgLevel, Code, Name, Weight")
            let nameColumn = aggregates.column(named: "Name"), weightColumn = aggregates.column(named: "Weight")
            for (index, cells) in aggregates.rows.enumerated() {
                let code = cells[a["Code"]!].trimmingCharacters(in: .whitespaces)
                let levelText = cells[a["AgLevel"]!].trimmingCharacters(in: .whitespaces)
                guard let level = Double(levelText), level == level.rounded(), level >= 2 else {
                    errors.append(aggregates.issue(row: index, column: a["AgLevel"], value: levelText, "is not an aggregation level",
                                                   allowed: "a whole number from 2 (the level above the indicators)"))
                    continue
                }
                var weight = 1.0
                if let weightColumn {
                    let text = cells[weightColumn].trimmingCharacters(in: .whitespaces)
                    if let w = Double(text), w.isFinite, w >= 0 { weight = w } else if !text.isEmpty {
                        errors.append(aggregates.issue(row: index, column: weightColumn, value: text, "is not a weight", allowed: "a finite number >= 0"))
                    }
                }
                let name = nameColumn.map { cells[$0].trimmingCharacters(in: .whitespaces) } ?? ""
                aggregateInfo[code] = (name.isEmpty ? code : name, weight, Int(level))
            }
        }

        var indicators = [Indicator]()
        var parentOf = [[String: String]](repeating: [:], count: aggColumns.count)  // level k: code -> parent
        var order = [[String]](repeating: [], count: aggColumns.count)
        for (index, cells) in table.rows.enumerated() {
            func cell(_ c: Int) -> String { cells[c].trimmingCharacters(in: .whitespaces) }
            let code = cell(codeColumn)
            guard !code.isEmpty else {
                errors.append(table.issue(row: index, column: codeColumn, value: nil, "has no indicator code"))
                continue
            }
            var direction = 1.0, weight = 1.0, target: Double?
            if let c = directionColumn {
                if let d = Double(cell(c)), d == 1 || d == -1 { direction = d } else {
                    errors.append(table.issue(row: index, column: c, value: cell(c), "is not a direction", allowed: "1 or -1"))
                }
            }
            if let c = weightColumn {
                if let w = Double(cell(c)), w.isFinite, w >= 0 { weight = w } else {
                    errors.append(table.issue(row: index, column: c, value: cell(c), "is not a weight", allowed: "a finite number >= 0"))
                }
            }
            if let c = targetColumn, !cell(c).isEmpty {
                if let t = Double(cell(c)), t.isFinite { target = t } else {
                    errors.append(table.issue(row: index, column: c, value: cell(c), "is not a target", allowed: "a number or an empty cell"))
                }
            }
            let parents = aggColumns.map(cell)
            if let missing = parents.firstIndex(where: \.isEmpty) {
                errors.append(table.issue(row: index, column: aggColumns[missing], value: nil, "has no parent on level Agg\(missing + 1)",
                                          allowed: "the code of the indicator's aggregate on every level"))
                continue
            }
            for k in parents.indices {
                let child = k == 0 ? nil : parents[k - 1]
                if let child {
                    if let known = parentOf[k - 1][child], known != parents[k] {
                        errors.append(table.issue(row: index, column: aggColumns[k], value: parents[k],
                                                  "gives \(child) a second parent (\(known) elsewhere)", allowed: "one parent per aggregate"))
                    }
                    parentOf[k - 1][child] = parents[k]
                }
                if !order[k].contains(parents[k]) { order[k].append(parents[k]) }
            }
            let name = cell(nameColumn)
            indicators.append(Indicator(id: code, name: name.isEmpty ? code : name, dimension: parents[0], weight: weight,
                                        direction: direction, target: target))
        }
        if aggregates != nil {
            for (k, codes) in order.enumerated() {
                for code in codes where aggregateInfo[code] == nil {
                    errors.append(DataIssue(file: aggregates!.file, message: "has no row for the aggregate \(code) (level \(k + 2))",
                                            allowed: "one row per aggregate: AgLevel, Code, Name, Weight"))
                }
            }
        }
        let codes = indicators.map(\.id) + order.flatMap { $0 }
        if Set(codes).count != codes.count {
            errors.append(DataIssue(file: table.file, message: "uses a code twice (indicators and aggregates need distinct codes)"))
        }
        if indicators.isEmpty && errors.isEmpty { errors.append(DataIssue(file: table.file, message: "lists no indicators")) }
        try errors.throwIfAny()

        func info(_ code: String) -> (name: String, weight: Double) {
            aggregateInfo[code].map { ($0.name, $0.weight) } ?? (code, 1)
        }
        let dimensions = order[0].map { code in
            Dimension(code: code, name: info(code).name, weight: info(code).weight, parent: aggColumns.count > 1 ? parentOf[0][code] : nil)
        }
        var groups = [Group]()
        for k in 1..<max(1, order.count) {
            for code in order[k] {
                groups.append(Group(code: code, name: info(code).name, level: k, weight: info(code).weight,
                                    parent: k + 1 < order.count ? parentOf[k][code] : nil))
            }
        }
        return Framework(dimensions: dimensions, indicators: indicators, groups: groups)
    }
}
