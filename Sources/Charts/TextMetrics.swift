/// Text widths for laying out SVG without a font engine: DejaVu Sans's advance widths (the font
/// the SVG names first, and Debian's default sans-serif) for the Latin letters of European names;
/// combining marks take no width, East Asian wide characters one em, anything else 0.7 em (a wide
/// guess). The fallbacks the SVG names (Verdana, then Arial and any sans-serif) are as wide or
/// narrower, so text measured here neither overlaps nor leaves the canvas.
enum TextMetrics {
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        let table = bold ? DejaVuMetrics.bold : DejaVuMetrics.regular
        var units = 0.0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= DejaVuMetrics.first && v < DejaVuMetrics.first + UInt32(table.count), table[Int(v - DejaVuMetrics.first)] > 0 {
                units += Double(table[Int(v - DejaVuMetrics.first)])
            } else if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) {
                continue
            } else if TerminalText.width(Character(scalar)) == 2 {
                units += DejaVuMetrics.unitsPerEm
            } else {
                units += 0.7 * DejaVuMetrics.unitsPerEm
            }
        }
        return units / DejaVuMetrics.unitsPerEm * size
    }

    /// `text` cut to fit `width`, ending in `…` when cut.
    static func truncated(_ text: String, to width: Double, size: Double, bold: Bool = false) -> String {
        guard self.width(text, size: size, bold: bold) > width else { return text }
        var out = ""
        for character in text {
            if self.width(out + String(character) + "…", size: size, bold: bold) > width { break }
            out.append(character)
        }
        return out + "…"
    }

    /// The words of `text` in lines no wider than `width` (a longer word is cut); line breaks
    /// of the text are kept.
    static func wrapped(_ text: String, to width: Double, size: Double, bold: Bool = false) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph -> [String] in
            var lines = [String](), line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if !line.isEmpty && self.width(candidate, size: size, bold: bold) > width {
                    lines.append(line)
                    line = String(word)
                } else {
                    line = candidate
                }
            }
            lines.append(line)
            return lines.map { truncated($0, to: width, size: size, bold: bold) }
        }
    }
}
