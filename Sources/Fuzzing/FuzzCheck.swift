import StressTest

/// The promises every target checks, and the one way to report a broken one.
enum FuzzCheck {
    /// Stops the process: libFuzzer saves the input as a crash.
    static func fail(_ message: String) -> Never {
        fatalError("fuzz check failed: \(message)")
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    /// The number of lines of `bytes` (at least 1), the largest row a located problem may name.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        1 + bytes.reduce(0) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    }

    /// Every problem names the file, says something, and any row it names is one of the input's.
    static func located(_ errors: DataErrors, file: String, lines: Int) {
        require(!errors.isEmpty && !errors.issues.isEmpty, "an error without problems")
        require(errors.total >= errors.issues.count, "more problems kept than counted")
        for issue in errors.issues {
            require(issue.file == file, "a problem of another file: \(issue)")
            require(!issue.message.isEmpty, "a problem without a message: \(issue)")
            if let row = issue.row { require((1...lines).contains(row), "row \(row) of \(lines) lines: \(issue)") }
            if let column = issue.column { require(!column.isEmpty, "an empty column name: \(issue)") }
        }
        require(!errors.description.isEmpty, "an empty description")
    }

    /// A table read from `lines` lines: one cell per header name in every row, rows numbered
    /// upwards from 2 (the header is row 1) within the input.
    static func consistent(_ table: CSVTable, lines: Int) {
        require(table.rows.count == table.rowNumbers.count, "rows and row numbers differ in count")
        require(table.rows.allSatisfy { $0.count == table.header.count }, "a row with another number of cells than the header")
        var previous = 1
        for number in table.rowNumbers {
            require(number > previous && number <= lines, "row number \(number) after \(previous), of \(lines) lines")
            previous = number
        }
    }
}
