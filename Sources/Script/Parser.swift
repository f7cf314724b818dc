/// A recursive-descent parser. Precedence, loosest first:
/// `|>`, `or`, `and`, `not`, comparisons (`== != < <= > >=`, not chained), `+ -`, `* /`,
/// unary `-`, `^` (right-associative, so `-2^2` is -4 as in R), then calls `f(...)`,
/// indexing `x[i]` and fields `x.name`.
///
/// Statements: `name = value`, `fn name(params) = body` or `fn name(params) { ... }`,
/// `for v in xs { ... }`, and expressions, which include `if c { ... } else { ... }`,
/// anonymous functions `fn(v) = v * 2` and string templates `"rank {r}"`.
///
/// Nesting is bounded (brackets by the lexer, prefix operators and operator chains here), so
/// that neither parsing nor evaluating a pathological input can exhaust the stack.
struct Parser {
    private let tokens: [Token]
    private var position = 0
    private var prefixDepth = 0
    static let maximumChain = 10_000

    init(source: Source) throws(ScriptError) {
        tokens = try Lexer(source: source).tokens()
    }

    /// A parser of tokens already split, such as the expression inside a string's `{}`.
    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses the whole input into statements.
    mutating func program() throws(ScriptError) -> [Statement] {
        var statements = [Statement]()
        while true {
            while case .newline = current.kind { advance() }
            if case .end = current.kind { return statements }
            statements.append(try statement())
            switch current.kind {
            case .newline, .end: continue
            default:
                throw ScriptError("expected the end of the statement, found \(current.display)", at: current.range,
                                  help: "put each statement on its own line or separate them with `;`")
            }
        }
    }

    private var current: Token { tokens[position] }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }

    private mutating func take(_ symbol: Token.Symbol) -> Bool {
        if case .symbol(symbol) = current.kind {
            advance()
            return true
        }
        return false
    }

    private mutating func expect(_ symbol: Token.Symbol, _ purpose: String) throws(ScriptError) -> SourceRange {
        let range = current.range
        if take(symbol) { return range }
        throw unexpected("expected `\(symbol.rawValue)` \(purpose)")
    }

    private func unexpected(_ message: String, help: String? = nil) -> ScriptError {
        let atEnd = current.kind == .end
        return ScriptError("\(message), found \(current.display)", at: current.range, help: help, isIncomplete: atEnd)
    }

    private mutating func statement() throws(ScriptError) -> Statement {
        if case .keyword(.fn) = current.kind, case .identifier = peek(1).kind {
            let nameRange = peek(1).range
            return .definition(try functionLiteral(), nameRange: nameRange)
        }
        if case .keyword(.for) = current.kind { return try loop() }
        if case .identifier(let name) = current.kind, case .symbol(.assign) = peek(1).kind {
            let nameRange = current.range
            advance()
            advance()
            return .assignment(name, nameRange, try expression())
        }
        let value = try expression()
        if case .symbol(.assign) = current.kind {
            throw ScriptError("only a name can be assigned to", at: value.range,
                              help: "write `name = value`; to compare, use `==`")
        }
        return .expression(value)
    }

    mutating func expression() throws(ScriptError) -> Expression {
        var left = try binary(level: 0)
        var chain = 0
        while case .symbol(.pipe) = current.kind {
            chain += 1
            if chain > Self.maximumChain {
                throw ScriptError("more than \(Self.maximumChain) pipes in a row", at: current.range)
            }
            let pipeRange = current.range
            advance()
            let right = try binary(level: 0)
            switch right {
            case .call(let callee, let arguments, let range):
                left = .call(callee, [Argument(value: left)] + arguments, left.range.to(range))
            case .name(_, let range):
                left = .call(right, [Argument(value: left)], left.range.to(range))
            default:
                throw ScriptError("the right side of `|>` must be a function or a call", at: right.range.to(pipeRange),
                                  help: "write `x |> f` or `x |> f(a)`, which mean `f(x)` and `f(x, a)`")
            }
        }
        return left
    }

    private static let levels: [[(Token.Kind, BinaryOperator)]] = [
        [(.keyword(.or), .or)],
        [(.keyword(.and), .and)],
        [],  // `not`, handled in `binary(level:)`
        [(.symbol(.equal), .equal), (.symbol(.notEqual), .notEqual), (.symbol(.less), .less),
         (.symbol(.lessEqual), .lessEqual), (.symbol(.greater), .greater), (.symbol(.greaterEqual), .greaterEqual)],
        [(.symbol(.plus), .add), (.symbol(.minus), .subtract)],
        [(.symbol(.times), .multiply), (.symbol(.divide), .divide)],
    ]

    private mutating func binary(level: Int) throws(ScriptError) -> Expression {
        if level == Self.levels.count { return try unary() }
        if level == 2 {
            if case .keyword(.not) = current.kind {
                let range = current.range
                advance()
                try enterPrefix(range)
                defer { prefixDepth -= 1 }
                let operand = try binary(level: level)
                return .unary(.not, operand, range.to(operand.range))
            }
            return try binary(level: level + 1)
        }
        var left = try binary(level: level + 1)
        let isComparison = level == 3
        var chain = 0
        while let (_, op) = Self.levels[level].first(where: { $0.0 == current.kind }) {
            let range = current.range
            chain += 1
            if chain > Self.maximumChain {
                throw ScriptError("more than \(Self.maximumChain) operators in a row", at: range,
                                  help: "sum a vector with sum(x) instead, or split the expression into steps")
            }
            advance()
            let right = try binary(level: level + 1)
            left = .binary(op, left, right, operator: range)
            if isComparison, Self.levels[level].contains(where: { $0.0 == current.kind }) {
                throw ScriptError("comparisons cannot be chained", at: current.range,
                                  help: "combine two comparisons with `and`: `a < b and b < c`")
            }
        }
        return left
    }

    private mutating func unary() throws(ScriptError) -> Expression {
        if case .symbol(.minus) = current.kind {
            let range = current.range
            advance()
            try enterPrefix(range)
            defer { prefixDepth -= 1 }
            let operand = try unary()
            return .unary(.negate, operand, range.to(operand.range))
        }
        return try power()
    }

    private mutating func enterPrefix(_ range: SourceRange) throws(ScriptError) {
        prefixDepth += 1
        if prefixDepth > Lexer.maximumDepth {
            throw ScriptError("operators are nested more than \(Lexer.maximumDepth) deep", at: range,
                              help: "split the expression into steps with names")
        }
    }

    private mutating func power() throws(ScriptError) -> Expression {
        let base = try postfix()
        guard case .symbol(.power) = current.kind else { return base }
        let range = current.range
        advance()
        try enterPrefix(range)
        defer { prefixDepth -= 1 }
        let exponent = try unary()  // right-associative; `2^-1` allowed
        return .binary(.power, base, exponent, operator: range)
    }

    private mutating func postfix() throws(ScriptError) -> Expression {
        var value = try primary()
        while true {
            if case .symbol(.leftParen) = current.kind {
                let open = current.range
                advance()
                let arguments = try callArguments()
                value = .call(value, arguments, value.range.to(SourceRange(open.start, tokens[position - 1].range.end)))
            } else if case .symbol(.leftBracket) = current.kind {
                advance()
                let index = try expression()
                let close = try expect(.rightBracket, "to close the index")
                value = .index(value, index, value.range.to(close))
            } else if case .symbol(.dot) = current.kind {
                advance()
                guard let name = fieldName(current) else {
                    throw unexpected("expected a field name after `.`")
                }
                value = .field(value, name, current.range)
                advance()
            } else {
                return value
            }
        }
    }

    /// A field name: an identifier, or a keyword such as `missing` (a field of `boxstats`).
    private func fieldName(_ token: Token) -> String? {
        switch token.kind {
        case .identifier(let name): name
        case .keyword(let keyword): keyword.rawValue
        default: nil
        }
    }

    private mutating func callArguments() throws(ScriptError) -> [Argument] {
        var arguments = [Argument]()
        if take(.rightParen) { return arguments }
        repeat {
            if case .symbol(.rightParen) = current.kind { break }  // trailing comma
            if case .identifier(let label) = current.kind, case .symbol(.colon) = peek(1).kind {
                let labelRange = current.range
                advance()
                advance()
                arguments.append(Argument(label: label, labelRange: labelRange, value: try expression()))
            } else {
                arguments.append(Argument(value: try expression()))
            }
        } while take(.comma)
        _ = try expect(.rightParen, "to close the call")
        return arguments
    }

    private mutating func primary() throws(ScriptError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let x):
            advance()
            return .number(x, token.range)
        case .string(let s):
            advance()
            return .string(s, token.range)
        case .template(let parts):
            advance()
            var pieces = [TemplatePiece]()
            for part in parts {
                switch part {
                case .text(let text): pieces.append(.text(text))
                case .code(let tokens, let range):
                    var inner = Parser(tokens: tokens)
                    let value = try inner.expression()
                    guard case .end = inner.current.kind else {
                        throw ScriptError("expected `}` to end the expression in the string, found \(inner.current.display)",
                                          at: inner.current.range.to(range))
                    }
                    pieces.append(.value(value))
                }
            }
            return .template(pieces, token.range)
        case .keyword(.fn):
            return .function(try functionLiteral())
        case .keyword(.if):
            return try conditional()
        case .keyword(.else):
            throw ScriptError("`else` without an `if`", at: token.range,
                              help: "write `if condition { ... } else { ... }`, with `else` after the closing brace")
        case .keyword(.for):
            throw ScriptError("a `for` loop is a statement and has no value", at: token.range,
                              help: "put the loop on its own line; to compute a vector from another, use map(xs, fn(v) = ...)")
        case .keyword(.true), .keyword(.false):
            advance()
            return .bool(token.kind == .keyword(.true), token.range)
        case .keyword(.missing):
            advance()
            return .missing(token.range)
        case .identifier(let name):
            advance()
            return .name(name, token.range)
        case .symbol(.leftParen):
            advance()
            let inner = try expression()
            _ = try expect(.rightParen, "to close the parenthesis")
            return inner
        case .symbol(.leftBracket):
            advance()
            var elements = [Expression]()
            while !take(.rightBracket) {
                elements.append(try expression())
                if !take(.comma) {
                    _ = try expect(.rightBracket, "or `,` in the vector")
                    break
                }
            }
            return .vector(elements, token.range.to(tokens[position - 1].range))
        case .symbol(.leftBrace):
            advance()
            var fields = [RecordField]()
            while !take(.rightBrace) {
                guard let name = fieldName(current) else {
                    throw unexpected("expected a field name in the record", help: "write `{name: value, other: value}`")
                }
                let nameRange = current.range
                if fields.contains(where: { $0.name == name }) {
                    throw ScriptError("the field `\(name)` appears twice in this record", at: nameRange)
                }
                advance()
                _ = try expect(.colon, "after the field name")
                fields.append(RecordField(name: name, nameRange: nameRange, value: try expression()))
                if !take(.comma) {
                    _ = try expect(.rightBrace, "or `,` in the record")
                    break
                }
            }
            return .record(fields, token.range.to(tokens[position - 1].range))
        default:
            throw unexpected("expected a value")
        }
    }

    /// `fn name(a, b: default) = expression` or `fn(a) { statements }`; the name is optional.
    private mutating func functionLiteral() throws(ScriptError) -> FunctionLiteral {
        let start = current.range
        advance()  // fn
        var name: String?
        if case .identifier(let identifier) = current.kind {
            name = identifier
            advance()
        }
        _ = try expect(.leftParen, name == nil ? "after `fn` for the parameters" : "after the function's name for its parameters")
        var parameters = [FunctionLiteral.Parameter]()
        while !take(.rightParen) {
            guard case .identifier(let parameter) = current.kind else {
                throw unexpected("expected a parameter name", help: "write `fn name(x, k: 5) = ...`")
            }
            let range = current.range
            if parameters.contains(where: { $0.name == parameter }) {
                throw ScriptError("the parameter `\(parameter)` appears twice", at: range)
            }
            advance()
            var defaultValue: Expression?
            if take(.colon) {
                defaultValue = try expression()
            } else if parameters.contains(where: { $0.defaultValue != nil }) {
                throw ScriptError("the parameter `\(parameter)` needs a default, as the ones before it have", at: range,
                                  help: "put parameters without a default first: `fn f(x, k: 5)`")
            }
            parameters.append(.init(name: parameter, range: range, defaultValue: defaultValue))
            if !take(.comma) {
                _ = try expect(.rightParen, "or `,` after the parameter")
                break
            }
        }
        let functionBody: Body
        if take(.assign) {
            let value = try expression()
            functionBody = Body(statements: [.expression(value)], range: value.range)
        } else if case .symbol(.leftBrace) = current.kind {
            functionBody = try body()
        } else {
            throw unexpected("expected `=` or `{` for the function's body",
                             help: "write `fn f(x) = x * 2`, or `fn f(x) { ... }` for several lines")
        }
        return FunctionLiteral(name: name, parameters: parameters, body: functionBody, range: start.to(functionBody.range))
    }

    /// `{ statement; statement }`, over lines.
    private mutating func body() throws(ScriptError) -> Body {
        let open = try expect(.leftBrace, "to open the block")
        var statements = [Statement]()
        while true {
            while case .newline = current.kind { advance() }
            if case .symbol(.rightBrace) = current.kind { break }
            statements.append(try statement())
            switch current.kind {
            case .newline, .symbol(.rightBrace): continue
            default:
                throw unexpected("expected the end of the statement or `}`",
                                 help: "put each statement on its own line or separate them with `;`")
            }
        }
        let close = current.range
        advance()
        return Body(statements: statements, range: open.to(close))
    }

    /// `if condition { ... }`, optionally followed by `else { ... }` or `else if ...`, even on the next line.
    private mutating func conditional() throws(ScriptError) -> Expression {
        let start = current.range
        advance()  // if
        let condition = try expression()
        guard case .symbol(.leftBrace) = current.kind else {
            throw unexpected("expected `{` after the condition of `if`", help: "write `if condition { ... } else { ... }`")
        }
        let then = try body()
        var lookahead = position
        while case .newline = tokens[lookahead].kind { lookahead += 1 }
        guard case .keyword(.else) = tokens[lookahead].kind else {
            return .conditional(condition, then, nil, start.to(then.range))
        }
        position = lookahead
        advance()  // else
        let otherwise: Body
        if case .keyword(.if) = current.kind {
            let nested = try conditional()
            otherwise = Body(statements: [.expression(nested)], range: nested.range)
        } else if case .symbol(.leftBrace) = current.kind {
            otherwise = try body()
        } else {
            throw unexpected("expected `{` or `if` after `else`")
        }
        return .conditional(condition, then, otherwise, start.to(otherwise.range))
    }

    /// `for v in xs { ... }`
    private mutating func loop() throws(ScriptError) -> Statement {
        advance()  // for
        guard case .identifier(let variable) = current.kind else {
            throw unexpected("expected the loop's variable after `for`", help: "write `for v in xs { ... }`")
        }
        let variableRange = current.range
        advance()
        guard case .keyword(.in) = current.kind else {
            throw unexpected("expected `in` after the loop's variable", help: "write `for \(variable) in xs { ... }`")
        }
        advance()
        let sequence = try expression()
        guard case .symbol(.leftBrace) = current.kind else {
            throw unexpected("expected `{` to open the loop's body", help: "write `for \(variable) in xs { ... }`")
        }
        return .loop(variable: variable, variableRange, sequence, try body())
    }
}
