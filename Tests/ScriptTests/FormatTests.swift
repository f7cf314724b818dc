import Testing
@testable import Script

@Suite("How values read in the REPL")
struct FormatTests {
    @Test func recordsPrintAsAlignedFieldsUnderTheirTitle() throws {
        let text = Format.display(try evaluate("boxstats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30])"))
        let lines = text.split(separator: "\n")
        #expect(lines.first == "boxplot statistics (quantile type 7, whiskers at 1.5 IQR)")
        #expect(lines.contains("  q1                 3.5"))
        #expect(lines.contains("  outlier_positions  [11]"))
    }

    @Test func numbersReadAsTheNumberPolicySays() throws {
        #expect(Format.display(try evaluate("1 / 3")) == "0.3333333333")
        #expect(Format.display(try evaluate("[1, missing, 0.1 + 0.2]")) == "[1, missing, 0.3]")
        #expect(try json("[1, missing, 0.1 + 0.2]") == "[1,null,0.30000000000000004]")
    }

    @Test func tableColumnsShareTheirDecimals() throws {
        let text = Format.display(try evaluate("region(portfolio(\"demo\"), \"Nordtal\").composites"))
        let values = text.split(separator: "\n").map { $0.split(separator: " ").last! }
        #expect(values.count == 6)
        #expect(values.allSatisfy { $0.split(separator: ".").last?.count == 2 })
    }
}
