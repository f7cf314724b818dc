import Foundation

/// The one CSV reader of the toolkit: survey exports, framework files, portfolios and the reference
/// data (RIS, RCI, COINr) are all read with it, so they all accept the same files and fail with the
/// same located messages.
///
/// What it accepts
/// - Delimiter `,` or `;`, detected from the header line: the one that occurs more often outside
///   quotes there; a tie (or neither) means `,`. Records are then split with that delimiter only.
/// - UTF-8 with or without a byte-order mark; CRLF, LF or CR line ends, mixed within a file.
/// - RFC 4180 quoting: a field in `"` may contain the delimiter, line breaks and `""` (one quote).
///   Spaces or tabs before the opening and after the closing quote are ignored (`a, "b, c"` is two
///   cells). A `"` inside an unquoted cell is kept literally (`5" screen`), as spreadsheets do.
///
/// What it returns (`CSVTable`)
/// - The header: the first row that is not blank, cells trimmed of surrounding whitespace.
/// - Records with exactly `header.count` cells each, every cell kept exactly as written: no
///   trimming, no conversion, an empty cell is "". Callers trim and interpret values, because only
///   they know whether " 3" is a number, a code or an error.
/// - Spreadsheet row numbers: the header is row 1 (unless blank lines precede it); a blank line
///   (only spaces or tabs) is skipped but counted as a row; a quoted value that runs over several
///   lines is one row. A final line break does not make a row.
///
/// What it rejects, as one `DataErrors` listing every problem found (up to `DataErrors.limit`)
/// - A file that cannot be read, is empty (or only blank lines), or is not valid UTF-8 (the message
///   names the line of the first bad byte and how to re-save the file).
/// - A header with an empty name or two names equal ignoring case (both columns are named).
///   Exception: unnamed columns at the end whose cells are all empty, as spreadsheets save them
///   (`a;b;;;`), hold nothing and are left out of the table.
/// - Every record with fewer or more cells than the header (row number and both counts).
/// - A quoted value whose closing quote is missing (the row where it began; reading stops there),
///   and text after a closing quote, usually an unescaped quote inside a quoted value.
///
/// Why not a library. The two well-kept libraries that resolve here, SwiftCSV 0.10.0 and
/// CSV.swift 2.5.2, were evaluated against these requirements (their sources, and both run on
/// sample inputs); neither fits, and a wrapper cannot fix it, because what is missing is inside
/// their parsers: where records begin and whether the input was well formed.
/// - SwiftCSV takes the first of `,` tab `;` in the first line as the delimiter (`name, x;y;z`
///   is read as comma-separated); accepts an unterminated quote silently (the rest of the file
///   becomes one cell); pads short records with "" up to the longest record (`makingRectangular`;
///   the named view fills "" and drops extra cells), so ragged rows cannot be detected; drops an
///   empty last cell at the end of the file (`1,` gives `["1"]`); strips leading spaces of unquoted
///   cells; returns a blank line as a record; its errors (`CSVParseError`) carry no position.
/// - CSV.swift has no delimiter detection; removes the BOM only when reading a stream, not a
///   string; accepts an unterminated quote silently; after text following a closing quote
///   (`"x"y,2`) it reads the rest of the file into one cell (its code says `// ERROR?`); stops
///   silently at invalid UTF-8 (the error is only left in a property); reports no row or line.
/// - Neither counts rows, so a wrapper could not give spreadsheet row numbers once a quoted value
///   spans lines. The reader below is one small RFC 4180 state machine over UTF-8 bytes.
///
/// Complexity: one pass over the UTF-8 bytes, O(file size); the RIS 2023 file (1,968 x 30) takes
/// about 15 ms in a debug build.
public enum CSVReader {
    /// Reads and parses the file at `path`; errors name the file as `path` was given.
    ///
    /// With `deferringRowProblems`, records that cannot be read (a wrong number of cells, text
    /// after a closing quote) are left out of the table and described in `CSVTable.rowProblems`
    /// instead of thrown, so that a caller can validate the other records and report every
    /// problem of the file together. Problems of the header, and an unterminated quote (after
    /// which nothing can be read), are always thrown.
    public static func read(path: String, deferringRowProblems: Bool = false) throws(DataErrors) -> CSVTable {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataErrors([DataIssue(file: path, message: "file not found (check the path and the current folder)")])
        }
        if isDirectory.boolValue {
            throw DataErrors([DataIssue(file: path, message: "is a folder, not a CSV file")])
        }
        // A device, pipe or socket (such as /dev/zero or /dev/stdin) could be read forever.
        let resolved = (path as NSString).resolvingSymlinksInPath
        if let type = try? FileManager.default.attributesOfItem(atPath: resolved)[.type] as? FileAttributeType, type != .typeRegular {
            throw DataErrors([DataIssue(file: path, message: "is not a regular file (a device, pipe or socket), so it cannot be read as a CSV file")])
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DataErrors([DataIssue(file: path, message: "cannot be read (\(error.localizedDescription))")])
        }
        return try parse(data, file: path, deferringRowProblems: deferringRowProblems)
    }

    /// Parses the bytes of a CSV file, which must be UTF-8 (a leading BOM is ignored); `file` is
    /// the name that errors use. See `read(path:deferringRowProblems:)`.
    public static func parse(_ data: Data, file: String, deferringRowProblems: Bool = false) throws(DataErrors) -> CSVTable {
        try parse(try decodeUTF8(data, file: file), file: file, deferringRowProblems: deferringRowProblems)
    }

    /// Parses CSV text (a leading BOM is ignored); `file` is the name that errors use. See
    /// `read(path:deferringRowProblems:)`.
    public static func parse(_ text: String, file: String, deferringRowProblems: Bool = false) throws(DataErrors) -> CSVTable {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(DataErrors) -> CSVTable in
                var parser = CSVParser(bytes: bytes, file: file, deferringRowProblems: deferringRowProblems)
                return try parser.run()
            }
        }
        return try result.get()
    }

    /// The text of `data`, which must be UTF-8; otherwise an error naming the line of the first
    /// invalid byte.
    static func decodeUTF8(_ data: Data, file: String) throws(DataErrors) -> String {
        if data.count >= 2, (data[data.startIndex] == 0xFF && data[data.startIndex + 1] == 0xFE)
            || (data[data.startIndex] == 0xFE && data[data.startIndex + 1] == 0xFF) {
            throw DataErrors([DataIssue(
                file: file,
                message: "is UTF-16 text, not UTF-8; save it as \"CSV UTF-8\" (Excel) or re-encode it as UTF-8")])
        }
        var text = String(decoding: data, as: UTF8.self)
        // Decoding replaces invalid bytes with U+FFFD, so the text is valid iff its bytes are the input's.
        let firstInvalid: Int? = text.withUTF8 { decoded in
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
                let original = raw.bindMemory(to: UInt8.self)
                if decoded.count == original.count,
                   decoded.isEmpty || memcmp(decoded.baseAddress!, original.baseAddress!, decoded.count) == 0 {
                    return nil
                }
                var offset = 0
                while offset < decoded.count, offset < original.count, decoded[offset] == original[offset] {
                    offset += 1
                }
                return offset
            }
        }
        guard let offset = firstInvalid else { return text }
        let line = 1 + data.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let byte = data[data.startIndex + min(offset, data.count - 1)]
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        throw DataErrors([DataIssue(
            file: file,
            message: "is not valid UTF-8 text (the first invalid byte, \(hex), is on line \(line)); it is probably "
                + "Windows-1252 or Latin-1: save it as \"CSV UTF-8\" (Excel) or re-encode it as UTF-8")])
    }

    /// Spreadsheet column letters: 1 -> A, 26 -> Z, 27 -> AA.
    static func columnLetters(_ number: Int) -> String {
        var n = number
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}

/// The state of one parse over UTF-8 bytes. Delimiters, quotes and line breaks are ASCII, so
/// splitting bytes never cuts a multi-byte character.
private struct CSVParser {
    static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, semicolon: UInt8 = 0x3B
    static let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, space: UInt8 = 0x20, tab: UInt8 = 0x09

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var delimiter: UInt8 = CSVParser.comma
    var header: [String]? = nil
    var issues = DataErrors()

    let deferringRowProblems: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, deferringRowProblems: Bool) {
        self.bytes = bytes
        self.file = file
        self.deferringRowProblems = deferringRowProblems
    }

    mutating func run() throws(DataErrors) -> CSVTable {
        let n = bytes.count
        var i = 0
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }

        var row = 0
        var rows: [[String]] = []
        var rowNumbers: [Int] = []
        var headerProblems = 0, stoppedEarly = false, headerRow = 1
        while i < n {
            row += 1
            if let next = blankLineEnd(from: i) {
                i = next
                continue
            }
            if header == nil { delimiter = detectDelimiter(from: i) }
            let (cells, complete) = readRecord(at: &i, row: row)
            if let header {
                if cells.count == header.count {
                    rows.append(cells)
                    rowNumbers.append(row)
                } else if complete {
                    issues.append(raggedIssue(row: row, cells: cells.count, columns: header.count))
                }
            } else {
                let names = cells.map { $0.trimmingCSVWhitespace() }
                header = names
                headerRow = row
                if names.count == 1 && cells[0].contains("\t") {
                    issues.append(DataIssue(file: file, row: row,
                                            message: "the header is one column holding tabs: the file seems to be tab-separated",
                                            allowed: "values separated by commas or semicolons; save the sheet as CSV"))
                } else {
                    checkHeader(names, row: row)
                }
                headerProblems = issues.total
            }
            if !complete {
                stoppedEarly = true
                break
            }
        }
        // Spreadsheets often save empty trailing columns (`a;b;;;`): unnamed columns at the end
        // whose cells are all empty hold nothing, so they are left out; an unnamed trailing column
        // with a value is an error (`checkHeader` leaves trailing unnamed columns to this check).
        if let names = header, let keep = names.lastIndex(where: { !$0.isEmpty }).map({ $0 + 1 }), keep < names.count {
            if let filled = rows.indices.first(where: { !rows[$0][keep...].allSatisfy { $0.trimmingCSVWhitespace().isEmpty } }) {
                issues.append(DataIssue(file: file, row: headerRow,
                                        message: "column \(columnReference(keep)) has no name but row \(rowNumbers[filled]) has a value in it; give it a header"))
                headerProblems += 1
            } else {
                header = Array(names[..<keep])
                rows = rows.map { Array($0[..<keep]) }
            }
        }
        guard let header else {
            let what = row == 0 ? "is empty" : "contains only blank lines"
            throw DataErrors([DataIssue(file: file, message: "\(what); expected a header row with the column names")])
        }
        if !deferringRowProblems || stoppedEarly || headerProblems > 0 { try issues.throwIfAny() }
        var table = CSVTable(file: file, header: header, rows: rows, rowNumbers: rowNumbers,
                             delimiter: delimiter == CSVParser.semicolon ? ";" : ",")
        table.rowProblems = issues
        return table
    }

    // MARK: Lines

    /// If the line starting at `i` holds only spaces and tabs, the index after its line break.
    func blankLineEnd(from i: Int) -> Int? {
        var j = i
        while j < bytes.count, bytes[j] == CSVParser.space || bytes[j] == CSVParser.tab { j += 1 }
        if j == bytes.count { return j }
        if bytes[j] == CSVParser.lf { return j + 1 }
        if bytes[j] == CSVParser.cr {
            return j + 1 < bytes.count && bytes[j + 1] == CSVParser.lf ? j + 2 : j + 1
        }
        return nil
    }

    /// `;` if it occurs more often than `,` outside quotes in the line (record) starting at `i`.
    func detectDelimiter(from i: Int) -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false
        var j = i
        while j < bytes.count {
            let b = bytes[j]
            if b == CSVParser.quote {
                quoted.toggle()
            } else if !quoted {
                if b == CSVParser.comma { commas += 1 }
                else if b == CSVParser.semicolon { semicolons += 1 }
                else if b == CSVParser.lf || b == CSVParser.cr { break }
            }
            j += 1
        }
        return semicolons > commas ? CSVParser.semicolon : CSVParser.comma
    }

    // MARK: Records

    /// Reads the record starting at `i` (not a blank line) and moves `i` past its line break.
    /// `complete` is false when a quoted value never ends; then `i` is at the end of the input.
    mutating func readRecord(at i: inout Int, row: Int) -> (cells: [String], complete: Bool) {
        let n = bytes.count
        var cells: [String] = []
        cells.reserveCapacity(header?.count ?? 16)
        while true {
            var j = i
            while j < n, bytes[j] == CSVParser.space || bytes[j] == CSVParser.tab { j += 1 }
            if j < n, bytes[j] == CSVParser.quote {
                // A quoted value: up to the quote that is not doubled.
                let start = j + 1
                j = start
                var doubled = false, multiline = false, closed = false
                while j < n {
                    let b = bytes[j]
                    if b == CSVParser.quote {
                        if j + 1 < n, bytes[j + 1] == CSVParser.quote {
                            doubled = true
                            j += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if b == CSVParser.lf || b == CSVParser.cr { multiline = true }
                    j += 1
                }
                guard closed else {
                    issues.append(unterminatedIssue(row: row, column: cells.count, valueStart: start))
                    i = n
                    return (cells, false)
                }
                var value = doubled ? unescape(start, j) : text(start, j)
                j += 1
                while j < n, bytes[j] == CSVParser.space || bytes[j] == CSVParser.tab { j += 1 }
                if j < n, bytes[j] != delimiter, bytes[j] != CSVParser.lf, bytes[j] != CSVParser.cr {
                    // Text after the closing quote: report it, and keep it in the cell as spreadsheets do.
                    let rest = j
                    while j < n, bytes[j] != delimiter, bytes[j] != CSVParser.lf, bytes[j] != CSVParser.cr { j += 1 }
                    issues.append(strayTextIssue(row: row, column: cells.count, multiline: multiline))
                    value += text(rest, j)
                }
                cells.append(value)
            } else {
                // An unquoted value: up to the delimiter or the line break, kept exactly.
                j = i
                while j < n, bytes[j] != delimiter, bytes[j] != CSVParser.lf, bytes[j] != CSVParser.cr { j += 1 }
                cells.append(text(i, j))
            }
            i = j
            if i < n, bytes[i] == delimiter {
                i += 1
                continue  // a delimiter at the very end still opens one more (empty) cell
            }
            if i < n, bytes[i] == CSVParser.cr { i += 1 }
            if i < n, bytes[i] == CSVParser.lf { i += 1 }
            return (cells, true)
        }
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The text between quotes with each `""` turned into `"`.
    func unescape(_ start: Int, _ end: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var j = start
        while j < end {
            out.append(bytes[j])
            j += bytes[j] == CSVParser.quote ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Problems

    mutating func checkHeader(_ names: [String], row: Int) {
        var seen: [String: Int] = [:]
        let named = (names.lastIndex { !$0.isEmpty } ?? -1) + 1  // trailing unnamed columns: see `run`
        for (index, name) in names.enumerated() where index < named || named == 0 {
            if name.isEmpty {
                issues.append(DataIssue(
                    file: file, row: row,
                    message: "column \(columnReference(index)) has no name; give it a header or delete the column"
                        + (index == names.count - 1 && names.count > 1 ? " (a delimiter at the end of the header line makes an empty last column)" : "")))
                continue
            }
            let key = CSVTable.key(name)
            if let first = seen[key] {
                let same = names[first] == name ? "are both named \"\(name)\""
                    : "are named \"\(names[first])\" and \"\(name)\", which are the same name ignoring case"
                issues.append(DataIssue(
                    file: file, row: row, column: name,
                    message: "columns \(columnReference(first)) and \(columnReference(index)) \(same); rename or delete one of them"))
            } else {
                seen[key] = index
            }
        }
    }

    func raggedIssue(row: Int, cells: Int, columns: Int) -> DataIssue {
        let d = delimiter == CSVParser.semicolon ? ";" : ","
        let hint = cells < columns
            ? "a \"\(d)\" is missing (an empty value still needs its \"\(d)\")"
            : "there is a \"\(d)\" too many, or a value containing \"\(d)\" that is not in quotes"
        return DataIssue(file: file, row: row,
                         message: "has \(cells) \(cells == 1 ? "cell" : "cells") but the header has \(columns) columns: \(hint)")
    }

    func unterminatedIssue(row: Int, column: Int, valueStart: Int) -> DataIssue {
        var end = valueStart
        while end < bytes.count, end - valueStart < 30, bytes[end] != CSVParser.lf, bytes[end] != CSVParser.cr { end += 1 }
        // Do not cut a multi-byte character in the excerpt.
        while end > valueStart, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        let excerpt = text(valueStart, end)
        let more = end < bytes.count && bytes[end] != CSVParser.lf && bytes[end] != CSVParser.cr ? "..." : ""
        return DataIssue(
            file: file, row: row, column: columnName(column),
            message: "the quoted value that starts here (\"\(excerpt)\(more)) has no closing quote, so the rest of the file "
                + "was read into it; add the closing \" (a quote inside a value is written twice: \"\")")
    }

    func strayTextIssue(row: Int, column: Int, multiline: Bool) -> DataIssue {
        DataIssue(
            file: file, row: row, column: columnName(column),
            message: "has text after the closing quote of a quoted value; a \" inside a quoted value is written twice (\"\")"
                + (multiline ? " (this quoted value runs over several lines: a closing quote may be missing earlier)" : ""))
    }

    /// The header name of a column for `DataIssue.column`, or nil for the header row itself and
    /// for cells beyond the header.
    func columnName(_ index: Int) -> String? {
        guard let header, index < header.count else { return nil }
        return header[index].isEmpty ? columnReference(index) : header[index]
    }

    /// "3 (C)" for the column at index 2.
    func columnReference(_ index: Int) -> String {
        "\(index + 1) (\(CSVReader.columnLetters(index + 1)))"
    }
}
