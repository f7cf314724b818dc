/// A lexical token with the range it covers.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        /// A line break outside brackets, or `;`: the end of a statement.
        case newline
        case end
    }

    enum Keyword: String, CaseIterable {
        case `true`, `false`, missing, and, or, not
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
        case .identifier(let name): "`\(name)`"
        case .keyword(let k): "`\(k.rawValue)`"
        case .symbol(let s): "`\(s.rawValue)`"
        case .newline: "the end of the line"
        case .end: "the end of the input"
        }
    }
}
