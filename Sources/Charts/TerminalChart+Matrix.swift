import Stats

/// A matrix: one line per row, the rows numbered and named on the left, the columns by number
/// on top. Where the width allows, each cell shows its value; otherwise a shade from the light
/// `░` to the full `█` by the size of the value, and on a diverging scale a `−` beside the shade
/// of a value below the centre, so that the sign reads without colour.
extension TerminalChart {
    func matrixBody(rows: [String], columns: [String], colours: ColourScale) -> [String] {
        var values = [[Double]](repeating: [Double](repeating: .nan, count: columns.count), count: rows.count)
        for mark in chart.marks {
            if case .cell(let r, let c, let v) = mark.geometry, r < rows.count, c < columns.count { values[r][c] = v }
        }
        let numberWidth = String(rows.count).count
        let nameWidth = min(rows.map(TerminalText.width).max() ?? 0, max(8, width / 4))
        let labelWidth = numberWidth + 1 + nameWidth + 1
        // Values with two decimals (or one, or none) where they fit, else shades.
        var texts = [[String]](), numberCell = 0, showsNumbers = false
        for decimals in Set([min(2, NumberFormat.columnDecimals(values.flatMap { $0 })), 1, 0]).sorted(by: >) {
            texts = values.map { row in row.map { numbers.fixed($0, decimals: decimals) } }
            numberCell = max(3, (texts.flatMap { $0 }.map(TerminalText.width).max() ?? 0) + 1, String(columns.count).count + 1)
            showsNumbers = labelWidth + numberCell * columns.count <= width
            if showsNumbers || decimals == 0 { break }
        }
        let cellWidth = showsNumbers ? numberCell : 2
        let shown = min(columns.count, max(1, (width - labelWidth) / cellWidth))

        var out = [String]()
        let header = (0..<shown).map { c -> String in
            let number = String(c + 1)
            return showsNumbers ? TerminalText.padded(number, to: cellWidth, right: true)
                : TerminalText.padded(String(number.suffix(2)), to: 2, right: true)
        }.joined()
        out.append(String(repeating: " ", count: labelWidth) + header)
        for (r, name) in rows.enumerated() {
            var line = TerminalText.padded(String(r + 1), to: numberWidth, right: true) + " "
                + TerminalText.padded(TerminalText.truncated(name, to: nameWidth), to: nameWidth) + " "
            for c in 0..<shown {
                let value = values[r][c]
                if showsNumbers {
                    line += styled(TerminalText.padded(texts[r][c], to: cellWidth, right: true), role(value, colours))
                } else {
                    line += styled(shade(value, colours), role(value, colours))
                }
            }
            out.append(line)
        }
        var notes = [String]()
        if !showsNumbers {
            notes.append("shades: ░ ▒ ▓ █ from small to large |value| (of \(numbers.ticks([colours.domain.lowerBound, colours.domain.upperBound]).joined(separator: " to ")))"
                         + (isDiverging(colours) ? "; − below \(numbers.reading(centre(colours)))" : ""))
        }
        if shown < columns.count {
            notes.append("(columns 1 to \(shown) of \(columns.count) shown; a wider terminal or width: shows more)")
        }
        return out + notes.flatMap { TerminalText.wrapped($0, to: width) }.map(dim)
    }

    private func isDiverging(_ scale: ColourScale) -> Bool {
        if case .diverging = scale { return true }
        return false
    }

    private func centre(_ scale: ColourScale) -> Double {
        if case .diverging(_, let centre) = scale { return centre }
        return scale.domain.lowerBound
    }

    private func shade(_ value: Double, _ scale: ColourScale) -> String {
        guard !value.isNaN else { return " ?" }
        let p = scale.position(value)
        let level = Int((abs(p) * 4).rounded())
        let character: Character = [" ", "░", "▒", "▓", "█"][level]
        if p < 0 && level > 0 { return String(character) + "−" }
        return String(repeating: character, count: 2)
    }

    private func role(_ value: Double, _ scale: ColourScale) -> Role {
        guard !value.isNaN else { return .guide }
        return scale.position(value) < 0 ? .series(0) : .series(5)
    }
}
