import Foundation

/// A line that opens a fenced code block (CommonMark: three or more backticks or tildes,
/// indented at most three spaces; a backtick fence's info string holds no backtick): its
/// character, length and indentation, and whether its info string makes it a cell.
struct Fence {
    let character: Character
    let length: Int
    let indent: Int
    let isCell: Bool

    init?(_ line: String) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let length = rest.prefix { $0 == first }.count
        guard length >= 3 else { return nil }
        let info = rest.dropFirst(length).trimmingCharacters(in: .whitespaces)
        if first == "`" && info.contains("`") { return nil }
        let language = info.split(separator: " ").first.map(String.init) ?? ""
        character = first
        self.length = length
        self.indent = indent
        isCell = language == "stresstest" || language == "{stresstest}"
    }

    func isClosed(by line: String) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == character }.count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// A content line without the fence's indentation (CommonMark).
    func unindented(_ line: String) -> String {
        String(line.dropFirst(min(indent, line.prefix { $0 == " " }.count)))
    }
}
