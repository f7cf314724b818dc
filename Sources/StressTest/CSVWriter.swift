import Foundation
import Stats

/// Writes the CSV files the toolkit saves (portfolios, composites, survey scores, templates, the
/// demo data): RFC 4180 quoting of any cell with a comma, semicolon, quote or line break (so a
/// file reads back whichever delimiter a reader guesses), numbers in shortest round-trip form
/// (`NumberFormat.exact`), missing values as empty cells, LF line ends, and atomic writes that
/// replace an existing file only when asked to.
public enum CSVWriter {
    /// One CSV document from a header and rows of cells.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(line).joined(separator: "\n") + "\n"
    }

    /// One line of cells (without its line end).
    public static func line(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",")
    }

    /// A number as a cell: empty for missing (NaN).
    public static func number(_ x: Double) -> String {
        x.isNaN ? "" : NumberFormat.exact(x)
    }

    /// A cell, quoted (quotes doubled) when it holds a delimiter, a quote or a line break.
    public static func field(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" || $0.isNewline }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Writes `text` to `path` atomically (a temporary file in the same folder, then a rename).
    /// An existing file is replaced only when `replace` is true.
    public static func write(_ text: String, to path: String, replace: Bool) throws(PortfolioError) {
        if !replace && FileManager.default.fileExists(atPath: path) {
            throw PortfolioError("\(path) exists already", about: .parameter("replace"), help: "choose another file, or pass replace: true to overwrite it")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PortfolioError("cannot write \(path): \(error.localizedDescription)", about: .file(path))
        }
    }
}
