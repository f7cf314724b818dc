/// A piece of script text with the name errors give it (`input` in the REPL, a file's path).
/// Positions are offsets in `characters`, so that columns count what a user sees.
public struct Source: Sendable {
    public let name: String
    public let text: String
    let characters: [Character]
    /// Offsets at which each line starts.
    let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        characters = Array(text)
        var starts = [0]
        for (offset, character) in characters.enumerated() where character.isNewline {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// 1-based line and column of an offset.
    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    /// The text a range covers.
    func text(of range: SourceRange) -> String {
        String(characters[min(range.start, characters.count)..<min(range.end, characters.count)])
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : characters.count
        while end > start && characters[end - 1].isNewline { end -= 1 }
        return String(characters[start..<end])
    }
}

/// A half-open range of character offsets in a `Source`.
public struct SourceRange: Equatable, Sendable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(end, start)
    }

    /// The smallest range covering both.
    func to(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }
}
