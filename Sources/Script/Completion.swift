import Foundation

/// Tab completion for the REPL, from the text before the cursor:
/// - inside a string: region ids and names, indicator and dimension codes of every portfolio in
///   the session, and file paths (`benchmark(p, "Nor` → `Nordjylland`, `portfolio("Da` → `Data/`);
/// - after a dot: the fields of the value before it (`u.re` → `u.regions`), found by looking
///   names and fields up, never by calling a function;
/// - inside a call: the function's argument names not given yet (`uncertainty(p, sa` → `samples: `),
///   then variables and functions;
/// - elsewhere: variables, functions (with their opening parenthesis) and keywords.
///
/// Candidates are the whole words that replace the text from `start` (a character offset in the
/// line) to the cursor, sorted, without duplicates.
public struct Completion: Equatable {
    public var start: Int
    public var candidates: [String]
}

extension Interpreter {
    public func completions(before text: String) -> Completion {
        let characters = Array(text)
        if let quote = openQuote(in: characters) {
            let typed = String(characters[(quote + 1)...])
            return Completion(start: quote + 1, candidates: sorted((dataNames() + filePaths(completing: typed)).filter { $0.hasPrefix(typed) }))
        }
        var start = characters.count
        while start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber || characters[start - 1] == "_" { start -= 1 }
        let typed = String(characters[start...])
        if start > 0, characters[start - 1] == "." {
            let fields = fieldNames(of: String(characters[..<(start - 1)]))
            return Completion(start: start, candidates: sorted(fields.filter { $0.hasPrefix(typed) }))
        }
        var candidates = Array(variables.keys) + functions.keys.map { $0 + "(" }
            + Token.Keyword.allCases.map(\.rawValue)
        if let function = enclosingFunction(of: characters[..<start]) {
            let given = Set(labels(in: characters[..<start]))
            candidates += function.parameters.filter { !$0.variadic && !$0.options && !given.contains($0.name) }.map { $0.name + ": " }
        }
        return Completion(start: start, candidates: sorted(candidates.filter { $0.hasPrefix(typed) }))
    }

    private func sorted(_ names: [String]) -> [String] {
        Array(Set(names)).sorted()
    }

    /// The offset of the quote that opens an unfinished string, if the text ends inside one.
    private func openQuote(in characters: [Character]) -> Int? {
        var open: Int?
        var i = 0
        while i < characters.count {
            if open != nil && characters[i] == "\\" {
                i += 2
                continue
            }
            if characters[i] == "\"" { open = open == nil ? i : nil }
            if open == nil && characters[i] == "#" { return nil }
            i += 1
        }
        return open
    }

    /// Region ids and names, indicator and dimension codes of the session's portfolios.
    private func dataNames() -> [String] {
        variables.values.flatMap { value -> [String] in
            guard case .object(let object as PortfolioObject) = value else { return [] }
            let p = object.portfolio
            return p.regions.flatMap { [$0.id] + ($0.name.map { [$0] } ?? []) }
                + p.framework.indicators.map(\.id) + p.framework.dimensions.map(\.code)
        }
    }

    /// Files and folders (with a trailing `/`) whose path starts with `typed`.
    private func filePaths(completing typed: String) -> [String] {
        let slash = typed.lastIndex(of: "/")
        let folder = slash.map { String(typed[...$0]) } ?? ""
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        return entries.filter { !$0.hasPrefix(".") || typed.hasSuffix(".") }.map { entry in
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: folder + entry, isDirectory: &isFolder)
            return folder + entry + (isFolder.boolValue ? "/" : "")
        }
    }

    /// The fields of `name.field.field` at the end of `text`, looked up without calling anything.
    private func fieldNames(of text: String) -> [String] {
        var path = [String](), current = ""
        for character in text.reversed() {
            if character.isLetter || character.isNumber || character == "_" {
                current.insert(character, at: current.startIndex)
            } else if character == "." && !current.isEmpty {
                path.insert(current, at: 0)
                current = ""
            } else {
                break
            }
        }
        guard !current.isEmpty, var value = variables[current] else { return [] }
        for field in path {
            guard let next = try? Indexing.field(field, of: value, SourceRange(0, 0)) else { return [] }
            value = next
        }
        switch value {
        case .object(let object): return object.fieldNames
        case .record(let record): return record.fields.map(\.name)
        case .table(let table): return table.columns.map(\.name)
        default: return []
        }
    }

    /// The function whose call's parentheses are open at the end of the text.
    private func enclosingFunction(of text: ArraySlice<Character>) -> Builtin? {
        guard let open = openParenthesis(in: text) else { return nil }
        var start = open
        while start > text.startIndex, text[start - 1].isLetter || text[start - 1].isNumber || text[start - 1] == "_" { start -= 1 }
        let name = String(text[start..<open])
        if case .function(let f)? = variables[name] { return f }
        return functions[name]
    }

    private func openParenthesis(in text: ArraySlice<Character>) -> Int? {
        var open = [Int](), inString = false
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if inString {
                if c == "\\" { i += 1 } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "(" || c == "[" || c == "{" {
                open.append(c == "(" ? i : -1)
            } else if c == ")" || c == "]" || c == "}" {
                _ = open.popLast()
            }
            i += 1
        }
        guard let last = open.last, last >= 0 else { return nil }
        return last
    }

    /// Argument names already given in the innermost open call: `name:`.
    private func labels(in text: ArraySlice<Character>) -> [String] {
        guard let open = openParenthesis(in: text) else { return [] }
        let inside = String(text[(open + 1)...])
        return inside.split(separator: ",").compactMap { part in
            let piece = part.trimmingCharacters(in: .whitespaces)
            guard let colon = piece.firstIndex(of: ":") else { return nil }
            let label = String(piece[..<colon])
            return label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? label : nil
        }
    }
}
