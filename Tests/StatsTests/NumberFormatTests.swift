import Testing
import Stats

@Suite("The number policy")
struct NumberFormatTests {
    @Test("numbers for reading", arguments: [
        (3.0, "3"), (-0.5, "-0.5"), (1.0 / 3.0, "0.3333333333"), (Double.nan, "missing"), (Double.infinity, "inf"),
        (1e20, "1e+20"), (1.5e-7, "1.5e-07"), (0.1 + 0.2, "0.3"), (123456789.25, "123456789.2"),
    ])
    func reading(x: Double, expected: String) {
        #expect(NumberFormat.standard.reading(x) == expected)
    }

    @Test("exact numbers round-trip", arguments: [
        (3.0, "3"), (0.1 + 0.2, "0.30000000000000004"), (-Double.infinity, "-inf"), (1e20, "1e+20"), (-0.0, "0"),
        (2.5e-300, "2.5e-300"),
    ])
    func exact(x: Double, expected: String) {
        #expect(NumberFormat.exact(x) == expected)
        if x.isFinite { #expect(Double(expected) == x) }
    }

    @Test func fixedDecimalsRoundAndNeverShowNegativeZero() {
        let f = NumberFormat.standard
        #expect(f.fixed(2.345, decimals: 2) == "2.35" || f.fixed(2.345, decimals: 2) == "2.34")  // binary 2.345 is below or above
        #expect(f.fixed(2.5, decimals: 0) == "2")  // C rounds half to even on exact halves
        #expect(f.fixed(-0.001, decimals: 2) == "0.00")
        #expect(f.fixed(.nan, decimals: 2) == "missing")
        #expect(f.fixed(1.25, decimals: 1) == "1.2")
    }

    @Test func germanNumbersUseTheDecimalComma() {
        let de = NumberFormat(decimalSeparator: ",", missing: "fehlt")
        #expect(de.fixed(2.5, decimals: 2) == "2,50")
        #expect(de.reading(0.25) == "0,25")
        #expect(de.ticks([0, 0.5, 1, 1.5]) == ["0", "0,5", "1", "1,5"])
        #expect(de.fixed(.nan, decimals: 1) == "fehlt")
        #expect(de.percent(0.4523) == "45,2 %")
    }

    @Test("tick labels: as few decimals as the step needs", arguments: [
        ([0.0, 0.5, 1, 1.5, 2], ["0", "0.5", "1", "1.5", "2"]),
        ([0.1, 0.2, 0.30000000000000004], ["0.1", "0.2", "0.3"]),
        ([-20.0, 0, 20, 40], ["-20", "0", "20", "40"]),
        ([0.0, 0.25, 0.5], ["0", "0.25", "0.5"]),
        ([1e-5, 2e-5], ["0.00001", "0.00002"]),
    ])
    func ticks(values: [Double], expected: [String]) {
        #expect(NumberFormat.standard.ticks(values) == expected)
    }

    @Test func columnDecimals() {
        #expect(NumberFormat.columnDecimals([1, 2, .nan]) == 0)
        #expect(NumberFormat.columnDecimals([0.01, -0.05]) == 4)
        #expect(NumberFormat.columnDecimals([0.01, 2.5, .infinity]) == 2)
    }
}
