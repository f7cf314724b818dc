import Stats

/// JSON as the toolkit writes it: numbers in their shortest round-trip form (whole numbers
/// without `.0`, `NumberFormat.exact`), missing (NaN) as `null`, infinities as the strings
/// `"inf"` and `"-inf"` (JSON has no infinity), records as objects with their fields in order,
/// strings escaped as RFC 8259 asks (quote, backslash and control characters).
public enum JSONText {
    public static func encode(_ datum: Datum) -> String {
        var out = ""
        write(datum, to: &out)
        return out
    }

    static func write(_ datum: Datum, to out: inout String) {
        switch datum {
        case .number(let x): out += number(x)
        case .text(let s): out += string(s)
        case .bool(let b): out += b ? "true" : "false"
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .record(let fields):
            out += "{"
            for (i, field) in fields.enumerated() {
                if i > 0 { out += "," }
                out += string(field.name) + ":"
                write(field.value, to: &out)
            }
            out += "}"
        }
    }

    /// A number: `null` for NaN, `"inf"`/`"-inf"`, else `NumberFormat.exact`.
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "null" }
        if x.isInfinite { return x < 0 ? "\"-inf\"" : "\"inf\"" }
        return NumberFormat.exact(x)
    }

    /// A string literal with quote, backslash and control characters escaped.
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
