import Charts
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
    /// A numeric vector whose elements are named (a portfolio's indicator, named by region).
    case named(NamedVector)
    /// Named columns of equal length.
    case table(Table)
    /// A domain object: a portfolio, a survey, scores, a benchmark.
    case object(any ScriptObject)
    /// No value: what `print`, a `for` loop and an `if` without `else` whose condition is false
    /// give. The REPL shows nothing for it.
    case nothing

    public static let missing = Value.number(.nan)

    /// The name of the value's kind, for error messages and the REPL's `:vars`.
    public var kind: String {
        switch self {
        case .number(let x): x.isNaN ? "missing" : "a number"
        case .string: "a string"
        case .bool: "a boolean"
        case .vector: "a numeric vector"
        case .list: "a vector"
        case .record: "a record"
        case .text: "a text"
        case .function: "a function"
        case .named: "a named vector"
        case .table: "a table"
        case .object(let o): o.kind
        case .nothing: "nothing"
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

    var isFunction: Bool {
        if case .function = self { return true }
        return false
    }

    var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// A named vector as a plain numeric vector; any other value as it is.
    var unnamed: Value {
        if case .named(let v) = self { return .vector(v.values) }
        return self
    }

    /// The elements of a vector or list, as values.
    var elements: [Value]? {
        switch self {
        case .vector(let xs): xs.map(Value.number)
        case .named(let v): v.values.map(Value.number)
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

/// A numeric vector with a name per element (unique names, such as region ids).
public struct NamedVector: Sendable {
    public var names: [String]
    /// NaN = missing.
    public var values: [Double]

    public init(names: [String], values: [Double]) {
        precondition(names.count == values.count, "one name per value")
        self.names = names
        self.values = values
    }
}

/// Named columns of equal length, with an optional title stating what they are and by which
/// conventions they were computed. Prints as an aligned table; JSON is an array of row objects.
public struct Table: Sendable {
    public var title: String?
    public var columns: [(name: String, values: [Value])]

    public init(title: String? = nil, _ columns: [(name: String, values: [Value])]) {
        precondition(Set(columns.map(\.values.count)).count <= 1, "columns of equal length")
        self.title = title
        self.columns = columns
    }

    public var rowCount: Int { columns.first?.values.count ?? 0 }
}

/// A domain object in a script: how it reads, its JSON, and its fields (`p.I02`).
public protocol ScriptObject: Sendable {
    /// "a portfolio", for error messages.
    var kind: String { get }
    /// What the REPL, notebooks and reports show: text, tables, fields and charts.
    var presentation: Block { get }
    /// The object as data: its JSON (`Format.json`).
    var datum: Datum { get }
    /// The names `x.name` accepts, for suggestions.
    var fieldNames: [String] { get }
    func field(_ name: String) -> Value?
}
