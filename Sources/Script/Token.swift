/// A lexical token with the range it covers.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case number(Double)
        case string(String)
        /// A string with `{expression}` parts: `"rank {r} of {n}"`.
        case template([TemplatePart])
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        /// A line break outside brackets, or `;`: the end of a statement.
        case newline
        case end
    }

    enum Keyword: String, CaseIterable {
        case `true`, `false`, missing, and, or, not
        case fn, `if`, `else`, `for`, `in`
    }

    /// A piece of a string template: text as written, or the tokens of an embedded expression.
    enum TemplatePart: Equatable, Sendable {
        case text(String)
        case code([Token], SourceRange)
    }

    enum Symbol: String, CaseIterable {
        // Longest first, so that the lexer matches `|>` before `|` and `<=` before `<`.
        case pipe = "|>", equal = "==", notEqual = "!=", lessEqual = "<=", greaterEqual = ">="
        case plus = "+", minus = "-", times = "*", divide = "/", power = "^"
        case less = "<", greater = ">", assign = "="
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
        case leftBrace = "{", rightBrace = "}", comma = ",", colon = ":", dot = "."
    }

    var kind: Kind
    var range: SourceRange

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .number(let x): "number \(Format.number(x))"
        case .string(let s): "string \"\(s)\""
        case .template: "a string with {…}"
        case .identifier(let name): "`\(name)`"
        case .keyword(let k): "`\(k.rawValue)`"
        case .symbol(let s): "`\(s.rawValue)`"
        case .newline: "the end of the line"
        case .end: "the end of the input"
        }
    }
}
