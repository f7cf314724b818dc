import StressTest
/// Runs scripts: keeps the variables of a session and evaluates statements against them and the
/// standard library. One interpreter serves a whole REPL session, a `run` or an `eval`.
public final class Interpreter {
    /// What a statement produced.
    public struct Outcome {
        public var value: Value
        /// True for `name = value`, whose value a script run does not print.
        public var isAssignment: Bool
    }

    public private(set) var variables: [String: Value] = [:]
    let library: Library

    public init() {
        library = Library.standard
    }

    /// Parses and runs `source`, statement by statement; stops at the first error. Variables
    /// assigned before the error keep their values (the REPL goes on from there).
    /// - Parameter each: called with each statement's outcome as it completes.
    public func run(_ source: Source, each: (Outcome) -> Void = { _ in }) throws(ScriptError) {
        var parser = try Parser(source: source)
        let statements = try parser.program()
        for statement in statements {
            each(try execute(statement))
        }
    }

    /// Whether `text` is unfinished (an open bracket, a trailing operator at the end of input),
    /// so that the REPL should read another line before running it.
    public static func needsMoreInput(_ text: String) -> Bool {
        do {
            var parser = try Parser(source: Source(name: "input", text: text))
            _ = try parser.program()
            return false
        } catch {
            return error.isIncomplete
        }
    }

    func execute(_ statement: Statement) throws(ScriptError) -> Outcome {
        switch statement {
        case .assignment(let name, let range, let expression):
            if library.functions[name] != nil {
                throw ScriptError("`\(name)` is a function of the standard library and cannot be assigned to", at: range,
                                  help: "choose another name, such as `\(name)_value`")
            }
            let value = try evaluate(expression)
            variables[name] = value
            return Outcome(value: value, isAssignment: true)
        case .expression(let expression):
            return Outcome(value: try evaluate(expression), isAssignment: false)
        }
    }

    func evaluate(_ expression: Expression) throws(ScriptError) -> Value {
        switch expression {
        case .number(let x, _): return .number(x)
        case .string(let s, _): return .string(s)
        case .bool(let b, _): return .bool(b)
        case .missing: return .missing
        case .name(let name, let range): return try lookUp(name, range)
        case .vector(let elements, _):
            var values = [Value]()
            for element in elements { values.append(try evaluate(element)) }
            return .vector(of: values)
        case .record(let fields, _):
            var values = [(name: String, value: Value)]()
            for field in fields { values.append((field.name, try evaluate(field.value))) }
            return .record(Record(values))
        case .unary(let op, let operand, let range):
            return try Operators.unary(op, try evaluate(operand), range)
        case .binary(let op, let lhs, let rhs, let range):
            if op == .and || op == .or { return try logical(op, lhs, rhs, range) }
            return try Operators.binary(op, try evaluate(lhs), try evaluate(rhs), range)
        case .call(let callee, let arguments, let range):
            return try call(callee, arguments, range)
        case .index(let base, let index, let range):
            return try Indexing.element(of: try evaluate(base), base.range, at: try evaluate(index), index.range, range)
        case .field(let base, let name, let range):
            return try Indexing.field(name, of: try evaluate(base), range)
        }
    }

    private func lookUp(_ name: String, _ range: SourceRange) throws(ScriptError) -> Value {
        if let value = variables[name] { return value }
        if let function = library.functions[name] { return .function(function) }
        let known = Array(variables.keys) + Array(library.functions.keys)
        throw ScriptError("unknown name `\(name)`", at: range,
                          help: NameSuggestion.help(for: name, among: known) ?? "type `help()` for the list of functions")
    }

    /// `and` and `or` on booleans, evaluating the right side only when needed.
    private func logical(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression, _ range: SourceRange) throws(ScriptError) -> Value {
        guard case .bool(let left) = try evaluate(lhs) else {
            throw ScriptError("`\(op.rawValue)` needs true or false on its left", at: lhs.range)
        }
        if op == .and && !left { return .bool(false) }
        if op == .or && left { return .bool(true) }
        guard case .bool(let right) = try evaluate(rhs) else {
            throw ScriptError("`\(op.rawValue)` needs true or false on its right", at: rhs.range)
        }
        return .bool(right)
    }

    private func call(_ callee: Expression, _ arguments: [Argument], _ range: SourceRange) throws(ScriptError) -> Value {
        let target = try evaluate(callee)
        guard case .function(let function) = target else {
            throw ScriptError("\(target.kind) cannot be called", at: callee.range,
                              help: "only functions take arguments in parentheses; to index a vector, use `x[i]`")
        }
        var positional = [Arguments.Bound]()
        var named = [(String, SourceRange, Arguments.Bound)]()
        for argument in arguments {
            let bound = Arguments.Bound(value: try evaluate(argument.value), range: argument.value.range)
            if let label = argument.label, let labelRange = argument.labelRange {
                named.append((label, labelRange, bound))
            } else if !named.isEmpty {
                throw ScriptError("a positional argument cannot follow a named one", at: argument.value.range,
                                  help: "put positional arguments first: `\(function.signature)`")
            } else {
                positional.append(bound)
            }
        }
        var bound = try Arguments(function: function, positional: positional, named: named, callRange: range)
        return try function.body(&bound)
    }
}
