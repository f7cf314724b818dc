import Foundation
import Testing
@testable import Script

@Suite("Tab completion: names, arguments, fields, regions and indicators, file paths")
struct CompletionTests {
    static func session() throws -> Interpreter {
        let interpreter = Interpreter()
        try interpreter.run(Source(name: "input", text: "p = portfolio(\"demo\")\nrecord = {alpha: 1, beta: {gamma: 2}}\nfn gap(x, k: 2) = x"))
        return interpreter
    }

    @Test func variablesAndFunctions() throws {
        let c = try Self.session().completions(before: "x = boxs")
        #expect(c.start == 4)
        #expect(c.candidates == ["boxstats("])
        #expect(try Self.session().completions(before: "reco").candidates == ["record"])
        #expect(try Self.session().completions(before: "ga").candidates == ["gap"])
    }

    @Test func argumentNamesInsideACall() throws {
        let c = try Self.session().completions(before: "uncertainty(p, sa")
        #expect(c.candidates.contains("samples: "))
        #expect(c.candidates.allSatisfy { $0.hasPrefix("sa") })
        #expect(try Self.session().completions(before: "gap(1, ").candidates.contains("k: "))
        // An argument already given is not offered again.
        #expect(!(try Self.session().completions(before: "uncertainty(p, samples: 10, ")).candidates.contains("samples: "))
    }

    @Test func fieldsAfterADot() throws {
        let interpreter = try Self.session()
        #expect(interpreter.completions(before: "record.al").candidates == ["alpha"])
        #expect(interpreter.completions(before: "record.beta.").candidates == ["gamma"])
        try interpreter.run(Source(name: "input", text: "u = uncertainty(p, samples: 50)"))
        #expect(interpreter.completions(before: "u.re").candidates.contains("regions"))
    }

    @Test func regionsAndIndicatorsInsideStrings() throws {
        let interpreter = try Self.session()
        guard case .object(let object as PortfolioObject)? = interpreter.variables["p"] else {
            Issue.record("p is a portfolio")
            return
        }
        let region = try #require(object.portfolio.regions.first)
        let typed = String(region.label.prefix(3))
        let c = interpreter.completions(before: "benchmark(p, \"" + typed)
        #expect(c.start == 14)
        #expect(c.candidates.contains(region.label))
        #expect(interpreter.completions(before: "p[\"I0").candidates.contains("I02"))
    }

    @Test func filePathsInsideStrings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("data/ris2023.csv"))
        let c = try Self.session().completions(before: "portfolio(\"" + folder.path + "/da")
        #expect(c.candidates == [folder.path + "/data/"])
        #expect(try Self.session().completions(before: "portfolio(\"" + folder.path + "/data/r").candidates == [folder.path + "/data/ris2023.csv"])
    }
}
