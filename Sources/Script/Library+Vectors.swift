import Glibc
import Stats
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
            parameters: [.init(name: "x"), .init(name: "by", defaultValue: "none"), .init(name: "descending", defaultValue: "false")],
            help: "x sorted, ascending unless descending: true. Numbers (named ones keep their names) or strings (by Unicode code points, as R's sort in the C locale); missing values are kept, at the end. A table (or a result that reads as one, such as u or peers) sorts its rows by the column by, or by a vector of columns (the first decides, ties go to the next): sort(t, by: \"I02\", descending: true), sort(t, by: [\"country\", \"I02\"], descending: [false, true]). The sort is stable (tied rows keep their order), missing values come last in either direction (as R's order with na.last = TRUE), numbers compare by value, strings by Unicode code points (R's sort in the C locale), false before true; a column mixing numbers and strings is an error."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            if isTabular(args.value("x")!) { return .table(try sortedTable(args)) }
            if args.has("by") { throw args.error("by", "by: sorts the rows of a table; a vector sorts by its values") }
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
                var strings = [String](), missing = 0
                for value in values {
                    if case .number(let x) = value, x.isNaN { missing += 1; continue }
                    guard case .string(let s) = value else {
                        throw args.error("x", "sort needs numbers or strings, not a vector holding \(value.kind)")
                    }
                    strings.append(s)
                }
                let sorted = strings.sorted { a, b in descending ? TableKey.less(.string(b), .string(a)) : TableKey.less(.string(a), .string(b)) }
                return .list(sorted.map(Value.string) + Array(repeating: Value.missing, count: missing))
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
        elementwise("sqrt", "The square root of each element. A negative element is an error naming it (its root is not a number, and missing means absent data); missing stays missing.",
                    undefined: "a negative number", { $0.squareRoot() }),
        elementwise("log", "The natural logarithm of each element: log(0) is -inf (as R and numpy); a negative element is an error naming it (its logarithm is not a number, and missing means absent data); missing stays missing.",
                    undefined: "a negative number", { Glibc.log($0) }),
        elementwise("exp", "e to the power of each element.", { Glibc.exp($0) }),
        Builtin(
            name: "round",
            parameters: [.init(name: "x"), .init(name: "digits", defaultValue: "0")],
            help: "Each element rounded to digits decimals (negative: to tens, hundreds, ...), a half to the even neighbour as R's round and numpy's around do: round(2.5) is 2, round(0.125, digits: 2) is 0.12. A named vector keeps its names; missing stays missing."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let digits = try args.integer("digits", default: 0, in: -15...15)
            let scale = Glibc.pow(10, Double(digits))
            @Sendable func rounded(_ x: Double) -> Double { x.isFinite ? (x * scale).rounded(.toNearestOrEven) / scale : x }
            switch args.value("x")! {
            case .number(let x): return .number(rounded(x))
            case .vector(let xs): return .vector(xs.map(rounded))
            case .named(let v): return .named(NamedVector(names: v.names, values: v.values.map(rounded)))
            case let other: throw args.error("x", "round needs numbers, not \(other.kind)")
            }
        },
        Builtin(
            name: "format",
            parameters: [.init(name: "x"), .init(name: "digits", defaultValue: "2")],
            help: "Numbers as text with exactly digits decimals (0 to 15), for prose and labels: format(1.8) is \"1.80\", format(2.345, digits: 1) is \"2.3\" (rounded as printf rounds the number stored); missing gives \"missing\", infinities \"inf\" and \"-inf\". A vector gives a vector of strings. In a notebook with lang: de the decimal separator is a comma (\"1,80\")."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let digits = try args.integer("digits", default: 2, in: 0...15)
            let numbers = ScriptEnvironment.current.language.numbers
            func text(_ x: Double) -> Value { .string(numbers.fixed(x, decimals: digits)) }
            switch args.value("x")! {
            case .number(let x): return text(x)
            case .vector(let xs): return .list(xs.map(text))
            case .named(let v): return .list(v.values.map(text))
            case let other: throw args.error("x", "format needs numbers, not \(other.kind)", help: "a string is already text")
            }
        },
        Builtin(
            name: "append",
            parameters: [.init(name: "x"), .variadic("values")],
            help: "A vector or list with the values after it, in order, as R's c(): append([1, 2], 3, [4, 5]) is [1, 2, 3, 4, 5]; append([\"DEV\"], \"index\") is [\"DEV\", \"index\"]. Numbers stay a numeric vector (names are dropped); any other element makes a list."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            var elements = [Value]()
            for part in [args.value("x")!] + args.rest.map(\.value) {
                elements += part.elements ?? [part]
            }
            let numbers = elements.compactMap { if case .number(let x) = $0 { x } else { nil } }
            return numbers.count == elements.count ? .vector(numbers) : .list(elements)
        },
        Builtin(
            name: "concat",
            parameters: [.init(name: "x"), .init(name: "sep", defaultValue: "\", \""), .init(name: "last", defaultValue: "sep")],
            help: "The elements of a vector or list as one string for prose: strings as they are, numbers as they read (with a decimal comma in a notebook with lang: de), joined by sep, the last two by last: concat([\"I03\", \"I06\", \"I09\"], last: \" and \") is \"I03, I06 and I09\". An empty vector gives \"\"."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let separator = try args.has("sep") ? args.string("sep") : ", "
            let last = try args.has("last") ? args.string("last") : separator
            let value = args.value("x")!
            var scalar: [Value]? {
                switch value {
                case .string, .text, .number, .bool: [value]
                default: nil
                }
            }
            guard let elements = value.elements ?? scalar else {
                throw args.error("x", "concat needs a vector or a list, not \(value.kind)")
            }
            let numbers = ScriptEnvironment.current.language.numbers
            let texts = try elements.map { (element: Value) throws(ScriptError) -> String in
                switch element {
                case .string(let s), .text(let s): return s
                case .number(let x): return numbers.reading(x)
                case .bool(let b): return b ? "true" : "false"
                default: throw args.error("x", "concat joins strings and numbers, not \(element.kind)")
                }
            }
            guard texts.count > 1 else { return .string(texts.first ?? "") }
            return .string(texts.dropLast().joined(separator: separator) + last + texts.last!)
        },
        Builtin(
            name: "is_missing",
            parameters: [.init(name: "x")],
            help: "true where x is missing, false elsewhere: a boolean for a single value, a vector of booleans for a vector (filter(t, not is_missing(t.I02)) keeps the rows where I02 is present)."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            func missing(_ value: Value) -> Bool { if case .number(let x) = value { x.isNaN } else { false } }
            let x = args.value("x")!
            guard let elements = x.elements else { return .bool(missing(x)) }
            return .list(elements.map { .bool(missing($0)) })
        },
    ]
}

extension Library {
    /// A function applied to every element of a number, a vector or a named vector; missing
    /// stays missing. A present element whose result is not a number (NaN) is an error naming
    /// the element and calling it `undefined` ("a negative number"): NaN is `missing`, which
    /// statistics would then skip silently.
    static func elementwise(_ name: String, _ help: String, undefined: String = "an element outside the domain",
                            _ f: @escaping @Sendable (Double) -> Double) -> Builtin {
        Builtin(name: name, parameters: [.init(name: "x")], help: help) { (args: inout Arguments) throws(ScriptError) -> Value in
            func apply(_ xs: [Double], names: [String]?) throws(ScriptError) -> [Double] {
                var ys = [Double]()
                ys.reserveCapacity(xs.count)
                for (i, x) in xs.enumerated() {
                    let y = x.isNaN ? x : f(x)
                    if y.isNaN && !x.isNaN {
                        let which = xs.count == 1 && names == nil ? ":" : ": element \(i + 1)\(names.map { " (\($0[i]))" } ?? "") is"
                        throw args.error("x", "\(name) of \(undefined)\(which) \(Format.number(x))",
                                         help: "\(name) is not defined there; leave such elements out first, for example with filter(x, fn(v) = v >= 0)")
                    }
                    ys.append(y)
                }
                return ys
            }
            switch args.value("x")! {
            case .number(let x): return .number(try apply([x], names: nil)[0])
            case .vector(let xs): return .vector(try apply(xs, names: nil))
            case .named(let v): return .named(NamedVector(names: v.names, values: try apply(v.values, names: v.names)))
            case let other: throw args.error("x", "\(name) needs numbers, not \(other.kind)")
            }
        }
    }
}
