import Charts
import Stats

/// How values read: in the REPL and `run` output (`Format.display`, through the presentation
/// model of `Charts`) and as JSON (`Format.json`). Numbers follow `NumberFormat`, the toolkit's
/// one number policy.
public enum Format {
    /// A number for reading: integers without a decimal point, others to 10 significant digits,
    /// NaN as `missing`, infinities as `inf` and `-inf` (`NumberFormat.reading`).
    public static func number(_ x: Double) -> String { NumberFormat.standard.reading(x) }

    /// The value as the REPL prints it, drawn for a terminal of `width` columns.
    public static func display(_ value: Value, width: Int = 80, colour: Bool = false) -> String {
        TerminalRenderer(width: width, colour: colour).render(value.presentation)
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
            .text("[" + rows.map(Format.inline).joined(separator: ",\n ") + "]")
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
