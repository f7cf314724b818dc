import Stats

/// A value of the script language.
///
/// Missing is explicit: the literal `missing`, and NaN inside numbers and numeric vectors, print
/// as `missing` and convert to JSON `null`; statistics remove and count them.
public enum Value: Sendable {
    /// A number; NaN is `missing`.
    case number(Double)
    case string(String)
    case bool(Bool)
    /// A numeric vector; NaN elements are missing.
    case vector([Double])
    /// Any other vector: strings, booleans, mixed values, or the rows of a matrix.
    case list([Value])
    case record(Record)
    /// A block of text for reading, such as `help`; prints as it is.
    case text(String)
    case function(Builtin)

    public static let missing = Value.number(.nan)

    /// The name of the value's kind, for error messages.
    var kind: String {
        switch self {
        case .number(let x): x.isNaN ? "missing" : "a number"
        case .string: "a string"
        case .bool: "a boolean"
        case .vector: "a numeric vector"
        case .list: "a vector"
        case .record: "a record"
        case .text: "a text"
        case .function: "a function"
        }
    }

    /// A vector literal's value: numeric when every element is a number or missing.
    static func vector(of elements: [Value]) -> Value {
        var numbers = [Double]()
        numbers.reserveCapacity(elements.count)
        for element in elements {
            guard case .number(let x) = element else { return .list(elements) }
            numbers.append(x)
        }
        return .vector(numbers)
    }

    /// The elements of a vector or list, as values.
    var elements: [Value]? {
        switch self {
        case .vector(let xs): xs.map(Value.number)
        case .list(let values): values
        default: nil
        }
    }
}

/// A record: named fields in order, with an optional title that says what it is and by which
/// conventions it was computed (shown in the REPL, not part of the JSON).
public struct Record: Sendable {
    public var title: String?
    public var fields: [(name: String, value: Value)]

    public init(title: String? = nil, _ fields: [(name: String, value: Value)]) {
        self.title = title
        self.fields = fields
    }

    public subscript(name: String) -> Value? {
        fields.first { $0.name == name }?.value
    }
}
