/// Splits script text into tokens.
///
/// - Line breaks end a statement, as does `;`, except inside `()`, `[]` and record braces
///   `{name: value}`, so that calls, vectors and records may span lines. Inside a block's braces
///   (`fn f(x) { ... }`, `if c { ... }`, `for v in xs { ... }`) line breaks separate its
///   statements again. A `{` opens a block when it follows the end of an operand (a name, a
///   literal, `)`, `]`, `}`) or `else`; anywhere else it opens a record.
/// - A line that starts with `|>` continues the statement above it, so pipelines read down the page.
/// - `#` starts a comment to the end of the line.
/// - Strings are in double quotes with the escapes `\"`, `\\`, `\n`, `\t`, `\{` and `\}`;
///   `{expression}` inside a string is replaced by the expression's value: `"rank {r} of {n}"`.
/// - Numbers: `12`, `3.5`, `.5`, `1e-3`.
///
/// Brackets nested deeper than `maximumDepth` are an error rather than a risk to the stack.
struct Lexer {
    let source: Source
    static let maximumDepth = 200

    private enum Bracket { case paren, bracket, record, block }

    func tokens() throws(ScriptError) -> [Token] {
        try tokens(from: 0, to: source.characters.count, inside: [])
    }

    private func tokens(from begin: Int, to limit: Int, inside outer: [Bracket]) throws(ScriptError) -> [Token] {
        let c = source.characters
        var result = [Token]()
        var open = outer
        var i = begin
        while i < limit {
            let ch = c[i]
            if ch == "#" {
                while i < limit && !c[i].isNewline { i += 1 }
                continue
            }
            if ch.isNewline || ch == ";" {
                let separates = ch == ";" || open.last == nil || open.last == .block
                if separates && !(ch.isNewline && continuesWithPipe(after: i, limit: limit)) {
                    result.append(Token(kind: .newline, range: SourceRange(i, i + 1)))
                }
                i += 1
                continue
            }
            if ch.isWhitespace {
                i += 1
                continue
            }
            let start = i
            if ch.isASCII && (ch.isNumber || (ch == "." && i + 1 < limit && c[i + 1].isASCII && c[i + 1].isNumber)) {
                i = scanNumber(from: i, limit: limit)
                let text = String(c[start..<i])
                guard let value = Double(text) else {
                    throw ScriptError("`\(text)` is not a number", at: SourceRange(start, i))
                }
                result.append(Token(kind: .number(value), range: SourceRange(start, i)))
                continue
            }
            if ch.isLetter || ch == "_" {
                while i < limit && (c[i].isLetter || c[i].isNumber || c[i] == "_") { i += 1 }
                let word = String(c[start..<i])
                let kind: Token.Kind = Token.Keyword(rawValue: word).map { .keyword($0) } ?? .identifier(word)
                result.append(Token(kind: kind, range: SourceRange(start, i)))
                continue
            }
            if ch == "\"" {
                let (kind, next) = try scanString(from: i, limit: limit, depth: open.count)
                result.append(Token(kind: kind, range: SourceRange(start, next)))
                i = next
                continue
            }
            guard let symbol = Token.Symbol.allCases.first(where: { matches($0.rawValue, at: i, limit: limit) }) else {
                throw ScriptError("unexpected character `\(ch)`", at: SourceRange(i, i + 1))
            }
            switch symbol {
            case .leftParen, .leftBracket, .leftBrace:
                guard open.count < Self.maximumDepth else {
                    throw ScriptError("brackets are nested more than \(Self.maximumDepth) deep", at: SourceRange(i, i + 1),
                                      help: "split the expression into steps with names")
                }
                open.append(symbol == .leftParen ? .paren : symbol == .leftBracket ? .bracket
                            : opensBlock(after: result.last) ? .block : .record)
            case .rightParen, .rightBracket, .rightBrace:
                if !open.isEmpty { open.removeLast() }
            default: break
            }
            i += symbol.rawValue.count
            result.append(Token(kind: .symbol(symbol), range: SourceRange(start, i)))
        }
        result.append(Token(kind: .end, range: SourceRange(limit, limit)))
        return result
    }

    /// A `{` after the end of an operand or after `else` opens a block; elsewhere a record.
    private func opensBlock(after previous: Token?) -> Bool {
        switch previous?.kind {
        case .number, .string, .template, .identifier: true
        case .keyword(let k): [.true, .false, .missing, .else].contains(k)
        case .symbol(let s): s == .rightParen || s == .rightBracket || s == .rightBrace
        default: false
        }
    }

    /// Whether the next line that is not blank or a comment starts with `|>`.
    private func continuesWithPipe(after offset: Int, limit: Int) -> Bool {
        let c = source.characters
        var i = offset + 1
        while i < limit {
            if c[i] == "#" {
                while i < limit && !c[i].isNewline { i += 1 }
            } else if c[i].isWhitespace {
                i += 1
            } else {
                return matches("|>", at: i, limit: limit)
            }
        }
        return false
    }

    private func matches(_ text: String, at offset: Int, limit: Int) -> Bool {
        let c = source.characters
        var i = offset
        for ch in text {
            guard i < limit, c[i] == ch else { return false }
            i += 1
        }
        return true
    }

    private func scanNumber(from start: Int, limit: Int) -> Int {
        let c = source.characters
        func isDigit(_ i: Int) -> Bool { i < limit && c[i].isASCII && c[i].isNumber }
        var i = start
        while isDigit(i) { i += 1 }
        if i < limit && c[i] == "." && (isDigit(i + 1) || !(i + 1 < limit && (c[i + 1].isLetter || c[i + 1] == "_"))) {
            i += 1
            while isDigit(i) { i += 1 }
        }
        if i < limit && (c[i] == "e" || c[i] == "E") {
            var j = i + 1
            if j < limit && (c[j] == "+" || c[j] == "-") { j += 1 }
            if isDigit(j) {
                i = j
                while isDigit(i) { i += 1 }
            }
        }
        return i
    }

    /// A string literal from its opening quote: plain, or a template when it holds `{...}`.
    private func scanString(from start: Int, limit: Int, depth: Int) throws(ScriptError) -> (Token.Kind, Int) {
        let c = source.characters
        var parts = [Token.TemplatePart]()
        var text = ""
        var i = start + 1
        while i < limit {
            let ch = c[i]
            if ch == "\"" {
                if parts.isEmpty { return (.string(text), i + 1) }
                if !text.isEmpty { parts.append(.text(text)) }
                return (.template(parts), i + 1)
            }
            if ch.isNewline { break }
            if ch == "\\" && i + 1 < limit {
                switch c[i + 1] {
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "{": text.append("{")
                case "}": text.append("}")
                default:
                    throw ScriptError("unknown escape `\\\(c[i + 1])` in a string", at: SourceRange(i, i + 2),
                                      help: "use \\\", \\\\, \\n, \\t, \\{ or \\}")
                }
                i += 2
                continue
            }
            if ch == "{" {
                let close = try closingBrace(of: i, limit: limit)
                guard c[(i + 1)..<close].contains(where: { !$0.isWhitespace }) else {
                    throw ScriptError("empty `{}` in a string", at: SourceRange(i, close + 1),
                                      help: "put an expression inside, as in \"rank {r}\", or write \\{ for a brace")
                }
                guard depth < Self.maximumDepth else {
                    throw ScriptError("strings are nested more than \(Self.maximumDepth) deep", at: SourceRange(i, close + 1))
                }
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                let code = try tokens(from: i + 1, to: close, inside: Array(repeating: .paren, count: depth + 1))
                parts.append(.code(code, SourceRange(i + 1, close)))
                i = close + 1
                continue
            }
            text.append(ch)
            i += 1
        }
        throw ScriptError("this string has no closing quote", at: SourceRange(start, i),
                          help: "end the string with \" on the same line")
    }

    /// The `}` that closes the `{` at `open` inside a string, skipping nested strings and braces.
    private func closingBrace(of open: Int, limit: Int) throws(ScriptError) -> Int {
        let c = source.characters
        var depth = 0
        var i = open
        var inString = false
        while i < limit && !c[i].isNewline {
            let ch = c[i]
            if inString {
                if ch == "\\" { i += 1 } else if ch == "\"" { inString = false }
            } else if ch == "\"" {
                inString = true
            } else if ch == "{" {
                depth += 1
            } else if ch == "}" {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        throw ScriptError("`{` in a string has no closing `}`", at: SourceRange(open, open + 1),
                          help: "close the expression with }, or write \\{ for a brace")
    }
}
