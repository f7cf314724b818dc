import Foundation
import Testing
@testable import StressTest

/// Parses `text`, expecting errors; returns them (or records an issue when parsing succeeds).
private func parseErrors(_ text: String, file: String = "t.csv",
                         sourceLocation: SourceLocation = #_sourceLocation) -> DataErrors {
    do {
        let table = try CSVReader.parse(text, file: file)
        Issue.record("expected errors, got \(table.rows.count) records", sourceLocation: sourceLocation)
        return DataErrors()
    } catch {
        return error
    }
}

/// A fresh temporary folder, removed by the caller.
private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("CSVReaderTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct CSVReaderTests {

    // MARK: Delimiters

    @Test func detectsComma() throws {
        let table = try CSVReader.parse("Region,Score\nNordtal,3\nSüdwald,4\n", file: "p.csv")
        #expect(table.delimiter == ",")
        #expect(table.header == ["Region", "Score"])
        #expect(table.rows == [["Nordtal", "3"], ["Südwald", "4"]])
        #expect(table.rowNumbers == [2, 3])
        #expect(table.file == "p.csv")
    }

    @Test func detectsSemicolon() throws {
        // Decimal commas inside cells are common with semicolon files; they stay in the cells.
        let table = try CSVReader.parse("Region;Score;Weight\nNordtal;3,5;0,25\n", file: "p.csv")
        #expect(table.delimiter == ";")
        #expect(table.rows == [["Nordtal", "3,5", "0,25"]])
    }

    @Test func countsDelimitersOutsideQuotesOnly() throws {
        // Three commas inside quotes, two semicolons outside: semicolon.
        let table = try CSVReader.parse("\"a,b,c,d\";x;y\n1;2;3\n", file: "p.csv")
        #expect(table.delimiter == ";")
        #expect(table.header == ["a,b,c,d", "x", "y"])
        // More of the other delimiter outside quotes wins, even if it comes later in the line.
        let later = try CSVReader.parse("name, x;y;z\n1, 2;3;4\n", file: "p.csv")
        #expect(later.delimiter == ";")
        #expect(later.header == ["name, x", "y", "z"])
    }

    @Test func tieOrNoDelimiterMeansComma() throws {
        let tie = try CSVReader.parse("a,b;c\n1,2;3\n", file: "p.csv")
        #expect(tie.delimiter == ",")
        #expect(tie.header == ["a", "b;c"])
        let single = try CSVReader.parse("Region\nNordtal\n", file: "p.csv")
        #expect(single.delimiter == ",")
        #expect(single.rows == [["Nordtal"]])
    }

    // MARK: Encoding and line ends

    @Test func removesTheByteOrderMark() throws {
        let table = try CSVReader.parse("\u{FEFF}Region;Score\nNordtal;3\n", file: "p.csv")
        #expect(table.header == ["Region", "Score"])
        #expect(table.column(named: "region") == 0)
        #expect(table.delimiter == ";")
    }

    @Test func removesTheByteOrderMarkFromAFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bom.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array("Region,Name\r\nAT1,Ostösterreich\r\n".utf8)).write(to: url)
        let table = try CSVReader.read(path: url.path)
        #expect(table.header == ["Region", "Name"])
        #expect(table.rows == [["AT1", "Ostösterreich"]])
        #expect(table.file == url.path)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEnds(_ end: String) throws {
        let text = ["a,b", "1,2", "3,4"].joined(separator: end) + end
        let table = try CSVReader.parse(text, file: "p.csv")
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [["1", "2"], ["3", "4"]])
        #expect(table.rowNumbers == [2, 3])
    }

    @Test func mixedLineEndsAndNoFinalLineBreak() throws {
        let table = try CSVReader.parse("a,b\r\n1,2\n3,4\r\n5,6", file: "p.csv")
        #expect(table.rows == [["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(table.rowNumbers == [2, 3, 4])
    }

    // MARK: Quoting

    @Test func quotedFields() throws {
        let text = """
        Name,Comment,Score
        "Nordtal","He said ""good"", twice",3
        "",\"\"\"\",4
        Plain "inch" mark,"a; b",5

        """
        let table = try CSVReader.parse(text, file: "p.csv")
        #expect(table.rows == [
            ["Nordtal", "He said \"good\", twice", "3"],
            ["", "\"", "4"],
            ["Plain \"inch\" mark", "a; b", "5"],
        ])
    }

    @Test func spacesAroundQuotedFieldsAreIgnored() throws {
        let table = try CSVReader.parse("a,b,c\n1, \"x, y\" ,3\n", file: "p.csv")
        #expect(table.rows == [["1", "x, y", "3"]])
    }

    @Test func multiLineValueIsOneSpreadsheetRow() throws {
        let text = "Region,Note,Score\r\nNordtal,\"line one\r\nline two\nline three\",3\r\nSüdwald,plain,4\r\n\r\nOstmark,x,5\r\n"
        let table = try CSVReader.parse(text, file: "p.csv")
        #expect(table.rows.count == 3)
        #expect(table.rows[0] == ["Nordtal", "line one\r\nline two\nline three", "3"])
        #expect(table.rows[1] == ["Südwald", "plain", "4"])
        // Row 2 spans three lines but is one row; row 4 is blank.
        #expect(table.rowNumbers == [2, 3, 5])
        let issue = table.issue(row: 2, column: 2, value: "5", "is too high", allowed: "0-4")
        #expect(issue == DataIssue(file: "p.csv", row: 5, column: "Score", value: "5", message: "is too high", allowed: "0-4"))
        #expect(issue.description == "p.csv, row 5, column Score: \"5\" is too high (allowed: 0-4)")
    }

    // MARK: Cells, header, blank lines

    @Test func cellsAreKeptExactlyHeaderIsTrimmed() throws {
        let table = try CSVReader.parse(" Region ,\tScore\n Nordtal , 3 \n,\n", file: "p.csv")
        #expect(table.header == ["Region", "Score"])
        #expect(table.rows == [[" Nordtal ", " 3 "], ["", ""]])
        #expect(table.column(named: "  SCORE ") == 1)
        #expect(table.column(named: "region") == 0)
        #expect(table.column(named: "Weight") == nil)
    }

    @Test func trailingDelimiterMakesAnEmptyLastCell() throws {
        let table = try CSVReader.parse("a,b\n1,\n2,", file: "p.csv")
        #expect(table.rows == [["1", ""], ["2", ""]])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let text = "\n  \na;b\n1;2\n\n \t \n3;4\n\n"
        let table = try CSVReader.parse(text, file: "p.csv")
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [["1", "2"], ["3", "4"]])
        // Leading blank lines are rows 1 and 2, so the header is row 3.
        #expect(table.rowNumbers == [4, 7])
    }

    @Test func headerOnlyIsAnEmptyTable() throws {
        let table = try CSVReader.parse("a,b\n", file: "p.csv")
        #expect(table.header == ["a", "b"])
        #expect(table.rows.isEmpty)
    }

    // MARK: Errors

    @Test func raggedRowsAreAllReported() {
        let text = "a,b,c\n1,2,3\n1,2\n\n1,\"x\ny\",3,4\n1,2,3\n5\n"
        let errors = parseErrors(text, file: "survey.csv")
        #expect(errors.total == 3)
        #expect(errors.issues.map(\.row) == [3, 5, 7])
        #expect(errors.issues.allSatisfy { $0.file == "survey.csv" })
        #expect(errors.issues[0].description
            == "survey.csv, row 3: has 2 cells but the header has 3 columns: a \",\" is missing (an empty value still needs its \",\")")
        #expect(errors.issues[1].description.contains("row 5: has 4 cells but the header has 3 columns"))
        #expect(errors.issues[2].description.contains("row 7: has 1 cell but the header has 3 columns"))
    }

    @Test func raggedRowsAreCappedAtTheLimit() {
        let text = "a,b\n" + String(repeating: "1\n", count: DataErrors.limit + 5)
        let errors = parseErrors(text)
        #expect(errors.total == DataErrors.limit + 5)
        #expect(errors.issues.count == DataErrors.limit)
        #expect(errors.issues.last?.row == DataErrors.limit + 1)
    }

    @Test func unterminatedQuoteNamesTheRowWhereItBegan() {
        let text = "Region;Note\nNordtal;ok\n\nSüdwald;\"unfinished\nOstmark;x\nWestend;y\n"
        let errors = parseErrors(text, file: "s.csv")
        #expect(errors.total == 1)
        let issue = errors.issues[0]
        #expect(issue.row == 4)
        #expect(issue.column == "Note")
        #expect(issue.description.hasPrefix("s.csv, row 4, column Note: the quoted value that starts here (\"unfinished) has no closing quote"))
    }

    @Test func unterminatedQuoteAfterRaggedRowsReportsBoth() {
        let errors = parseErrors("a,b\n1\n2,\"open\n")
        #expect(errors.issues.map(\.row) == [2, 3])
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        let errors = parseErrors("a,b\n1,\"say \"hi\" now\"\n")
        #expect(errors.total == 1)
        #expect(errors.issues[0].row == 2)
        #expect(errors.issues[0].column == "b")
        #expect(errors.issues[0].message.contains("after the closing quote"))
    }

    @Test func duplicateHeadersNameBothColumns() {
        let errors = parseErrors("Region,Score,region,Weight,SCORE\n")
        #expect(errors.total == 2)
        #expect(errors.issues[0].row == 1)
        #expect(errors.issues[0].message.contains("columns 1 (A) and 3 (C)"))
        #expect(errors.issues[0].message.contains("\"Region\" and \"region\""))
        #expect(errors.issues[1].message.contains("columns 2 (B) and 5 (E)"))
        // Surrounding spaces do not make names different.
        let spaced = parseErrors("a, b ,b\n")
        #expect(spaced.issues.first?.message.contains("are both named \"b\"") == true)
    }

    @Test func emptyHeaderNameIsAnError() throws {
        let middle = parseErrors("a,,c\n1,2,3\n")
        #expect(middle.total == 1)
        #expect(middle.issues[0].message.hasPrefix("column 2 (B) has no name"))
        // Empty trailing columns, as spreadsheets save them, hold nothing and are left out ...
        let table = try CSVReader.parse("a;b;;\n1;2;;\n3;4; ;\n", file: "t.csv")
        #expect(table.header == ["a", "b"] && table.rows == [["1", "2"], ["3", "4"]])
        // ... but an unnamed column with a value is an error.
        let filled = parseErrors("a,b,\n1,2,\n3,4,x\n")
        #expect(filled.total == 1)
        #expect(filled.issues[0].message == "column 3 (C) has no name but row 3 has a value in it; give it a header")
    }

    @Test func emptyTextIsAnError() {
        for text in ["", "\u{FEFF}", "\n \n\t\r\n"] {
            let errors = parseErrors(text, file: "empty.csv")
            #expect(errors.total == 1)
            #expect(errors.issues.first?.file == "empty.csv")
            #expect(errors.issues.first?.row == nil)
            #expect(errors.issues.first?.description.contains("expected a header row") == true)
        }
    }

    @Test func emptyFileIsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("empty.csv")
        try Data().write(to: url)
        let error = #expect(throws: DataErrors.self) { try CSVReader.read(path: url.path) }
        #expect(error?.description == "error: \(url.path): is empty; expected a header row with the column names")
    }

    @Test func missingFileIsAnError() {
        let path = "/nonexistent/folder/survey.csv"
        let error = #expect(throws: DataErrors.self) { try CSVReader.read(path: path) }
        #expect(error?.issues.first?.file == path)
        #expect(error?.description == "error: /nonexistent/folder/survey.csv: file not found (check the path and the current folder)")
    }

    @Test func folderIsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: DataErrors.self) { try CSVReader.read(path: folder.path) }
        #expect(error?.issues.first?.message == "is a folder, not a CSV file")
    }

    /// A device could be read forever (/dev/zero) or block (/dev/stdin); a link to one as well.
    @Test func deviceIsAnError() throws {
        for path in ["/dev/null", "/dev/zero"] {
            let error = #expect(throws: DataErrors.self) { try CSVReader.read(path: path) }
            #expect(error?.issues.first?.message == "is not a regular file (a device, pipe or socket), so it cannot be read as a CSV file")
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("zero.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
        let error = #expect(throws: DataErrors.self) { try CSVReader.read(path: link) }
        #expect(error?.issues.first?.file == link)
    }

    @Test func invalidUTF8IsAnErrorNamingTheLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("latin1.csv")
        // "Südwald" in Latin-1: ü is the single byte 0xFC.
        try Data(Array("Region,Score\nNordtal,3\nS".utf8) + [0xFC] + Array("dwald,4\n".utf8)).write(to: url)
        let error = #expect(throws: DataErrors.self) { try CSVReader.read(path: url.path) }
        #expect(error?.total == 1)
        #expect(error?.issues.first?.file == url.path)
        #expect(error?.issues.first?.message.hasPrefix("is not valid UTF-8 text (the first invalid byte, 0xFC, is on line 3)") == true)
    }

    @Test func utf16IsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("utf16.csv")
        try Data([0xFF, 0xFE] + Array("a,b\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: url)
        let error = #expect(throws: DataErrors.self) { try CSVReader.read(path: url.path) }
        #expect(error?.issues.first?.message.hasPrefix("is UTF-16 text, not UTF-8") == true)
    }

    @Test func columnLetters() {
        #expect(CSVReader.columnLetters(1) == "A")
        #expect(CSVReader.columnLetters(26) == "Z")
        #expect(CSVReader.columnLetters(27) == "AA")
        #expect(CSVReader.columnLetters(703) == "AAA")
    }

    // MARK: Reference data

    @Test(.referenceData("ris/ris2023_regions.csv"))
    func readsTheRIS2023File() throws {
        guard let url = ReferenceData.url("ris/ris2023_regions.csv") else { return }
        let table = try CSVReader.read(path: url.path)
        // Performance: parsing must take well under a second, even in debug builds. The best of
        // three runs, so that other tests running in parallel do not make this flaky.
        let text = try String(contentsOf: url, encoding: .utf8)
        let clock = ContinuousClock()
        var best = Duration.seconds(60)
        for _ in 0..<3 {
            let elapsed = try clock.measure { _ = try CSVReader.parse(text, file: url.path) }
            best = min(best, elapsed)
        }
        #expect(best < .milliseconds(500), "parsing took \(best)")

        #expect(table.rows.count == 1968)
        #expect(table.header.count == 30)
        #expect(table.delimiter == ",")
        #expect(table.rowNumbers.first == 2 && table.rowNumbers.last == 1969)
        #expect(Array(table.header.prefix(9))
            == ["Region", "RegionName", "Country", "CountryName", "Zone", "Level", "Year", "PerformanceGroup", "RII"])
        #expect(table.header.last == "4.3.2")

        let name = try #require(table.column(named: "regionname"))
        let names = Set(table.rows.map { $0[name] })
        #expect(names.count == 246)
        for accented in ["Ostösterreich", "Île de France", "Zürich", "Région lémanique", "Sjælland"] {
            #expect(names.contains(accented), "\(accented)")
        }
        // A quoted name with the delimiter in it.
        #expect(names.contains("Anatoliki Makedonia, Thraki"))

        // The 8 empty cells of the file: Jan Mayen and Svalbard has no performance group in any of
        // the 8 years. The RII and the 21 indicator columns (from column 9 on) have none.
        var empty: [(row: Int, column: String)] = []
        for (index, row) in table.rows.enumerated() {
            for (column, cell) in row.enumerated() where cell.isEmpty {
                empty.append((table.rowNumbers[index], table.header[column]))
            }
        }
        #expect(empty.count == 8)
        #expect(empty.allSatisfy { $0.column == "PerformanceGroup" })
        #expect(empty.map(\.row) == Array(1466...1473))
        let group = try #require(table.column(named: "PerformanceGroup"))
        let indicatorEmpty = table.rows.reduce(0) { sum, row in sum + row[(group + 1)...].filter(\.isEmpty).count }
        #expect(indicatorEmpty == 0)
    }

    /// Every CSV file of the reference data reads without errors, with the expected shape.
    @Test(.referenceData("ris/ris2023_regions.csv", "rci/rci2022_raw.csv", "asem/asem_denominated.csv"))
    func readsEveryReferenceFile() throws {
        let expected: [(path: String, records: Int, columns: Int)] = [
            ("ris/ris2023_regions.csv", 1968, 30), ("ris/ris2023_indicators.csv", 21, 3),
            ("rci/rci2022_raw.csv", 234, 70), ("rci/rci2022_indicators.csv", 71, 8),
            ("asem/asem_indmeta.csv", 49, 10), ("asem/asem_aggmeta.csv", 11, 4),
            ("asem/asem_denominated.csv", 51, 56), ("asem/asem_imputed.csv", 51, 56),
            ("asem/asem_treated.csv", 51, 56), ("asem/asem_normalised.csv", 51, 56),
            ("asem/asem_aggregated.csv", 51, 67),
        ]
        for file in expected {
            guard let url = ReferenceData.url(file.path) else { continue }
            let table = try CSVReader.read(path: url.path)
            #expect(table.rows.count == file.records, "\(file.path)")
            #expect(table.header.count == file.columns, "\(file.path)")
        }
    }

    @Test(.referenceData("rci/rci2022_raw.csv"))
    func readsTheRCI2022File() throws {
        guard let url = ReferenceData.url("rci/rci2022_raw.csv") else { return }
        let table = try CSVReader.read(path: url.path)
        #expect(table.header.first == "NUTS")
        #expect(table.column(named: "region name") == 1)
        #expect(table.rows.count > 200)
    }
}

@Suite("CSV: a tab-separated file")
struct CSVTabSeparatedTests {
    @Test func aTabSeparatedFileIsNamedAsSuch() {
        do {
            _ = try CSVReader.parse("respondent\tregion\tgroup\n1\tA\tP\n", file: "t.tsv")
            Issue.record("a tab-separated file was read as CSV")
        } catch {
            #expect(error.description.contains("t.tsv, row 1: the header is one column holding tabs: the file seems to be tab-separated"))
        }
    }
}
