/// A value as data: what a chart's marks stand for and what the JSON of any displayed object
/// holds. A tree of numbers (NaN = missing), texts, booleans, lists and records with ordered
/// fields; `JSONText` writes it.
public indirect enum Datum: Sendable, Equatable {
    case number(Double)
    case text(String)
    case bool(Bool)
    case list([Datum])
    case record([Field])

    /// A named entry of a record.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: Datum

        public init(_ name: String, _ value: Datum) {
            self.name = name
            self.value = value
        }
    }

    /// Missing: a NaN number, JSON `null`.
    public static let missing = Datum.number(.nan)

    /// A list of numbers.
    public static func numbers(_ xs: [Double]) -> Datum { .list(xs.map(Datum.number)) }

    /// A list of texts.
    public static func texts(_ xs: [String]) -> Datum { .list(xs.map(Datum.text)) }

    /// A whole number.
    public static func count(_ n: Int) -> Datum { .number(Double(n)) }

    /// The field `name` of a record; nil for other data.
    public subscript(name: String) -> Datum? {
        if case .record(let fields) = self { return fields.first { $0.name == name }?.value }
        return nil
    }

    public static func == (lhs: Datum, rhs: Datum) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): a == b || (a.isNaN && b.isNaN)
        case (.text(let a), .text(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.record(let a), .record(let b)): a == b
        default: false
        }
    }
}
