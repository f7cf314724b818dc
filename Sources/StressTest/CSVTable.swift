/// A CSV file as read by `CSVReader`: a header and rectangular records, each record remembering the
/// spreadsheet row it came from so that every later check can say "row 7, column Q05".
///
/// Invariants (guaranteed by `CSVReader`, checked by `init`): every record has exactly
/// `header.count` cells, `rowNumbers.count == rows.count`, row numbers are increasing and greater
/// than the header's row (1 unless the file starts with blank lines).
///
/// Cells are kept exactly as written (no trimming, no type conversion; an empty cell is ""); only
/// the header names are trimmed. Trimming and interpreting values is the caller's job, because only
/// the caller knows whether " 3" is a number, a code or an error.
public struct CSVTable: Sendable {
    /// The name errors use: the path as given to `CSVReader.read(path:)` or the `file:` given to `parse`.
    public var file: String
    /// The cells of the first (non-blank) row, BOM removed, surrounding spaces trimmed.
    public var header: [String]
    /// Every record after the header, each exactly `header.count` cells.
    public var rows: [[String]]
    /// The spreadsheet row number of each record (the header is row 1, blank lines count, a quoted
    /// value that spans lines is still one row).
    public var rowNumbers: [Int]
    /// The delimiter the file uses: "," or ";".
    public var delimiter: Character
    /// Records left out because they could not be read, when the reader was asked to defer such
    /// problems (`CSVReader.read(path:deferringRowProblems:)`); a consumer reports them with its
    /// own findings.
    public var rowProblems = DataErrors()

    /// A table built in code (tests, conversions). `rowNumbers` defaults to 2, 3, ... as if the
    /// records followed a header in row 1.
    public init(file: String, header: [String], rows: [[String]], rowNumbers: [Int]? = nil,
                delimiter: Character = ",") {
        precondition(rows.allSatisfy { $0.count == header.count },
                     "CSVTable: every record needs header.count (\(header.count)) cells")
        let numbers = rowNumbers ?? Array((0..<rows.count).map { $0 + 2 })
        precondition(numbers.count == rows.count, "CSVTable: one row number per record")
        self.file = file
        self.header = header
        self.rows = rows
        self.rowNumbers = numbers
        self.delimiter = delimiter
    }

    /// The index of the column whose header is `name`, compared ignoring case and surrounding
    /// whitespace; nil if there is none. Header names are unique in this sense (the reader rejects
    /// duplicates), so the answer is unambiguous.
    public func column(named name: String) -> Int? {
        let key = CSVTable.key(name)
        return header.firstIndex { CSVTable.key($0) == key }
    }

    /// A `DataIssue` located at `rows[index]`: its spreadsheet row number and, when `column` is
    /// given, that column's header name.
    ///
    ///     table.issue(row: i, column: q, value: cell, "is not an answer", allowed: "0, 1, 2, 3, 4, empty")
    public func issue(row index: Int, column: Int?, value: String?, _ message: String,
                      allowed: String? = nil) -> DataIssue {
        precondition(rowNumbers.indices.contains(index), "CSVTable.issue: no record \(index)")
        let columnName = column.map { column -> String in
            precondition(header.indices.contains(column), "CSVTable.issue: no column \(column)")
            return header[column]
        }
        return DataIssue(file: file, row: rowNumbers[index], column: columnName, value: value,
                         message: message, allowed: allowed)
    }

    /// How header names are compared: case-insensitive, surrounding whitespace ignored.
    static func key(_ name: String) -> String {
        name.trimmingCSVWhitespace().lowercased()
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    func trimmingCSVWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

extension CSVTable {
    /// The indices of the columns `names` (matched as `column(named:)`), or one error at the
    /// header row naming the missing ones and the columns found: "the `what` lacks the columns
    /// ... (found: ...)".
    public func requireColumns(_ names: [String], of what: String, allowed: String) throws(DataErrors) -> [String: Int] {
        var columns = [String: Int]()
        var missing = [String]()
        for name in names {
            if let index = column(named: name) { columns[name] = index } else { missing.append(name) }
        }
        guard missing.isEmpty else {
            let found = header.isEmpty ? "no columns" : header.joined(separator: ", ")
            throw DataErrors([DataIssue(
                file: file, row: 1,
                message: "the \(what) lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) (found: \(found))",
                allowed: allowed)])
        }
        return columns
    }
}
