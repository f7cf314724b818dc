import Glibc
/// Building and reshaping vectors.
extension Library {
    static let vectors: [Builtin] = [
        Builtin(
            name: "length",
            parameters: [.init(name: "x")],
            help: "The number of elements of a vector, missing ones included; the number of rows of a table; the number of fields of a record; 1 for a single value."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            switch args.value("x")! {
            case .vector(let xs): .number(Double(xs.count))
            case .named(let v): .number(Double(v.values.count))
            case .table(let t): .number(Double(t.rowCount))
            case .list(let values): .number(Double(values.count))
            case .record(let r): .number(Double(r.fields.count))
            default: .number(1)
            }
        },
        Builtin(
            name: "sort",
            parameters: [.init(name: "x"), .init(name: "descending", defaultValue: "false")],
            help: "x sorted, ascending unless descending: true. Numbers (named ones keep their names) or strings. Missing values are kept, at the end."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let descending = try args.bool("descending", default: false)
            switch args.value("x")! {
            case .vector(let xs):
                let present = xs.filter { !$0.isNaN }.sorted(by: descending ? (>) : (<))
                return .vector(present + xs.filter(\.isNaN))
            case .named(let v):
                let order = v.values.indices.filter { !v.values[$0].isNaN }.sorted { a, b in
                    v.values[a] != v.values[b] ? (descending ? v.values[a] > v.values[b] : v.values[a] < v.values[b]) : a < b
                } + v.values.indices.filter { v.values[$0].isNaN }
                return .named(NamedVector(names: order.map { v.names[$0] }, values: order.map { v.values[$0] }))
            case .list(let values):
                var strings = [String]()
                for value in values {
                    guard case .string(let s) = value else {
                        throw args.error("x", "sort needs numbers or strings, not a vector holding \(value.kind)")
                    }
                    strings.append(s)
                }
                return .list(strings.sorted(by: descending ? (>) : (<)).map(Value.string))
            case .number(let x): return .vector([x])
            case let other: throw args.error("x", "sort needs a vector, not \(other.kind)")
            }
        },
        Builtin(
            name: "seq",
            parameters: [.init(name: "from"), .init(name: "to"), .init(name: "by", defaultValue: "1 or -1")],
            help: "The numbers from, from + by, from + 2 by, ... up to to (R's seq): seq(1, 10) is 1..10, seq(0, 1, by: 0.25) is 0, 0.25, 0.5, 0.75, 1. by defaults to 1, or -1 when to < from."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let from = try args.number("from"), to = try args.number("to")
            let by = try args.number("by", default: to >= from ? 1 : -1)
            guard from.isFinite, to.isFinite, by.isFinite else {
                throw args.error(from.isFinite ? (to.isFinite ? "by" : "to") : "from", "seq needs finite numbers")
            }
            if from == to { return .vector([from]) }
            guard by != 0, (to - from) / by > 0 else {
                throw args.error("by", "by = \(Format.number(by)) does not lead from \(Format.number(from)) to \(Format.number(to))",
                                 help: to > from ? "use a positive step" : "use a negative step")
            }
            // R's seq.default: n = floor((to - from) / by + 1e-10), values from + i * by.
            let steps = ((to - from) / by + 1e-10).rounded(.down)
            guard steps < 1e8 else {
                throw args.error("by", "seq would make \(Format.number(steps + 1)) numbers; the limit is 100,000,000")
            }
            return .vector((0...Int(steps)).map { from + Double($0) * by })
        },
        elementwise("abs", "The absolute value of each element (a number, a vector, a named vector keeps its names).", Swift.abs),
        elementwise("sqrt", "The square root of each element; missing for a negative one.", { $0.squareRoot() }),
        elementwise("log", "The natural logarithm of each element; missing for 0 or a negative one.", { $0 > 0 ? Glibc.log($0) : .nan }),
        elementwise("exp", "e to the power of each element.", { Glibc.exp($0) }),
    ]
}

extension Library {
    /// A function applied to every element of a number, a vector or a named vector.
    static func elementwise(_ name: String, _ help: String, _ f: @escaping @Sendable (Double) -> Double) -> Builtin {
        Builtin(name: name, parameters: [.init(name: "x")], help: help) { (args: inout Arguments) throws(ScriptError) -> Value in
            switch args.value("x")! {
            case .number(let x): return .number(x.isNaN ? x : f(x))
            case .vector(let xs): return .vector(xs.map { $0.isNaN ? $0 : f($0) })
            case .named(let v): return .named(NamedVector(names: v.names, values: v.values.map { $0.isNaN ? $0 : f($0) }))
            case let other: throw args.error("x", "\(name) needs numbers, not \(other.kind)")
            }
        }
    }
}
