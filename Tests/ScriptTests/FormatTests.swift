import Testing
@testable import Script

@Suite("How values read in the REPL and as JSON")
struct FormatTests {
    @Test("numbers for reading", arguments: [
        (3.0, "3"), (-0.5, "-0.5"), (1.0 / 3.0, "0.3333333333"), (Double.nan, "missing"), (Double.infinity, "inf"),
        (1e20, "1e+20"), (1.5e-7, "1.5e-07"), (0.1 + 0.2, "0.3"), (123456789.25, "123456789.2"),
    ])
    func display(x: Double, expected: String) {
        #expect(Format.number(x) == expected)
    }

    @Test("numbers in JSON round-trip", arguments: [
        (3.0, "3"), (0.1 + 0.2, "0.30000000000000004"), (Double.nan, "null"), (-Double.infinity, "\"-inf\""),
        (1e20, "1e+20"),
    ])
    func json(x: Double, expected: String) {
        #expect(Format.jsonNumber(x) == expected)
    }

    @Test func jsonEscapesStrings() {
        #expect(Format.jsonString("a\"b\\c\n\u{01}é") == "\"a\\\"b\\\\c\\n\\u0001é\"")
    }

    @Test func recordsPrintAsAlignedFieldsUnderTheirTitle() throws {
        let text = Format.display(try evaluate("boxstats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30])"))
        let lines = text.split(separator: "\n")
        #expect(lines.first == "boxplot statistics (quantile type 7, whiskers at 1.5 IQR)")
        #expect(lines.contains("  q1                 3.5"))
        #expect(lines.contains("  outlier_positions  [11]"))
    }
}
