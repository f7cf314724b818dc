/// Splits script text into tokens. Line breaks inside `()`, `[]` and `{}` are white space, so
/// that calls, vectors and records may span lines; elsewhere they end a statement, as does `;`.
/// `#` starts a comment to the end of the line. Strings are in double quotes with the escapes
/// `\"`, `\\`, `\n` and `\t`. Numbers: `12`, `3.5`, `.5`, `1e-3`.
struct Lexer {
    let source: Source

    func tokens() throws(ScriptError) -> [Token] {
        let c = source.characters
        var result = [Token]()
        var depth = 0
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch == "#" {
                while i < c.count && !c[i].isNewline { i += 1 }
                continue
            }
            if ch.isNewline || ch == ";" {
                if depth == 0 || ch == ";" { result.append(Token(kind: .newline, range: SourceRange(i, i + 1))) }
                i += 1
                continue
            }
            if ch.isWhitespace {
                i += 1
                continue
            }
            let start = i
            if ch.isASCII && (ch.isNumber || (ch == "." && i + 1 < c.count && c[i + 1].isASCII && c[i + 1].isNumber)) {
                i = scanNumber(from: i)
                let text = String(c[start..<i])
                guard let value = Double(text) else {
                    throw ScriptError("`\(text)` is not a number", at: SourceRange(start, i))
                }
                result.append(Token(kind: .number(value), range: SourceRange(start, i)))
                continue
            }
            if ch.isLetter || ch == "_" {
                while i < c.count && (c[i].isLetter || c[i].isNumber || c[i] == "_") { i += 1 }
                let word = String(c[start..<i])
                let kind: Token.Kind = Token.Keyword(rawValue: word).map { .keyword($0) } ?? .identifier(word)
                result.append(Token(kind: kind, range: SourceRange(start, i)))
                continue
            }
            if ch == "\"" {
                let (text, next) = try scanString(from: i)
                result.append(Token(kind: .string(text), range: SourceRange(start, next)))
                i = next
                continue
            }
            guard let symbol = Token.Symbol.allCases.first(where: { matches($0.rawValue, at: i) }) else {
                throw ScriptError("unexpected character `\(ch)`", at: SourceRange(i, i + 1))
            }
            switch symbol {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace: depth = max(0, depth - 1)
            default: break
            }
            i += symbol.rawValue.count
            result.append(Token(kind: .symbol(symbol), range: SourceRange(start, i)))
        }
        result.append(Token(kind: .end, range: SourceRange(c.count, c.count)))
        return result
    }

    private func matches(_ text: String, at offset: Int) -> Bool {
        let c = source.characters
        var i = offset
        for ch in text {
            guard i < c.count, c[i] == ch else { return false }
            i += 1
        }
        return true
    }

    private func scanNumber(from start: Int) -> Int {
        let c = source.characters
        func isDigit(_ i: Int) -> Bool { i < c.count && c[i].isASCII && c[i].isNumber }
        var i = start
        while isDigit(i) { i += 1 }
        if i < c.count && c[i] == "." && (isDigit(i + 1) || !(i + 1 < c.count && (c[i + 1].isLetter || c[i + 1] == "_"))) {
            i += 1
            while isDigit(i) { i += 1 }
        }
        if i < c.count && (c[i] == "e" || c[i] == "E") {
            var j = i + 1
            if j < c.count && (c[j] == "+" || c[j] == "-") { j += 1 }
            if isDigit(j) {
                i = j
                while isDigit(i) { i += 1 }
            }
        }
        return i
    }

    private func scanString(from start: Int) throws(ScriptError) -> (String, Int) {
        let c = source.characters
        var text = ""
        var i = start + 1
        while i < c.count {
            let ch = c[i]
            if ch == "\"" { return (text, i + 1) }
            if ch.isNewline { break }
            if ch == "\\" && i + 1 < c.count {
                switch c[i + 1] {
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                case "n": text.append("\n")
                case "t": text.append("\t")
                default:
                    throw ScriptError("unknown escape `\\\(c[i + 1])` in a string", at: SourceRange(i, i + 2),
                                      help: "use \\\", \\\\, \\n or \\t")
                }
                i += 2
                continue
            }
            text.append(ch)
            i += 1
        }
        throw ScriptError("this string has no closing quote", at: SourceRange(start, i),
                          help: "end the string with \" on the same line")
    }
}
