import Stats

extension Mark {
    /// What a reader hovering the mark is told: its label, then each value it stands for,
    /// `I02: n 26, q1 1.89, median 2.24, ...`; numbers as a table column would show them.
    public func description(_ numbers: NumberFormat) -> String? {
        guard let label else { return nil }
        guard !data.isEmpty else { return label }
        return label + ": " + data.map { "\(String($0.name.map { $0 == "_" ? " " : $0 })) \(Self.text($0.value, numbers))" }
            .joined(separator: ", ")
    }

    private static func text(_ datum: Datum, _ numbers: NumberFormat) -> String {
        switch datum {
        case .number(let x): numbers.fixed(x, decimals: NumberFormat.columnDecimals([x]))
        case .text(let s): s
        case .bool(let b): b ? "yes" : "no"
        case .list(let items):
            "[" + items.map { text($0, numbers) }.joined(separator: numbers.decimalSeparator == "," ? "; " : ", ") + "]"
        case .record(let fields): "{" + fields.map { "\($0.name) \(text($0.value, numbers))" }.joined(separator: ", ") + "}"
        }
    }
}
