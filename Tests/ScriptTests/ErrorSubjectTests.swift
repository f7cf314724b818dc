import Foundation
import Testing
@testable import Script
import StressTest

/// The text under the caret of the error `code` raises: the argument it blames.
private func blamed(_ code: String) -> String? {
    let source = Source(name: "input", text: code)
    do {
        try Interpreter().run(source)
        return nil
    } catch {
        let text = Array(source.text.utf8)
        let range = error.range
        guard range.start >= 0, range.end <= text.count, range.start < range.end else { return "<range \(range)>" }
        return String(decoding: text[range.start..<range.end], as: UTF8.self)
    }
}

@Suite("Domain errors blame the argument their subject names, by case")
struct ErrorSubjectTests {
    @Test("each subject points at its argument", arguments: [
        // A region: the region argument, whatever the function calls it.
        (#"peers(portfolio("demo"), "Nowhere")"#, #""Nowhere""#),
        (#"tipping(composite(portfolio("demo")), "Nowhere")"#, #""Nowhere""#),
        (#"good_practice(portfolio("demo"), "Nowhere")"#, #""Nowhere""#),
        // A parameter: the argument of that name.
        (#"benchmark(portfolio("demo"), "Nordtal", k: -1)"#, "-1"),
        (#"composite(portfolio("demo"), weights: {XX: 1})"#, "{XX: 1}"),
        (#"composite(portfolio("demo"), weights: {DEV: -1})"#, "{DEV: -1}"),
        (#"composite(portfolio("demo"), normalise: "minmax", method: "geometric")"#, #""geometric""#),
        (#"impute(portfolio("demo"), by: "nothing")"#, #""nothing""#),
        // A variable: on.
        (#"peers(portfolio("demo"), "Nordtal", on: ["I01", "I01"])"#, #"["I01", "I01"]"#),
        (#"peers(portfolio("demo"), "Nordtal", on: ["I01", "XYZ"])"#, #"["I01", "XYZ"]"#),
        // A dimension: of.
        (#"uncertainty(portfolio("demo"), of: "XYZ")"#, #""XYZ""#),
        // A wave: year.
        (#"portfolio("demo", year: 1990)"#, "1990"),
    ])
    func blamesBySubject(code: String, argument: String) {
        #expect(blamed(code) == argument, "\(code)")
    }

    @Test("a portfolio file's problem blames the file it is in: the framework's is framework:, a missing wave year:")
    func portfolioFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stresstest-subject-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let framework = folder.appendingPathComponent("framework.csv").path
        try "id,name\nX1,foo\n".write(toFile: framework, atomically: true, encoding: .utf8)
        let portfolio = folder.appendingPathComponent("portfolio.csv").path
        try "region,I01\nA,1\n".write(toFile: portfolio, atomically: true, encoding: .utf8)
        #expect(blamed(#"portfolio("\#(portfolio)", framework: "\#(framework)")"#) == #""\#(framework)""#)
        #expect(blamed(#"portfolio("\#(portfolio)")"#) == #""\#(portfolio)""#)
    }

    @Test("the subjects are typed: a wave, a region, a parameter, a variable, a dimension")
    func typedSubjects() throws {
        let p = try Portfolio.demo()
        #expect(throws: Never.self) { _ = try p.requireRegion("Nordtal") }
        do { _ = try p.requireRegion("Nowhere"); Issue.record("no error") } catch { #expect(error.subject == .region("Nowhere")) }
        do { _ = try p.framework.requireDimension("XYZ"); Issue.record("no error") } catch { #expect(error.subject == .dimension("XYZ")) }
        do { _ = try p.regionVariables(.columns(["I01", "XYZ"])); Issue.record("no error") } catch { #expect(error.subject == .variable("XYZ")) }
        do { _ = try Benchmark(p, region: "Nordtal", coefficient: -1); Issue.record("no error") } catch { #expect(error.subject == .parameter("k")) }
        do {
            _ = try Portfolio.demo(year: 1990)
            Issue.record("no error")
        } catch {
            #expect(error.issues.first?.subject == .wave(1990))
        }
    }
}
