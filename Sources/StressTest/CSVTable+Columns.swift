import Foundation

/// A CSV file's columns with their types: what `table(PATH)` in a script reads.
public enum TypedColumn: Sendable, Equatable {
    /// Numbers; an empty cell is missing (NaN).
    case numbers([Double])
    /// Text, trimmed.
    case texts([String])
}

extension CSVTable {
    /// Every column typed by its cells, as `Portfolio.parse` types the structural variables: a
    /// column is numeric when most of its non-empty cells are numbers (a decimal comma counts in
    /// a semicolon-delimited file), and then every other non-empty cell of it is an error naming
    /// row, column and value; all errors are reported together. Other columns are text.
    /// O(rows x columns).
    public func typedColumns() throws(DataErrors) -> [(name: String, column: TypedColumn)] {
        var errors = rowProblems
        let decimalComma = delimiter == ";"
        var result = [(name: String, column: TypedColumn)]()
        for (j, name) in header.enumerated() {
            let cells = rows.map { $0[j] }
            let filled = cells.filter { !$0.trimmedSpaces.isEmpty }
            let numeric = filled.filter { Portfolio.number($0, decimalComma: decimalComma) != nil }.count
            guard !filled.isEmpty, 2 * numeric > filled.count else {
                result.append((name, .texts(cells.map { $0.trimmedSpaces })))
                continue
            }
            var values = [Double]()
            values.reserveCapacity(cells.count)
            for (i, cell) in cells.enumerated() {
                if let x = Portfolio.number(cell, decimalComma: decimalComma) {
                    values.append(x)
                } else {
                    errors.append(issue(row: i, column: j, value: cell.trimmedSpaces, "is not a number",
                                        allowed: "a number, or an empty cell for a missing value (most of the column's cells are numbers)"))
                    values.append(.nan)
                }
            }
            result.append((name, .numbers(values)))
        }
        try errors.throwIfAny()
        return result
    }
}
