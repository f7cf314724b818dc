import Foundation

/// How values read: in the REPL and `run` output (`Format.display`) and as JSON (`Format.json`).
public enum Format {
    /// A number for reading: integers without a decimal point, others to 10 significant digits,
    /// NaN as `missing`, infinities as `inf` and `-inf`.
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "missing" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        var text = String(format: "%.10g", x)
        if text.contains("e") {
            let parts = text.split(separator: "e")
            var mantissa = String(parts[0])
            if mantissa.contains(".") {
                while mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
            }
            text = mantissa + "e" + parts[1]
        }
        return text
    }

    /// The value as the REPL prints it.
    public static func display(_ value: Value) -> String {
        switch value {
        case .record(let record): return displayRecord(record, indent: "")
        case .text(let text): return text
        case .table(let table): return displayTable(table)
        case .named(let vector):
            return displayTable(Table([("name", vector.names.map(Value.string)), ("value", vector.values.map(Value.number))]),
                                header: false)
        case .object(let object): return object.display
        case .list(let rows) where rows.allSatisfy({ if case .vector = $0 { true } else { false } }) && !rows.isEmpty:
            return "[" + rows.map(inline).joined(separator: ",\n ") + "]"
        default: return inline(value)
        }
    }

    /// The value on one line.
    static func inline(_ value: Value) -> String {
        switch value {
        case .number(let x): number(x)
        case .string(let s): quoted(s)
        case .bool(let b): b ? "true" : "false"
        case .vector(let xs): "[" + xs.map(number).joined(separator: ", ") + "]"
        case .list(let values): "[" + values.map(inline).joined(separator: ", ") + "]"
        case .record(let r): "{" + r.fields.map { "\($0.name): \(inline($0.value))" }.joined(separator: ", ") + "}"
        case .text(let t): quoted(t)
        case .function(let f): "<function \(f.signature)>"
        case .named(let v): "{" + zip(v.names, v.values).map { "\($0): \(number($1))" }.joined(separator: ", ") + "}"
        case .table(let t): "<table of \(t.rowCount) rows: \(t.columns.map(\.name).joined(separator: ", "))>"
        case .object(let o): "<\(o.kind)>"
        }
    }

    private static func displayRecord(_ record: Record, indent: String) -> String {
        var lines = [String]()
        if let title = record.title { lines.append(indent + title) }
        let width = record.fields.map(\.name.count).max() ?? 0
        let fieldIndent = record.title == nil ? indent : indent + "  "
        for (name, value) in record.fields {
            let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
            if case .record(let inner) = value {
                lines.append(fieldIndent + name)
                lines.append(displayRecord(inner, indent: fieldIndent + "  "))
            } else {
                lines.append("\(fieldIndent)\(padded)  \(inline(value))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A table with aligned columns: text left, numbers right, missing as `missing`, the title
    /// above. A numeric column with fractions shows every value with the same number of decimals:
    /// 2, or 4 when all its values are below 0.1 in magnitude.
    public static func displayTable(_ table: Table, header: Bool = true) -> String {
        let cells = table.columns.map { column in
            let numbers = column.values.compactMap { if case .number(let x) = $0, x.isFinite { x } else { nil } }
            let decimals = numbers.allSatisfy { $0 == $0.rounded() } ? 0 : numbers.allSatisfy { abs($0) < 0.1 } ? 4 : 2
            return column.values.map { value -> String in
                if case .number(let x) = value, x.isFinite { return String(format: "%.\(decimals)f", x) }
                if case .string(let s) = value { return s }
                return inline(value)
            }
        }
        let numeric = table.columns.map { column in column.values.allSatisfy { if case .number = $0 { true } else { false } } }
        let widths = table.columns.indices.map { j in
            max(header ? table.columns[j].name.count : 0, cells[j].map(\.count).max() ?? 0)
        }
        func line(_ texts: [String]) -> String {
            texts.indices.map { j in
                let pad = String(repeating: " ", count: widths[j] - texts[j].count)
                return numeric[j] ? pad + texts[j] : texts[j] + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var lines = [String]()
        if let title = table.title { lines.append(title) }
        if header { lines.append(line(table.columns.map(\.name))) }
        for row in 0..<table.rowCount { lines.append(line(cells.map { $0[row] })) }
        return lines.joined(separator: "\n")
    }

    private static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }

    /// The value as JSON: numbers in their shortest round-trip form (integers without `.0`),
    /// missing as `null`, infinities as the strings `"inf"` and `"-inf"` (JSON has no infinity),
    /// vectors as arrays, records as objects with their fields in order, functions as their
    /// signature string.
    public static func json(_ value: Value) -> String {
        switch value {
        case .number(let x): jsonNumber(x)
        case .string(let s), .text(let s): jsonString(s)
        case .bool(let b): b ? "true" : "false"
        case .vector(let xs): "[" + xs.map(jsonNumber).joined(separator: ",") + "]"
        case .list(let values): "[" + values.map(json).joined(separator: ",") + "]"
        case .record(let r): "{" + r.fields.map { jsonString($0.name) + ":" + json($0.value) }.joined(separator: ",") + "}"
        case .function(let f): jsonString(f.signature)
        case .named(let v): "{" + zip(v.names, v.values).map { jsonString($0) + ":" + jsonNumber($1) }.joined(separator: ",") + "}"
        case .table(let t):
            "[" + (0..<t.rowCount).map { row in
                "{" + t.columns.map { jsonString($0.name) + ":" + json($0.values[row]) }.joined(separator: ",") + "}"
            }.joined(separator: ",") + "]"
        case .object(let o): o.json
        }
    }

    static func jsonNumber(_ x: Double) -> String {
        if x.isNaN { return "null" }
        if x.isInfinite { return x < 0 ? "\"-inf\"" : "\"inf\"" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
