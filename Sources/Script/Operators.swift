import Foundation

/// Arithmetic, comparison and negation, element-wise on numeric vectors with a scalar
/// broadcasting to a vector's length. Missing (NaN) propagates through arithmetic; a comparison
/// with a missing value is missing. Strings compare with `==` and `!=` and join with `+`.
///
/// Missing is absent data, never a computation's failure: arithmetic whose operands are present
/// but whose result is not a number (`0/0`, `inf - inf`, `(-8)^0.5`) is an error naming the
/// element, so that such a result cannot turn into a missing value that statistics then skip.
/// Division of a non-zero number by 0 is `inf` or `-inf`, as in R and numpy.
enum Operators {
    static func unary(_ op: UnaryOperator, _ value: Value, _ range: SourceRange) throws(ScriptError) -> Value {
        if case .named(let v) = value { return renamed(try unary(op, .vector(v.values), range), v.names) }
        switch (op, value) {
        case (.negate, .number(let x)): return .number(-x)
        case (.negate, .vector(let xs)): return .vector(xs.map { -$0 })
        case (.not, .bool(let b)): return .bool(!b)
        case (.not, .list(let values)):
            var result = [Value]()
            for v in values {
                guard case .bool(let b) = v else {
                    throw ScriptError("`not` needs true or false, not \(v.kind)", at: range)
                }
                result.append(.bool(!b))
            }
            return .list(result)
        default:
            throw ScriptError("`\(op.rawValue)` cannot be applied to \(value.kind)", at: range)
        }
    }

    static func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, _ range: SourceRange) throws(ScriptError) -> Value {
        // A named vector computes as its values and keeps its names when the result is numeric.
        if case .named(let v) = lhs { return renamed(try binary(op, .vector(v.values), rhs.unnamed, range), v.names) }
        if case .named(let v) = rhs { return renamed(try binary(op, lhs, .vector(v.values), range), v.names) }
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)):
            return try scalar(op, a, b, range, element: nil)
        case (.vector(let xs), .number(let b)):
            return try elementwise(op, xs, Array(repeating: b, count: xs.count), range)
        case (.number(let a), .vector(let ys)):
            return try elementwise(op, Array(repeating: a, count: ys.count), ys, range)
        case (.vector(let xs), .vector(let ys)):
            guard xs.count == ys.count else {
                throw ScriptError("`\(op.rawValue)` needs vectors of the same length, not \(xs.count) and \(ys.count)", at: range,
                                  help: "a single number works with a vector of any length")
            }
            return try elementwise(op, xs, ys, range)
        case (.list(let values), .string), (.string, .list(let values)):
            // Strings element-wise: `t.country == "AT"` is a mask; missing elements compare as missing.
            var result = [Value]()
            result.reserveCapacity(values.count)
            for value in values {
                switch value {
                case .number(let x) where x.isNaN: result.append(.missing)
                case .string:
                    result.append(try binary(op, lhs.isList ? value : lhs, lhs.isList ? rhs : value, range))
                default:
                    throw ScriptError("`\(op.rawValue)` cannot combine \(value.kind) in a vector with a string", at: range)
                }
            }
            return .list(result)
        case (.string(let a), .string(let b)):
            switch op {
            case .add: return .string(a + b)
            case .equal: return .bool(a == b)
            case .notEqual: return .bool(a != b)
            case .less: return .bool(a < b)
            case .lessEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            case .greaterEqual: return .bool(a >= b)
            default: break
            }
        case (.bool(let a), .bool(let b)):
            switch op {
            case .equal: return .bool(a == b)
            case .notEqual: return .bool(a != b)
            default: break
            }
        default:
            break
        }
        throw ScriptError("`\(op.rawValue)` cannot combine \(lhs.kind) and \(rhs.kind)", at: range)
    }

    private static func elementwise(_ op: BinaryOperator, _ xs: [Double], _ ys: [Double], _ range: SourceRange) throws(ScriptError) -> Value {
        var values = [Value]()
        values.reserveCapacity(xs.count)
        for i in xs.indices { values.append(try scalar(op, xs[i], ys[i], range, element: i + 1)) }
        return Value.vector(of: values)
    }

    /// One element: a number for arithmetic, a boolean (or missing) for a comparison.
    private static func scalar(_ op: BinaryOperator, _ a: Double, _ b: Double, _ range: SourceRange,
                               element: Int?) throws(ScriptError) -> Value {
        let result: Double
        switch op {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        case .divide: result = a / b
        case .power: result = pow(a, b)
        default:
            if a.isNaN || b.isNaN { return .missing }
            switch op {
            case .equal: return .bool(a == b)
            case .notEqual: return .bool(a != b)
            case .less: return .bool(a < b)
            case .lessEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            default: return .bool(a >= b)
            }
        }
        if result.isNaN && !a.isNaN && !b.isNaN {
            let what = "\(Format.number(a)) \(op.rawValue) \(Format.number(b)) is not a number"
            throw ScriptError(element.map { "element \($0): \(what)" } ?? what, at: range,
                              help: "the result is undefined; check for zeros or infinities before \(op == .power ? "raising to a power" : "the arithmetic")")
        }
        return .number(result)
    }

    private static func renamed(_ value: Value, _ names: [String]) -> Value {
        if case .vector(let xs) = value, xs.count == names.count { return .named(NamedVector(names: names, values: xs)) }
        return value
    }
}
