/// The syntax tree of a script: statements of expressions, each node with its source range.
indirect enum Expression: Sendable {
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
    /// `"rank {r} of {n}"`
    case template([TemplatePiece], SourceRange)
    /// `fn(v) = v * 2` or `fn(v) { ... }`
    case function(FunctionLiteral)
    /// `if c { ... } else { ... }`; without `else` the value is `nothing` when c is false.
    case conditional(Expression, Body, Body?, SourceRange)

    var range: SourceRange {
        switch self {
        case .number(_, let r), .string(_, let r), .bool(_, let r), .missing(let r), .name(_, let r),
             .vector(_, let r), .record(_, let r), .unary(_, _, let r), .call(_, _, let r),
             .index(_, _, let r), .template(_, let r), .conditional(_, _, _, let r):
            r
        case .function(let f): f.range
        case .binary(_, let lhs, let rhs, _): lhs.range.to(rhs.range)
        case .field(let base, _, let r): base.range.to(r)
        }
    }
}

enum TemplatePiece: Sendable {
    case text(String)
    case value(Expression)
}

/// Statements between braces; their value is the last statement's.
struct Body: Sendable {
    var statements: [Statement]
    var range: SourceRange
}

/// A function written in the script: `fn name(x, k: 5) = body` or `fn(v) { ... }`.
struct FunctionLiteral: Sendable {
    struct Parameter: Sendable {
        var name: String
        var range: SourceRange
        /// The default, evaluated at each call in the function's scope (so it may use earlier parameters).
        var defaultValue: Expression?
    }

    var name: String?
    var parameters: [Parameter]
    var body: Body
    /// From `fn` to the end of the body.
    var range: SourceRange
}

struct RecordField: Sendable {
    var name: String
    var nameRange: SourceRange
    var value: Expression
}

struct Argument: Sendable {
    var label: String?
    var labelRange: SourceRange?
    var value: Expression
}

enum UnaryOperator: String, Sendable {
    case negate = "-", not = "not"
}

enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or
}

enum Statement: Sendable {
    case assignment(String, SourceRange, Expression)
    case expression(Expression)
    /// `fn name(...) ...`: assigns the function to its name.
    case definition(FunctionLiteral, nameRange: SourceRange)
    /// `for v in xs { ... }`: runs the block once per element, with `v` set in the enclosing scope.
    case loop(variable: String, SourceRange, Expression, Body)

    var range: SourceRange {
        switch self {
        case .assignment(_, let name, let value): name.to(value.range)
        case .expression(let e): e.range
        case .definition(let f, _): f.range
        case .loop(_, let variable, _, let body): variable.to(body.range)
        }
    }
}
