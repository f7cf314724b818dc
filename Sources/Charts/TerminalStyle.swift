/// How roles look in a terminal: the characters of points and fills, and ANSI colours (used
/// only when colour is on). Shapes and fills alone tell the marks apart, so a chart reads in
/// monochrome and on paper.
enum TerminalStyle {
    static let reset = "\u{1B}[0m"

    /// The escape sequence that starts the look of `role`; empty for plain text.
    static func sequence(_ role: Role?, bold: Bool) -> String {
        var codes = [String]()
        if bold { codes.append("1") }
        switch role {
        case .portfolio?: codes.append("34")
        case .composite?: codes.append("34"); if !bold { codes.append("1") }
        case .region?: codes.append("31"); if !bold { codes.append("1") }
        case .reference?: codes.append("33")
        case .band?: codes.append("36")
        case .outlier?: codes.append("35")
        case .series(let i)?: codes.append(["34", "33", "32", "35", "36", "31", "90"][i % 7])
        case .interval?: break
        case .guide?: codes.append("2")
        case nil: break
        }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func character(_ symbol: Symbol) -> Character {
        switch symbol {
        case .circle: "●"
        case .openCircle: "○"
        case .diamond: "◆"
        case .square: "■"
        case .triangle: "▲"
        case .cross: "✕"
        case .star: "★"
        case .tick: "┃"
        }
    }

    /// The fill of a bar or band of `role`: solid for the data, shades for ranges and series.
    static func fill(_ role: Role) -> Character {
        switch role {
        case .band: "░"
        case .reference: "▒"
        case .series(let i): ["█", "▒", "▓", "░"][i % 4]
        case .guide: "·"
        default: "█"
        }
    }

    /// The eighths of a cell filled from the left: ▏ (1/8) to █ (8/8).
    static let leftEighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    /// The eighths of a cell filled from the bottom: ▁ (1/8) to █ (8/8).
    static let lowerEighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
}
