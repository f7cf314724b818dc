import Foundation
import StressTest
import Testing
@testable import Script

/// The worked examples `help(name)` shows: one for every function, each for a function, and each
/// running without an error in a fresh interpreter.
///
/// Serialized: the examples run in a temporary folder made the current directory (examples that
/// write files write to names in the current folder), and the current directory is the process's.
@Suite("Worked examples", .serialized)
struct ExampleTests {
    /// Every function a script can call: the standard library's and the session's (print, quit).
    static let functions = Set(Interpreter().functions.keys)

    @Test func everyFunctionHasAnExample() {
        #expect(Set(Library.standard.functions.keys).isSubset(of: Self.functions))
        let missing = Self.functions.subtracting(Library.examples.keys).sorted()
        #expect(missing.isEmpty, "functions without an example: \(missing.joined(separator: ", "))")
    }

    @Test func everyExampleIsForAFunction() {
        let strays = Set(Library.examples.keys).subtracting(Self.functions).sorted()
        #expect(strays.isEmpty, "examples of names that are not functions: \(strays.joined(separator: ", "))")
    }

    @Test("every example runs", arguments: Library.examples.keys.sorted())
    func exampleRuns(name: String) throws {
        let code = try #require(Library.examples[name])
        #expect(!code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "the example of \(name) is empty")
        #expect(code.split(separator: "\n").count <= 6, "the example of \(name) is long; a worked example has a few lines")
        #expect(code.contains(name), "the example of \(name) does not call it")
        let source = Source(name: "example of \(name)", text: code)
        try inTemporaryFolder {
            let interpreter = Interpreter()
            interpreter.printer = { _, _ in }
            var last: Value?
            do throws(ScriptError) {
                let start = ContinuousClock.now
                try interpreter.run(source) { last = $0.value }
                // Examples run whenever help is shown: a few hundredths of a second each in a
                // debug build; the bound is loose so that a loaded machine does not fail it.
                let elapsed = ContinuousClock.now - start
                #expect(elapsed < .seconds(2), "the example of \(name) takes \(elapsed); keep samples small")
            } catch {
                Issue.record("the example of \(name) fails:\n\(error.rendered(in: source))")
                return
            }
            if name != "quit" && name != "exit" {
                #expect(last != nil, "the example of \(name) gives no value")
            }
        }
    }

    /// Runs `body` with a fresh temporary folder as the current directory, holding a copy of the
    /// shipped example survey responses under `Data/` (as in the package's folder, from which the
    /// examples read them), then restores the current directory and removes the folder.
    private func inTemporaryFolder(_ body: () throws -> Void) throws {
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("stresstest-examples-\(UUID().uuidString)")
        let data = folder.appendingPathComponent("Data")
        try files.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: folder) }
        for name in ["survey_nordtal.csv", "survey_valdelora.csv", "survey_veenland.csv"] {
            let shipped = try #require(ShippedData.url(name), "the shipped \(name)")
            try files.copyItem(at: shipped, to: data.appendingPathComponent(name))
        }
        let previous = files.currentDirectoryPath
        #expect(files.changeCurrentDirectoryPath(folder.path))
        defer { _ = files.changeCurrentDirectoryPath(previous) }
        try body()
    }
}
