import StressTest
/// A function of the standard library: its parameters, its help text and its body.
public struct Builtin: Sendable {
    public struct Parameter: Sendable {
        public var name: String
        /// The default as the help shows it; nil for a required parameter.
        public var defaultValue: String?
        /// A variadic parameter takes every remaining positional argument.
        public var variadic = false
        /// An options parameter takes every named argument that names no other parameter
        /// (`mutate(t, gap: ...)`), in the order given.
        public var options = false
    }

    public var name: String
    public var parameters: [Parameter]
    /// One paragraph: what it computes, which reference it matches, what it does with missing values.
    public var help: String
    var body: @Sendable (inout Arguments) throws(ScriptError) -> Value

    /// Calls the function with values that have no source of their own (from `map`, `filter`
    /// and other functions that take a function): errors point at `range`.
    func call(_ positional: [Value], named: [(String, Value)] = [], at range: SourceRange) throws(ScriptError) -> Value {
        var arguments = try Arguments(function: self, positional: positional.map { .init(value: $0, range: range) },
                                      named: named.map { ($0.0, range, .init(value: $0.1, range: range)) }, callRange: range)
        return try body(&arguments)
    }

    /// `quantile(x, p, type: 7)`
    public var signature: String {
        let list = parameters.map { p in
            if p.variadic { return "\(p.name)..." }
            if p.options { return "\(p.name): ..." }
            return p.defaultValue.map { "\(p.name): \($0)" } ?? p.name
        }
        return "\(name)(\(list.joined(separator: ", ")))"
    }
}

/// The arguments of one call, bound to the parameters by position or by name, each with the
/// range of the source that produced it so that errors point at the right place.
public struct Arguments {
    struct Bound {
        var value: Value
        var range: SourceRange
    }

    let function: String
    let callRange: SourceRange
    private var bound: [String: Bound]
    private(set) var rest: [Bound]
    /// The named arguments an options parameter collected, in the order given.
    private(set) var options: [(name: String, nameRange: SourceRange, bound: Bound)]

    init(function: Builtin, positional: [Bound], named: [(String, SourceRange, Bound)], callRange: SourceRange) throws(ScriptError) {
        self.function = function.name
        self.callRange = callRange
        bound = [:]
        rest = []
        options = []
        var queue = positional[...]
        for parameter in function.parameters {
            if parameter.options { continue }
            if parameter.variadic {
                rest = Array(queue)
                queue = []
            } else if let next = queue.first {
                bound[parameter.name] = next
                queue = queue.dropFirst()
            }
        }
        if let extra = queue.first {
            throw ScriptError("\(function.name) takes at most \(function.parameters.count) arguments", at: extra.range,
                              help: "its signature is `\(function.signature)`")
        }
        for (label, labelRange, argument) in named {
            let takesOptions = function.parameters.contains(where: \.options)
            if takesOptions, !function.parameters.contains(where: { $0.name == label && !$0.variadic && !$0.options }) {
                guard !options.contains(where: { $0.name == label }) else {
                    throw ScriptError("the argument `\(label)` of \(function.name) is given twice", at: labelRange)
                }
                options.append((label, labelRange, argument))
                continue
            }
            guard function.parameters.contains(where: { $0.name == label && !$0.variadic && !$0.options }) else {
                throw ScriptError("\(function.name) has no argument `\(label)`", at: labelRange,
                                  help: NameSuggestion.help(for: label, among: function.parameters.map(\.name))
                                      ?? "its signature is `\(function.signature)`")
            }
            guard bound[label] == nil else {
                throw ScriptError("the argument `\(label)` of \(function.name) is given twice", at: labelRange)
            }
            bound[label] = argument
        }
        for parameter in function.parameters where parameter.defaultValue == nil && !parameter.variadic && !parameter.options && bound[parameter.name] == nil {
            throw ScriptError("\(function.name) needs the argument `\(parameter.name)`", at: callRange,
                              help: "its signature is `\(function.signature)`")
        }
    }

    func has(_ name: String) -> Bool { bound[name] != nil }

    func value(_ name: String) -> Value? { bound[name]?.value }

    func range(_ name: String) -> SourceRange { bound[name]?.range ?? callRange }

    /// An error about one argument, pointing at it.
    func error(_ name: String, _ message: String, help: String? = nil) -> ScriptError {
        ScriptError(message, at: range(name), help: help)
    }

    /// A numeric vector (a number is a vector of one).
    func numbers(_ name: String) throws(ScriptError) -> [Double] {
        switch value(name) {
        case .vector(let xs): return xs
        case .named(let v): return v.values
        case .number(let x): return [x]
        case .list(let values) where values.isEmpty: return []
        case let other?: throw error(name, "`\(name)` of \(function) must be numbers, not \(other.kind)")
        case nil: throw error(name, "\(function) needs the argument `\(name)`")
        }
    }

    /// A function (a builtin, a user function or an anonymous one).
    func function(_ name: String) throws(ScriptError) -> Builtin {
        switch value(name) {
        case .function(let f): return f
        case let other?: throw error(name, "`\(name)` of \(function) must be a function, not \(other.kind)",
                                     help: "write a function such as `fn(v) = v * 2`, or the name of one")
        case nil: throw error(name, "\(function) needs the argument `\(name)`")
        }
    }

    /// A string.
    func string(_ name: String) throws(ScriptError) -> String {
        switch value(name) {
        case .string(let s): return s
        case let other?: throw error(name, "`\(name)` of \(function) must be a string, not \(other.kind)")
        case nil: throw error(name, "\(function) needs the argument `\(name)`")
        }
    }

    /// A single number, or `defaultValue` when the argument is absent.
    func number(_ name: String, default defaultValue: Double? = nil) throws(ScriptError) -> Double {
        switch value(name) {
        case .number(let x) where !x.isNaN: return x
        case nil where defaultValue != nil: return defaultValue!
        case let other?: throw error(name, "`\(name)` of \(function) must be a number, not \(other.kind)")
        case nil: throw error(name, "\(function) needs the argument `\(name)`")
        }
    }

    /// A whole number within `range`.
    func integer(_ name: String, default defaultValue: Int, in allowed: ClosedRange<Int>) throws(ScriptError) -> Int {
        let x = try number(name, default: Double(defaultValue))
        guard x == x.rounded(), x >= Double(allowed.lowerBound), x <= Double(allowed.upperBound) else {
            throw error(name, "`\(name)` of \(function) must be a whole number from \(allowed.lowerBound) to \(allowed.upperBound), not \(Format.number(x))")
        }
        return Int(x)
    }

    func bool(_ name: String, default defaultValue: Bool) throws(ScriptError) -> Bool {
        switch value(name) {
        case .bool(let b): return b
        case nil: return defaultValue
        case let other?: throw error(name, "`\(name)` of \(function) must be true or false, not \(other.kind)")
        }
    }

    /// One of a fixed set of strings, with a suggestion for a near miss.
    func choice(_ name: String, default defaultValue: String, among choices: [String]) throws(ScriptError) -> String {
        switch value(name) {
        case nil: return defaultValue
        case .string(let s) where choices.contains(s): return s
        case .string(let s):
            throw error(name, "`\(name)` of \(function) cannot be \"\(s)\"",
                        help: NameSuggestion.nearest(to: s, among: choices).map { "did you mean \"\($0)\"? " } .map { $0 + "allowed: " + choices.joined(separator: ", ") }
                            ?? "allowed: " + choices.joined(separator: ", "))
        case let other?:
            throw error(name, "`\(name)` of \(function) must be a string, not \(other.kind)",
                        help: "allowed: " + choices.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }
}
