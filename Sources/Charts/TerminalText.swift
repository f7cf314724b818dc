/// Text measured in terminal columns: most characters take one column, East Asian wide and
/// fullwidth characters and emoji two (as `wcwidth` counts them, for the ranges that occur in
/// names); a grapheme cluster (a letter with its accents) is one character.
enum TerminalText {
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width($1) }
    }

    static func width(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// `text` cut to `columns`, ending in `…` when cut.
    static func truncated(_ text: String, to columns: Int) -> String {
        guard width(text) > columns else { return text }
        guard columns > 1 else { return columns == 1 ? "…" : "" }
        var out = "", used = 0
        for character in text {
            let w = width(character)
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces to `columns` (left-aligned, or right-aligned).
    static func padded(_ text: String, to columns: Int, right: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, columns - width(text)))
        return right ? pad + text : text + pad
    }

    /// The words of `text` in lines of at most `columns` (a longer word gets a line of its own);
    /// line breaks of the text are kept.
    static func wrapped(_ text: String, to columns: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph -> [String] in
            var lines = [String](), line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if !line.isEmpty && width(candidate) > columns {
                    lines.append(line)
                    line = String(word)
                } else {
                    line = candidate
                }
            }
            lines.append(line)
            return lines
        }
    }
}
