/// The syntax tree of a script: statements of expressions, each node with its source range.
indirect enum Expression {
    case number(Double, SourceRange)
    case string(String, SourceRange)
    case bool(Bool, SourceRange)
    case missing(SourceRange)
    case name(String, SourceRange)
    /// `[a, b, c]`
    case vector([Expression], SourceRange)
    /// `{name: value, ...}`
    case record([RecordField], SourceRange)
    case unary(UnaryOperator, Expression, SourceRange)
    /// The range is the operator's, so that an error points at it.
    case binary(BinaryOperator, Expression, Expression, operator: SourceRange)
    /// `f(a, b, name: c)`; `x |> f(a)` is parsed as `f(x, a)`.
    case call(Expression, [Argument], SourceRange)
    /// `x[i]`, counting from 1.
    case index(Expression, Expression, SourceRange)
    /// `x.name`; the range is the name's.
    case field(Expression, String, SourceRange)

    var range: SourceRange {
        switch self {
        case .number(_, let r), .string(_, let r), .bool(_, let r), .missing(let r), .name(_, let r),
             .vector(_, let r), .record(_, let r), .unary(_, _, let r), .call(_, _, let r),
             .index(_, _, let r):
            r
        case .binary(_, let lhs, let rhs, _): lhs.range.to(rhs.range)
        case .field(let base, _, let r): base.range.to(r)
        }
    }
}

struct RecordField {
    var name: String
    var nameRange: SourceRange
    var value: Expression
}

struct Argument {
    var label: String?
    var labelRange: SourceRange?
    var value: Expression
}

enum UnaryOperator: String {
    case negate = "-", not = "not"
}

enum BinaryOperator: String {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or
}

enum Statement {
    case assignment(String, SourceRange, Expression)
    case expression(Expression)

    var range: SourceRange {
        switch self {
        case .assignment(_, let name, let value): name.to(value.range)
        case .expression(let e): e.range
        }
    }
}
