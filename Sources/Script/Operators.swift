import Foundation

/// Arithmetic, comparison and negation, element-wise on numeric vectors with a scalar
/// broadcasting to a vector's length. Missing (NaN) propagates through arithmetic; a comparison
/// with a missing value is missing. Strings compare with `==` and `!=` and join with `+`.
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
            return scalar(op, a, b)
        case (.vector(let xs), .number(let b)):
            return collect(xs.map { scalar(op, $0, b) })
        case (.number(let a), .vector(let ys)):
            return collect(ys.map { scalar(op, a, $0) })
        case (.vector(let xs), .vector(let ys)):
            guard xs.count == ys.count else {
                throw ScriptError("`\(op.rawValue)` needs vectors of the same length, not \(xs.count) and \(ys.count)", at: range,
                                  help: "a single number works with a vector of any length")
            }
            return collect(zip(xs, ys).map { scalar(op, $0, $1) })
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

    /// One element: a number for arithmetic, a boolean (or missing) for a comparison.
    private static func scalar(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Value {
        switch op {
        case .add: return .number(a + b)
        case .subtract: return .number(a - b)
        case .multiply: return .number(a * b)
        case .divide: return .number(a / b)
        case .power: return .number(pow(a, b))
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
    }

    private static func renamed(_ value: Value, _ names: [String]) -> Value {
        if case .vector(let xs) = value, xs.count == names.count { return .named(NamedVector(names: names, values: xs)) }
        return value
    }

    private static func collect(_ values: [Value]) -> Value {
        Value.vector(of: values)
    }
}
