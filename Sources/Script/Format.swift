import Charts
import Stats

/// How values read: in the REPL and `run` output (`Format.display`, through the presentation
/// model of `Charts`) and as JSON (`Format.json`). Numbers follow `NumberFormat`, the toolkit's
/// one number policy.
public enum Format {
    /// A number for reading: integers without a decimal point, others to 10 significant digits,
    /// NaN as `missing`, infinities as `inf` and `-inf` (`NumberFormat.reading`).
    public static func number(_ x: Double) -> String { NumberFormat.standard.reading(x) }

    /// The value as the REPL prints it, drawn for a terminal of `width` columns. With
    /// `maxLines`, what does not fit that many lines is left out with a note (tables keep their
    /// first and last rows, vectors their first and last elements); nil shows everything.
    public static func display(_ value: Value, width: Int = 80, colour: Bool = false, maxLines: Int? = nil) -> String {
        let hint = "print(x, all: true) shows all"
        switch value {
        case .vector, .list:
            if let maxLines, let elements = value.elements, inline(value).count > max(8, maxLines - 1) * width {
                return elided(elements, budget: max(8, maxLines - 1) * width, hint: hint)
            }
        default: break
        }
        return TerminalRenderer(width: width, colour: colour, maxLines: maxLines, omissionHint: hint).render(value.presentation)
    }

    /// A long vector as its first and last elements around `…`, within `budget` characters, and a note.
    private static func elided(_ elements: [Value], budget: Int, hint: String) -> String {
        var head = [String](), tail = [String](), used = 0
        var low = 0, high = elements.count - 1
        while low <= high {
            let next = low <= elements.count - 1 - high ? inline(elements[low]) : inline(elements[high])
            guard used + next.count + 2 <= budget - 8 else { break }
            used += next.count + 2
            if low <= elements.count - 1 - high { head.append(next); low += 1 } else { tail.insert(next, at: 0); high -= 1 }
        }
        let hidden = elements.count - head.count - tail.count
        return "[" + (head + ["…"] + tail).joined(separator: ", ") + "]\n… \(hidden) of \(elements.count) elements not shown; \(hint)"
    }

    /// The value on one line, as prose shows it: Markdown text as its text, numbers as
    /// `numbers` writes them (a decimal comma in a German notebook).
    public static func inlineText(_ value: Value, numbers: NumberFormat = .standard) -> String {
        if case .object(let markdown as MarkdownObject) = value { return markdown.text }
        return inline(value, numbers: numbers)
    }

    /// The value on one line.
    static func inline(_ value: Value, numbers: NumberFormat = .standard) -> String {
        func inline(_ value: Value) -> String { Format.inline(value, numbers: numbers) }
        let number = numbers.reading
        return switch value {
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
        case .nothing: "nothing"
        }
    }

    private static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }

    /// The value as JSON (`JSONText`): numbers in their shortest round-trip form (integers
    /// without `.0`), missing as `null`, infinities as the strings `"inf"` and `"-inf"`, vectors
    /// as arrays, records as objects with their fields in order, tables as arrays of row
    /// objects, functions as their signature string.
    public static func json(_ value: Value) -> String {
        JSONText.encode(value.datum)
    }
}

extension Value {
    /// The value as data, for JSON.
    var datum: Datum {
        switch self {
        case .number(let x): .number(x)
        case .string(let s), .text(let s): .text(s)
        case .bool(let b): .bool(b)
        case .vector(let xs): .numbers(xs)
        case .list(let values): .list(values.map(\.datum))
        case .record(let r): .record(r.fields.map { Datum.Field($0.name, $0.value.datum) })
        case .function(let f): .text(f.signature)
        case .named(let v): .record(zip(v.names, v.values).map { Datum.Field($0, .number($1)) })
        case .table(let t):
            .list((0..<t.rowCount).map { row in .record(t.columns.map { Datum.Field($0.name, $0.values[row].datum) }) })
        case .object(let o): o.datum
        case .nothing: .missing
        }
    }

    /// What the REPL, notebooks and reports show for the value.
    public var presentation: Block {
        switch self {
        case .record(let record): .fields(record.presentation)
        case .text(let text): .text(text)
        case .table(let table): .table(table.presentation)
        case .named(let vector):
            .table(DataTable([.init("name", vector.names.map(DataTable.Cell.text)), .init("value", vector.values.map(DataTable.Cell.number))],
                             showsHeader: false))
        case .object(let object): object.presentation
        case .list(let rows) where !rows.isEmpty && rows.allSatisfy({ if case .vector = $0 { true } else { false } }):
            .text("[" + rows.map { Format.inline($0) }.joined(separator: ",\n ") + "]")
        default: .text(Format.inline(self))
        }
    }
}

extension Table {
    /// The table for display: numbers stay numbers (aligned with the column's decimals),
    /// strings as they are, any other value on one line.
    var presentation: DataTable {
        DataTable(title: title, columns.map { column in
            DataTable.Column(column.name, column.values.map { value in
                switch value {
                case .number(let x): .number(x)
                case .string(let s): .text(s)
                default: .text(Format.inline(value))
                }
            })
        })
    }
}

extension Record {
    /// The record for display: each field on one line, nested records indented.
    var presentation: FieldList {
        FieldList(title: title, fields.map { field in
            if case .record(let inner) = field.value { return (field.name, .nested(inner.presentation)) }
            return (field.name, .text(Format.inline(field.value)))
        })
    }
}
