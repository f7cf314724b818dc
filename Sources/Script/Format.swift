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
