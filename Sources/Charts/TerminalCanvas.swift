/// A grid of terminal cells to draw a chart on: each cell holds a character, or braille dots
/// (2 x 4 per cell) for lines, with the role that colours it. A character hides the dots of
/// its cell, so symbols and text stay legible over lines.
struct TerminalCanvas {
    struct Cell {
        /// nil: the second column of a wide character on the left.
        var character: Character? = " "
        var dots: UInt8 = 0
        var role: Role?
        var bold = false
    }

    let width: Int
    let height: Int
    private(set) var cells: [Cell]

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && x < width && y >= 0 && y < height }

    /// A cell that holds neither a character nor dots.
    func isEmpty(_ x: Int, _ y: Int) -> Bool {
        guard contains(x, y) else { return false }
        let cell = cells[y * width + x]
        return cell.character == " " && cell.dots == 0
    }

    /// A cell without a character (dots may be there).
    func hasNoCharacter(_ x: Int, _ y: Int) -> Bool {
        guard contains(x, y) else { return false }
        return cells[y * width + x].character == " "
    }

    /// Puts a character; `onlyIfEmpty` keeps what is there already.
    mutating func put(_ character: Character, _ x: Int, _ y: Int, role: Role?, bold: Bool = false, onlyIfEmpty: Bool = false) {
        guard contains(x, y), !onlyIfEmpty || isEmpty(x, y) else { return }
        if cells[y * width + x].character == nil, x > 0 { cells[y * width + x - 1].character = " " }
        cells[y * width + x] = Cell(character: character, dots: 0, role: role, bold: bold)
        if TerminalText.width(character) == 2 {
            if x + 1 < width { cells[y * width + x + 1] = Cell(character: nil, dots: 0, role: role, bold: bold) }
            else { cells[y * width + x].character = "?" }
        }
    }

    /// Writes text from column `x`, cut at the canvas's edge.
    mutating func write(_ text: String, _ x: Int, _ y: Int, role: Role?, bold: Bool = false) {
        var column = x
        for character in text {
            let w = TerminalText.width(character)
            if column + w > width { break }
            put(character, column, y, role: role, bold: bold)
            column += w
        }
    }

    /// Sets one braille dot; dot coordinates run 2 per column and 4 per row.
    mutating func dot(_ dx: Int, _ dy: Int, role: Role) {
        let x = dx >= 0 ? dx / 2 : -1, y = dy >= 0 ? dy / 4 : -1
        guard contains(x, y) else { return }
        let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        var cell = cells[y * width + x]
        guard cell.character == " " else { return }
        if cell.dots == 0 || cell.role == nil { cell.role = role }
        cell.dots |= bits[dx % 2][dy % 4]
        cells[y * width + x] = cell
    }

    /// A line of dots between two points in dot coordinates.
    mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, role: Role, dashed: Bool = false) {
        let steps = Int(max(abs(x1 - x0), abs(y1 - y0)).rounded(.up))
        if steps == 0 {
            dot(Int(x0.rounded()), Int(y0.rounded()), role: role)
            return
        }
        for i in 0...steps where !dashed || (i / 2) % 2 == 0 {
            let t = Double(i) / Double(steps)
            dot(Int((x0 + (x1 - x0) * t).rounded()), Int((y0 + (y1 - y0) * t).rounded()), role: role)
        }
    }

    /// The rows as text: trailing spaces removed, runs of one role coloured when `colour`.
    func lines(colour: Bool) -> [String] {
        (0..<height).map { y in
            var text = "", current = ""
            var trailing = 0
            for x in 0..<width {
                let cell = cells[y * width + x]
                guard let stored = cell.character else { continue }
                let character: Character = cell.dots != 0 && stored == " "
                    ? Character(Unicode.Scalar(0x2800 + UInt32(cell.dots))!) : stored
                if colour && character != " " {
                    let sequence = TerminalStyle.sequence(cell.role, bold: cell.bold)
                    if sequence != current {
                        text += (current.isEmpty ? "" : TerminalStyle.reset) + sequence
                        current = sequence
                    }
                }
                text.append(character)
                trailing = character == " " ? trailing + 1 : 0
            }
            if trailing > 0 { text.removeLast(trailing) }
            if !current.isEmpty { text += TerminalStyle.reset }
            return text
        }
    }
}
