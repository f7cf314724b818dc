import Foundation

/// Writes the CSV files the toolkit saves (portfolios, composites): RFC 4180 quoting, numbers in
/// shortest round-trip form (whole numbers without a decimal point), missing values as empty
/// cells, LF line ends, and atomic writes that replace an existing file only when asked to.
public enum CSVWriter {
    /// One CSV document from a header and rows of cells.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A number as a cell: empty for missing (NaN).
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" || $0.isNewline }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Writes `text` to `path` atomically (a temporary file in the same folder, then a rename).
    /// An existing file is replaced only when `replace` is true.
    public static func write(_ text: String, to path: String, replace: Bool) throws(PortfolioError) {
        if !replace && FileManager.default.fileExists(atPath: path) {
            throw PortfolioError("\(path) exists already", help: "choose another file, or pass replace: true to overwrite it")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PortfolioError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
