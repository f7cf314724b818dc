import Stats

/// The language a notebook, a report or a chart is written in: how its numbers and dates read
/// and the words the toolkit itself puts into charts (legends, axis titles). English by default;
/// German writes a decimal comma (`0 0,5 1 1,5` on an axis, `1,92` in a table) and long dates
/// as `6. Dezember 2026`, as German publications do (DIN 5008).
///
/// The wording of a report lives in its notebook, not here: this holds only the few words that
/// charts and page furniture (footer, page numbers) need.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case german = "de"

    /// `en` or `de` (also `english`, `deutsch`, `german`), case-insensitive.
    public init?(code: String) {
        switch code.lowercased() {
        case "en", "english": self = .english
        case "de", "german", "deutsch": self = .german
        default: return nil
        }
    }

    /// The policy for numbers: a decimal point in English, a decimal comma in German.
    public var numbers: NumberFormat {
        switch self {
        case .english: NumberFormat.standard
        case .german: NumberFormat(decimalSeparator: ",", missing: "fehlt")
        }
    }

    /// A date written out from its parts (month 1...12).
    public func longDate(year: Int, month: Int, day: Int) -> String {
        let months = switch self {
        case .english: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        case .german: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
        }
        return switch self {
        case .english: "\(day) \(months[month - 1]) \(year)"
        case .german: "\(day). \(months[month - 1]) \(year)"
        }
    }

    /// A date given as `yyyy-MM-dd` written out; any other text as it is.
    public func longDate(_ text: String) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return text }
        return longDate(year: y, month: m, day: d)
    }

    // MARK: Words in charts

    /// The legend of a boxplot (see `Chart.boxplots`).
    func boxLegend(coefficient: Double) -> (box: String, whiskers: String, outlier: String, composite: String) {
        let k = numbers.reading(coefficient)
        return switch self {
        case .english: ("box: 50 % of all values (Q1 to Q3), the line the median",
                        "whiskers: the lowest and the highest 25 % of all values, reduced by outliers",
                        "outlier: beyond \(k) IQR from the box", "composite of the dimension")
        case .german: ("Box: 50 % aller Werte (Q1 bis Q3), die Linie der Median",
                       "Whisker: die untersten und die obersten 25 % aller Werte, ohne Ausreißer",
                       "Ausreißer: mehr als \(k) IQR von der Box entfernt", "Komposit der Dimension")
        }
    }

    /// The legend entry of a marked region: `Nordtal's result`.
    public func result(of region: String) -> String {
        switch self {
        case .english: "\(region)'s result"
        case .german: "Ergebnis von \(region)"
        }
    }

    /// The title of a value axis on a fixed scale: `value (0 = worst, 4 = best)`.
    public func valueAxisTitle(_ name: String? = nil, lowest: Double, highest: Double) -> String {
        let (low, high) = (numbers.reading(lowest), numbers.reading(highest))
        return switch self {
        case .english: "\(name ?? "value") (\(low) = worst, \(high) = best)"
        case .german: "\(name ?? "Wert") (\(low) = am schlechtesten, \(high) = am besten)"
        }
    }

    /// The detail of a dimension's composite row in a panel.
    public var composite: String {
        switch self {
        case .english: "composite"
        case .german: "Komposit"
        }
    }
}
