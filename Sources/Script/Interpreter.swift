import Foundation
import Stats
import StressTest

/// Runs scripts: keeps the variables of a session and evaluates statements against them and the
/// standard library. One interpreter serves a whole REPL session, a `run` or an `eval`; it is
/// used from one thread at a time.
///
/// Scopes are lexical: a function sees the variables of the scope it was defined in, and its
/// parameters and assignments live in a scope of its own, so it cannot change its caller's
/// variables. A `for` loop and an `if` run in the scope around them, as in R and Python.
///
/// Limits instead of crashes: functions may call one another `maximumCalls` deep, and
/// expressions nest `maximumDepth` deep; scripts run on a thread whose stack holds both. Ctrl-C
/// (`WorkProgress.requestInterrupt()`) stops a loop, a function or a long computation with the
/// error "interrupted", keeping every variable assigned before it.
public final class Interpreter: @unchecked Sendable {
    /// What a statement produced.
    public struct Outcome {
        public var value: Value
        /// True for `name = value` and `fn name(...)`, whose value a script run does not print.
        public var isAssignment: Bool
    }

    /// The variables of one scope, and the scope it is nested in.
    final class Scope: @unchecked Sendable {
        var values: [String: Value] = [:]
        let parent: Scope?

        init(parent: Scope?) {
            self.parent = parent
        }

        func lookUp(_ name: String) -> Value? {
            var scope: Scope? = self
            while let current = scope {
                if let value = current.values[name] { return value }
                scope = current.parent
            }
            return nil
        }

        /// Every name visible from this scope, inner ones first.
        var visibleNames: [String] {
            var names = [String](), scope: Scope? = self
            while let current = scope {
                names += current.values.keys
                scope = current.parent
            }
            return names
        }
    }

    public static let maximumCalls = 2_000
    static let maximumDepth = 20_000
    static let stackSize = 1 << 30

    private var globals = Scope(parent: nil)
    /// The scopes functions were defined in. A function refers to its scope (and to this
    /// interpreter) weakly, since the scope holds the function: the interpreter owns them, so
    /// that they live as long as it does and are freed with it.
    private var definingScopes: [ObjectIdentifier: Scope] = [:]
    /// The session's variables.
    public var variables: [String: Value] { globals.values }
    let library: Library
    /// `print`, `quit` and `exit`, which act on the session rather than compute.
    private var sessionFunctions: [String: Builtin] = [:]
    /// Where `print(x, all:)` shows a value: the value, and whether to show all of it rather
    /// than what fits the terminal. By default, the display at 80 columns on standard output
    /// (unbuffered, so that it keeps its order with the front end's output and errors).
    public var printer: (Value, _ all: Bool) -> Void = { value, _ in
        FileHandle.standardOutput.write(Data((Format.display(value) + "\n").utf8))
    }
    /// What scripts may touch (the folder of relative paths, where they may write, the default
    /// seed), and the files they read and seeds they used.
    public let environment = ScriptEnvironment()
    /// Set by `quit()` or `exit()`: the session should end.
    public private(set) var quitRequested = false
    private var source = Source(name: "input", text: "")
    private var depth = 0
    private var calls = 0

    public init() {
        library = Library.standard
        sessionFunctions = Dictionary(uniqueKeysWithValues: [printFunction, quitFunction(named: "quit"), quitFunction(named: "exit")]
            .map { ($0.name, $0) })
    }

    /// Sets a session variable (the REPL's `ans` and `Out`).
    public func setVariable(_ name: String, _ value: Value) {
        globals.values[name] = value
    }

    /// Forgets every variable.
    public func reset() {
        globals = Scope(parent: nil)
        definingScopes = [:]
    }

    /// Every function a script can call by name: the standard library's and the session's.
    public var functions: [String: Builtin] {
        library.functions.merging(sessionFunctions) { library, _ in library }
    }

    /// Parses and runs `source`, statement by statement; stops at the first error. Variables
    /// assigned before the error keep their values (the REPL goes on from there). `quit()` ends
    /// the run without an error and sets `quitRequested`.
    /// - Parameter each: called with each statement's outcome as it completes.
    public func run(_ source: Source, each: (Outcome) -> Void = { _ in }) throws(ScriptError) {
        try run(source, in: globals, each: each)
    }

    /// Runs `source` as a notebook cell: in a scope of its own that sees `names` (the values
    /// other cells defined) and the standard library, but not the session's variables, and
    /// leaves them unchanged. Returns the variables the cell assigned.
    public func runCell(_ source: Source, seeing names: [String: Value],
                        each: (Outcome) -> Void = { _ in }) throws(ScriptError) -> [String: Value] {
        let outer = Scope(parent: nil)
        outer.values = names
        let cell = Scope(parent: outer)
        try run(source, in: cell, each: each)
        return cell.values
    }

    private func run(_ source: Source, in scope: Scope, each: (Outcome) -> Void) throws(ScriptError) {
        try LargeStack.run(size: Self.stackSize) { () throws(ScriptError) in
            try environment.install { () throws(ScriptError) in
                let saved = self.source
                self.source = source
                defer { self.source = saved }
                do throws(ScriptError) {
                    var parser = try Parser(source: source)
                    for statement in try parser.program() {
                        each(try execute(statement, in: scope, topLevel: true))
                        if quitRequested { return }
                    }
                } catch where error.isQuit {
                    quitRequested = true
                } catch {
                    throw error.located(in: source)
                }
            }
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

    private func execute(_ statement: Statement, in scope: Scope, topLevel: Bool = false) throws(ScriptError) -> Outcome {
        switch statement {
        case .assignment(let name, let range, let expression):
            try checkAssignable(name, range)
            let value = try evaluate(expression, in: scope)
            if case .nothing = value {
                throw ScriptError("`\(name)` would have no value: the right side gives nothing", at: expression.range,
                                  help: "print, a for loop and an if without else whose condition is false give nothing")
            }
            scope.values[name] = value
            return Outcome(value: value, isAssignment: true)
        case .definition(let literal, let nameRange):
            let name = literal.name ?? ""
            try checkAssignable(name, nameRange)
            let function = Value.function(makeFunction(literal, in: scope))
            scope.values[name] = function
            return Outcome(value: function, isAssignment: true)
        case .loop(let variable, let range, let sequence, let body):
            try checkAssignable(variable, range)
            let elements = try loopElements(try evaluate(sequence, in: scope), sequence.range)
            for element in elements {
                try checkInterrupt(at: range)
                scope.values[variable] = element
                for statement in body.statements { _ = try execute(statement, in: scope) }
            }
            return Outcome(value: .nothing, isAssignment: false)
        case .expression(.name(let name, let range)) where topLevel && (name == "quit" || name == "exit") && scope.lookUp(name) == nil:
            _ = try sessionFunctions[name]!.call([], at: range)
            return Outcome(value: .nothing, isAssignment: false)
        case .expression(let expression):
            return Outcome(value: try evaluate(expression, in: scope), isAssignment: false)
        }
    }

    private func checkAssignable(_ name: String, _ range: SourceRange) throws(ScriptError) {
        if functions[name] != nil {
            throw ScriptError("`\(name)` is a function of the standard library and cannot be assigned to", at: range,
                              help: "choose another name, such as `\(name)_value`")
        }
    }

    /// What `for` runs over: the elements of a vector or list, the values of a named vector, the rows of a table.
    private func loopElements(_ value: Value, _ range: SourceRange) throws(ScriptError) -> [Value] {
        if case .table(let table) = value {
            return (0..<table.rowCount).map { row in .record(Record(table.columns.map { ($0.name, $0.values[row]) })) }
        }
        guard let elements = value.elements else {
            throw ScriptError("a for loop runs over a vector or a table, not \(value.kind)", at: range,
                              help: "write `for v in [1, 2, 3] { ... }` or `for r in t { ... }` for the rows of a table")
        }
        return elements
    }

    private func checkInterrupt(at range: SourceRange) throws(ScriptError) {
        if WorkProgress.isInterruptRequested { throw ScriptError("interrupted", at: range) }
    }

    func evaluate(_ expression: Expression, in scope: Scope) throws(ScriptError) -> Value {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw ScriptError("expressions are nested more than \(Self.maximumDepth) deep", at: expression.range,
                              help: "split the computation into steps with names")
        }
        switch expression {
        case .number(let x, _): return .number(x)
        case .string(let s, _): return .string(s)
        case .bool(let b, _): return .bool(b)
        case .missing: return .missing
        case .name(let name, let range): return try lookUp(name, range, in: scope)
        case .vector(let elements, _):
            var values = [Value]()
            for element in elements { values.append(try evaluate(element, in: scope)) }
            return .vector(of: values)
        case .record(let fields, _):
            var values = [(name: String, value: Value)]()
            for field in fields { values.append((field.name, try evaluate(field.value, in: scope))) }
            return .record(Record(values))
        case .unary(let op, let operand, let range):
            return try Operators.unary(op, try evaluate(operand, in: scope), range)
        case .binary(let op, let lhs, let rhs, let range):
            if op == .and || op == .or { return try logical(op, lhs, rhs, range, in: scope) }
            return try Operators.binary(op, try evaluate(lhs, in: scope), try evaluate(rhs, in: scope), range)
        case .call(let callee, let arguments, let range):
            return try call(callee, arguments, range, in: scope)
        case .index(let base, let index, let range):
            return try Indexing.element(of: try evaluate(base, in: scope), base.range,
                                        at: try evaluate(index, in: scope), index.range, range)
        case .field(let base, let name, let range):
            return try Indexing.field(name, of: try evaluate(base, in: scope), range)
        case .template(let pieces, _):
            var text = ""
            for piece in pieces {
                switch piece {
                case .text(let s): text += s
                case .value(let e): text += try interpolated(try evaluate(e, in: scope), e.range)
                }
            }
            return .string(text)
        case .function(let literal):
            return .function(makeFunction(literal, in: scope))
        case .conditional(let condition, let then, let otherwise, _):
            if try truth(try evaluate(condition, in: scope), condition.range) {
                return try evaluate(then, in: scope)
            }
            return try otherwise.map { block throws(ScriptError) in try evaluate(block, in: scope) } ?? .nothing
        }
    }

    /// The value of a block: its last statement's (an assignment's is the value assigned).
    private func evaluate(_ block: Body, in scope: Scope) throws(ScriptError) -> Value {
        var last = Value.nothing
        for statement in block.statements { last = try execute(statement, in: scope).value }
        if case .loop = block.statements.last { return .nothing }
        return last
    }

    /// A value inside a string: strings as they are, numbers as they read in the environment's
    /// language, others on one line.
    private func interpolated(_ value: Value, _ range: SourceRange) throws(ScriptError) -> String {
        switch value {
        case .string(let s), .text(let s): return s
        case .nothing:
            throw ScriptError("this expression gives nothing to put in the string", at: range)
        default: return Format.inlineText(value, numbers: ScriptEnvironment.current.language.numbers)
        }
    }

    /// The condition of an `if`: exactly one true or false.
    private func truth(_ value: Value, _ range: SourceRange) throws(ScriptError) -> Bool {
        switch value {
        case .bool(let b): return b
        case .number(let x) where x.isNaN:
            throw ScriptError("the condition is missing, so neither branch can be chosen", at: range,
                              help: "a comparison with a missing value is missing; test whether a value is present first")
        default:
            if let count = value.elements?.count {
                throw ScriptError("the condition of `if` must be one true or false, not a vector of \(count)", at: range,
                                  help: "to keep the elements where a condition holds, use filter(x, fn(v) = ...)")
            }
            throw ScriptError("the condition of `if` must be true or false, not \(value.kind)", at: range)
        }
    }

    private func lookUp(_ name: String, _ range: SourceRange, in scope: Scope) throws(ScriptError) -> Value {
        if let value = scope.lookUp(name) { return value }
        if let function = library.functions[name] ?? sessionFunctions[name] { return .function(function) }
        let known = scope.visibleNames + Array(functions.keys)
        throw ScriptError("unknown name `\(name)`", at: range,
                          help: NameSuggestion.help(for: name, among: known) ?? "type `help()` for the list of functions")
    }

    /// `and` and `or` on booleans, evaluating the right side only when needed.
    private func logical(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression, _ range: SourceRange,
                         in scope: Scope) throws(ScriptError) -> Value {
        guard case .bool(let left) = try evaluate(lhs, in: scope) else {
            throw ScriptError("`\(op.rawValue)` needs true or false on its left", at: lhs.range)
        }
        if op == .and && !left { return .bool(false) }
        if op == .or && left { return .bool(true) }
        guard case .bool(let right) = try evaluate(rhs, in: scope) else {
            throw ScriptError("`\(op.rawValue)` needs true or false on its right", at: rhs.range)
        }
        return .bool(right)
    }

    private func call(_ callee: Expression, _ arguments: [Argument], _ range: SourceRange, in scope: Scope) throws(ScriptError) -> Value {
        var target = try evaluate(callee, in: scope)
        // As in R, a name in call position that holds no function calls the library's function
        // of that name (a notebook parameter `region` leaves `region(p, name)` usable).
        if case .name(let name, _) = callee, !target.isFunction, let function = library.functions[name] { target = .function(function) }
        guard case .function(let function) = target else {
            throw ScriptError("\(target.kind) cannot be called", at: callee.range,
                              help: "only functions take arguments in parentheses; to index a vector, use `x[i]`")
        }
        var positional = [Arguments.Bound]()
        var named = [(String, SourceRange, Arguments.Bound)]()
        for argument in arguments {
            let bound = Arguments.Bound(value: try evaluate(argument.value, in: scope), range: argument.value.range)
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
        try checkInterrupt(at: range)
        return try function.body(&bound)
    }

    /// A script function as a `Builtin`, so that it is called, bound and explained as every other.
    private func makeFunction(_ literal: FunctionLiteral, in scope: Scope) -> Builtin {
        let definedIn = source
        let parameters = literal.parameters.map { parameter in
            Builtin.Parameter(name: parameter.name, defaultValue: parameter.defaultValue.map { definedIn.text(of: $0.range) })
        }
        let (line, column) = definedIn.lineAndColumn(of: literal.range.start)
        let name = literal.name ?? "fn"
        definingScopes[ObjectIdentifier(scope)] = scope
        return Builtin(name: name, parameters: parameters,
                       help: "A function defined at \(definedIn.name):\(line):\(column):\n  \(definedIn.line(line))") {
            [weak self, weak scope] (args: inout Arguments) throws(ScriptError) -> Value in
            guard let self, let scope else {
                throw ScriptError("`\(name)` was defined in a session that has ended", at: args.callRange,
                                  help: "define it again in this session")
            }
            return try self.invoke(literal, named: name, in: scope, definedIn: definedIn, args)
        }
    }

    private func invoke(_ literal: FunctionLiteral, named name: String, in captured: Scope, definedIn: Source,
                        _ args: Arguments) throws(ScriptError) -> Value {
        calls += 1
        defer { calls -= 1 }
        guard calls <= Self.maximumCalls else {
            throw ScriptError("functions call one another more than \(Self.maximumCalls) deep", at: args.callRange,
                              help: "`\(name)` may call itself without end: check the case that stops the recursion")
        }
        let saved = source
        source = definedIn
        defer { source = saved }
        do throws(ScriptError) {
            let local = Scope(parent: captured)
            for parameter in literal.parameters {
                if let value = args.value(parameter.name) {
                    local.values[parameter.name] = value
                } else {
                    local.values[parameter.name] = try evaluate(parameter.defaultValue!, in: local)
                }
            }
            return try evaluate(literal.body, in: local)
        } catch where error.isQuit {
            throw error
        } catch {
            throw error.located(in: definedIn).called(name, at: args.callRange, in: saved)
        }
    }

    /// `print(x, all: false)`
    private var printFunction: Builtin {
        Builtin(name: "print", parameters: [.init(name: "x"), .init(name: "all", defaultValue: "false")],
                help: "Shows x now, as the REPL shows a result (a string as its text, without quotes), and gives nothing. In the REPL on a terminal long vectors and tables are cut to fit the screen with a note of what was left out; all: true shows everything.") {
            // Weak: the interpreter holds this function, and a strong reference would keep both alive.
            [weak self] (args: inout Arguments) throws(ScriptError) -> Value in
            let all = try args.bool("all", default: false)
            let value = args.value("x")!
            if case .string(let text) = value { self?.printer(.text(text), all) } else { self?.printer(value, all) }
            return .nothing
        }
    }

    private func quitFunction(named name: String) -> Builtin {
        Builtin(name: name, parameters: [],
                help: "Ends the session (the REPL, or a script read from standard input) without an error; `\(name)` alone does the same.") {
            (_: inout Arguments) throws(ScriptError) -> Value in
            throw ScriptError.quit
        }
    }
}
