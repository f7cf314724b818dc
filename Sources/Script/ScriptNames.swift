/// The names a script defines for others and the names it takes from outside, found from its
/// syntax without running it: what a notebook needs to run its cells in dependency order.
///
/// Defined: every name assigned or given a function at the top level, also inside the bodies
/// of top-level `for` loops and `if`s (they run in the enclosing scope), except loop variables
/// and names that start with `_`, which stay in the script. Used: every name read before the
/// script binds it itself, including names that its functions read from outside (a function's
/// parameters and its own assignments are its own). Names of the standard library count as
/// used too; the caller decides which names matter. Linear in the size of the syntax tree.
public struct ScriptNames: Sendable {
    public struct Occurrence: Sendable, Equatable {
        public var name: String
        public var range: SourceRange
    }

    /// The first definition of each defined name, in the order of the source.
    public private(set) var definitions: [Occurrence] = []
    /// The first outside use of each used name, in the order of the source.
    public private(set) var uses: [Occurrence] = []

    /// Parses `source`; a syntax error is thrown as running it would.
    public init(_ source: Source) throws(ScriptError) {
        var parser = try Parser(source: source)
        let statements = try parser.program()
        var bound = Set<String>()
        for statement in statements { visit(statement, bound: &bound, exporting: true) }
    }

    /// Whether a name stays in its script even when assigned at the top level.
    private static func isPrivate(_ name: String) -> Bool { name.hasPrefix("_") }

    private mutating func define(_ name: String, _ range: SourceRange, exporting: Bool, bound: inout Set<String>) {
        if exporting && !Self.isPrivate(name) && !definitions.contains(where: { $0.name == name }) {
            definitions.append(Occurrence(name: name, range: range))
        }
        bound.insert(name)
    }

    private mutating func use(_ name: String, _ range: SourceRange, bound: Set<String>) {
        if !bound.contains(name) && !uses.contains(where: { $0.name == name }) {
            uses.append(Occurrence(name: name, range: range))
        }
    }

    private mutating func visit(_ statement: Statement, bound: inout Set<String>, exporting: Bool) {
        switch statement {
        case .assignment(let name, let range, let value):
            visit(value, bound: &bound, exporting: exporting)
            define(name, range, exporting: exporting, bound: &bound)
        case .definition(let literal, let nameRange):
            define(literal.name ?? "", nameRange, exporting: exporting, bound: &bound)
            visit(literal, bound: bound)
        case .loop(let variable, _, let sequence, let body):
            visit(sequence, bound: &bound, exporting: exporting)
            bound.insert(variable)
            for inner in body.statements { visit(inner, bound: &bound, exporting: exporting) }
        case .expression(let expression):
            visit(expression, bound: &bound, exporting: exporting)
        }
    }

    private mutating func visit(_ literal: FunctionLiteral, bound outer: Set<String>) {
        var bound = outer
        for parameter in literal.parameters {
            if let value = parameter.defaultValue { visit(value, bound: &bound, exporting: false) }
            bound.insert(parameter.name)
        }
        for statement in literal.body.statements { visit(statement, bound: &bound, exporting: false) }
    }

    private mutating func visit(_ expression: Expression, bound: inout Set<String>, exporting: Bool) {
        switch expression {
        case .number, .string, .bool, .missing: break
        case .name(let name, let range): use(name, range, bound: bound)
        case .vector(let elements, _): for element in elements { visit(element, bound: &bound, exporting: exporting) }
        case .record(let fields, _): for field in fields { visit(field.value, bound: &bound, exporting: exporting) }
        case .unary(_, let operand, _): visit(operand, bound: &bound, exporting: exporting)
        case .binary(_, let lhs, let rhs, _):
            visit(lhs, bound: &bound, exporting: exporting)
            visit(rhs, bound: &bound, exporting: exporting)
        case .call(let callee, let arguments, _):
            visit(callee, bound: &bound, exporting: exporting)
            for argument in arguments { visit(argument.value, bound: &bound, exporting: exporting) }
        case .index(let base, let index, _):
            visit(base, bound: &bound, exporting: exporting)
            visit(index, bound: &bound, exporting: exporting)
        case .field(let base, _, _): visit(base, bound: &bound, exporting: exporting)
        case .template(let pieces, _):
            for case .value(let inner) in pieces { visit(inner, bound: &bound, exporting: exporting) }
        case .function(let literal): visit(literal, bound: bound)
        case .conditional(let condition, let then, let otherwise, _):
            visit(condition, bound: &bound, exporting: exporting)
            for statement in then.statements { visit(statement, bound: &bound, exporting: exporting) }
            for statement in otherwise?.statements ?? [] { visit(statement, bound: &bound, exporting: exporting) }
        }
    }
}
