import StressTest
/// `x[i]` and `x.name`. Positions count from 1, as in R and spreadsheets. An index may be a
/// number, a vector of numbers (a selection, in that order) or a vector of booleans as long as
/// `x` (the elements where it is true). Records index by field name: `r["q1"]` or `r.q1`.
enum Indexing {
    static func element(of base: Value, _ baseRange: SourceRange, at index: Value, _ indexRange: SourceRange,
                        _ range: SourceRange) throws(ScriptError) -> Value {
        if case .record(let record) = base {
            guard case .string(let name) = index else {
                throw ScriptError("a record is indexed by a field name, not \(index.kind)", at: indexRange,
                                  help: "fields: " + record.fields.map(\.name).joined(separator: ", "))
            }
            return try field(name, of: base, indexRange)
        }
        if case .table(let table) = base {
            return try tableElement(table, at: index, indexRange)
        }
        if case .object = base, case .string(let name) = index {
            return try field(name, of: base, indexRange)
        }
        if case .named(let vector) = base, case .string(let name) = index {
            guard let i = vector.names.firstIndex(of: name) ?? vector.names.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                throw ScriptError("no element is named \"\(name)\"", at: indexRange,
                                  help: NameSuggestion.help(for: name, among: vector.names))
            }
            return .number(vector.values[i])
        }
        if case .named(let vector) = base, case .vector(let positions) = index {
            var names = [String](), values = [Double]()
            for i in positions {
                let p = try position(i, count: vector.values.count, indexRange)
                names.append(vector.names[p])
                values.append(vector.values[p])
            }
            return .named(NamedVector(names: names, values: values))
        }
        guard let elements = base.elements else {
            throw ScriptError("\(base.kind) cannot be indexed", at: baseRange)
        }
        switch index {
        case .number(let i):
            return elements[try position(i, count: elements.count, indexRange)]
        case .vector(let positions):
            var selected = [Value]()
            for i in positions { selected.append(elements[try position(i, count: elements.count, indexRange)]) }
            return .vector(of: selected)
        case .list(let mask) where mask.allSatisfy({ if case .bool = $0 { true } else { false } }):
            guard mask.count == elements.count else {
                throw ScriptError("a mask must be as long as the vector (\(elements.count)), not \(mask.count)", at: indexRange)
            }
            let selected = zip(elements, mask).compactMap { element, keep -> Value? in
                if case .bool(true) = keep { element } else { nil }
            }
            return .vector(of: selected)
        case .list:
            throw ScriptError("a mask must be all true or false; a missing comparison cannot select", at: indexRange,
                              help: "compare values that are present, or remove missing values first")
        default:
            throw ScriptError("an index must be a number, numbers or a true/false mask, not \(index.kind)", at: indexRange)
        }
    }

    /// `t[i]` is row i as a record, `t["name"]` a column.
    private static func tableElement(_ table: Table, at index: Value, _ range: SourceRange) throws(ScriptError) -> Value {
        switch index {
        case .number(let i):
            let row = try position(i, count: table.rowCount, range)
            return .record(Record(table.columns.map { ($0.name, $0.values[row]) }))
        case .string(let name):
            return try column(name, of: table, range)
        default:
            throw ScriptError("a table is indexed by a row number or a column name, not \(index.kind)", at: range)
        }
    }

    private static func column(_ name: String, of table: Table, _ range: SourceRange) throws(ScriptError) -> Value {
        guard let column = table.columns.first(where: { $0.name == name }) else {
            let names = table.columns.map(\.name)
            throw ScriptError("the table has no column `\(name)`", at: range,
                              help: NameSuggestion.help(for: name, among: names) ?? "columns: " + names.joined(separator: ", "))
        }
        return .vector(of: column.values)
    }

    private static func position(_ i: Double, count: Int, _ range: SourceRange) throws(ScriptError) -> Int {
        guard i == i.rounded(), i >= 1, i <= Double(count) else {
            let what = i.isNaN ? "missing" : Format.number(i)
            throw ScriptError("index \(what) is out of range: the vector has \(count) element\(count == 1 ? "" : "s")", at: range,
                              help: count == 0 ? "the vector is empty" : "positions count from 1 to \(count)")
        }
        return Int(i) - 1
    }

    static func field(_ name: String, of base: Value, _ range: SourceRange) throws(ScriptError) -> Value {
        if case .table(let table) = base { return try column(name, of: table, range) }
        if case .object(let object) = base {
            if let value = object.field(name) { return value }
            throw ScriptError("\(object.kind) has no field `\(name)`", at: range,
                              help: NameSuggestion.help(for: name, among: object.fieldNames)
                                  ?? "fields: " + object.fieldNames.prefix(12).joined(separator: ", "))
        }
        guard case .record(let record) = base else {
            throw ScriptError("\(base.kind) has no fields", at: range)
        }
        if let value = record[name] { return value }
        let names = record.fields.map(\.name)
        throw ScriptError("the record has no field `\(name)`", at: range,
                          help: NameSuggestion.help(for: name, among: names) ?? "fields: " + names.joined(separator: ", "))
    }
}
