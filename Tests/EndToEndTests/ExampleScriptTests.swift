import Foundation
import Testing

@Suite("Example scripts")
struct ExampleScriptTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$STRESSTEST_FIXTURES` or `../shared/data` beside the package.
    static let referenceData: URL = {
        if let custom = ProcessInfo.processInfo.environment["STRESSTEST_FIXTURES"], !custom.isEmpty {
            return URL(fileURLWithPath: custom, isDirectory: true)
        }
        return packageRoot.appendingPathComponent("../shared/data", isDirectory: true).standardizedFileURL
    }()

    static var hasASEM: Bool {
        FileManager.default.fileExists(atPath: referenceData.appendingPathComponent("asem/asem_denominated.csv").path)
            || ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"
    }

    @Test("Examples/asem_pipeline.stresstest reproduces COINr's four published ASEM stages within 1e-9",
          .enabled(if: hasASEM, "the COINr ASEM data (../shared/data/asem) is absent"))
    func asemPipeline() throws {
        let example = Self.packageRoot.appendingPathComponent("Examples/asem_pipeline.stresstest")
        var script = try String(contentsOf: example, encoding: .utf8)
        let asem = Self.referenceData.appendingPathComponent("asem").path + "/"
        script = script.replacingOccurrences(of: #"dir = "../shared/data/asem/""#, with: "dir = \"\(asem)\"")
        let result = try Executable.run(["run", "-"], input: script)
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        let differences = lines.suffix(4).compactMap(Double.init)
        #expect(differences.count == 4, "the last four lines are the largest differences: \(lines.suffix(4))")
        for difference in differences { #expect(difference < 1e-9) }
        #expect(result.output.contains("imputation (mean within Group_EurAsia): 65 of 65 missing cells imputed"))
        #expect(result.output.contains("Switzerland"))
    }
}
