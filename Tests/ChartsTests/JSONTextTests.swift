import Testing
import Charts

@Suite("JSON text")
struct JSONTextTests {
    @Test("numbers", arguments: [
        (3.0, "3"), (0.1 + 0.2, "0.30000000000000004"), (Double.nan, "null"), (-Double.infinity, "\"-inf\""), (1e20, "1e+20"),
    ])
    func number(x: Double, expected: String) {
        #expect(JSONText.number(x) == expected)
    }

    @Test func stringsAreEscaped() {
        #expect(JSONText.string("a\"b\\c\n\u{01}é") == "\"a\\\"b\\\\c\\n\\u0001é\"")
    }

    @Test func recordsKeepTheirOrder() {
        let datum = Datum.record([.init("b", .number(1)), .init("a", .list([.text("x"), .missing, .bool(true)]))])
        #expect(JSONText.encode(datum) == "{\"b\":1,\"a\":[\"x\",null,true]}")
    }
}
