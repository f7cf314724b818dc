/// A problem in a data file, located as a user finds it in a spreadsheet: the file, the row as a
/// spreadsheet numbers it (the header is row 1, the first record row 2), the column by its header,
/// the offending value and what would have been allowed.
public struct DataIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var row: Int?
    public var column: String?
    public var value: String?
    public var message: String
    public var allowed: String?
    /// What the problem is about beyond its place, when a caller may blame it on something other
    /// than the file: a wave that the file lacks.
    public var subject: ErrorSubject?

    public init(file: String, row: Int? = nil, column: String? = nil, value: String? = nil,
                message: String, allowed: String? = nil, about subject: ErrorSubject? = nil) {
        self.file = file
        self.row = row
        self.column = column
        self.value = value
        self.message = message
        self.allowed = allowed
        self.subject = subject
    }

    /// `survey.csv, row 7, column Q05: "7" is not an answer (allowed: 0, 1, 2, 3, 4, empty, DK, don't know)`
    public var description: String {
        var place = file
        if let row { place += ", row \(row)" }
        if let column { place += ", column \(column)" }
        var text = "\(place): "
        if let value { text += "\"\(value)\" " }
        text += message
        if let allowed { text += " (allowed: \(allowed))" }
        return text
    }
}

/// All the problems found in one file, reported together so that a user can fix them in one go.
/// At most `limit` are kept; `total` counts them all.
public struct DataErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public static let limit = 100

    public private(set) var issues: [DataIssue] = []
    public private(set) var total = 0

    public init(_ issues: [DataIssue] = []) {
        for issue in issues { append(issue) }
    }

    public mutating func append(_ issue: DataIssue) {
        total += 1
        if issues.count < Self.limit { issues.append(issue) }
    }

    public var isEmpty: Bool { total == 0 }

    /// Throws self when any problem was found.
    public func throwIfAny() throws(DataErrors) {
        if !isEmpty { throw self }
    }

    /// Each problem on a line starting with `error: `, as a command prints them.
    public var description: String {
        lines.map { $0.hasPrefix("...") ? $0 : "error: " + $0 }.joined(separator: "\n")
    }

    /// The problems, one a line, without a prefix (for embedding in another message).
    public var lines: [String] {
        var lines = issues.map(\.description)
        if total > issues.count { lines.append("... and \(total - issues.count) more errors (only the first \(Self.limit) are listed)") }
        return lines
    }
}
