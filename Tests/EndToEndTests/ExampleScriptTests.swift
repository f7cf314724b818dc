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

    /// Whether the reference file at `path` (under the reference data) is there; under CI it
    /// must be, so the test runs and fails without it.
    static func has(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: referenceData.appendingPathComponent(path).path)
            || ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"
    }

    static var hasASEM: Bool { has("asem/asem_denominated.csv") }
    static var hasRCI: Bool { has("rci/rci2022_raw.csv") }

    /// The example script `Examples/NAME.stresstest` with its `dir = "../shared/data/FOLDER/"`
    /// pointed at the reference data's folder.
    static func example(_ name: String, folder: String) throws -> String {
        let script = try String(contentsOf: packageRoot.appendingPathComponent("Examples/\(name).stresstest"), encoding: .utf8)
        let path = referenceData.appendingPathComponent(folder).path + "/"
        return script.replacingOccurrences(of: "dir = \"../shared/data/\(folder)/\"", with: "dir = \"\(path)\"")
    }

    @Test("Examples/asem_pipeline.stresstest reproduces COINr's four published ASEM stages within 1e-9",
          .enabled(if: hasASEM, "the COINr ASEM data (../shared/data/asem) is absent"))
    func asemPipeline() throws {
        let script = try Self.example("asem_pipeline", folder: "asem")
        let result = try Executable.run(["run", "-"], input: script)
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        let differences = lines.suffix(4).compactMap(Double.init)
        #expect(differences.count == 4, "the last four lines are the largest differences: \(lines.suffix(4))")
        for difference in differences { #expect(difference < 1e-9) }
        #expect(result.output.contains("imputation (mean within Group_EurAsia): 65 of 65 missing cells imputed"))
        #expect(result.output.contains("Switzerland"))
    }

    /// R's values for the RCI example (Fixtures/make_rci_reference.R): Ward heights of the
    /// z-scored indicators with R's pairwise rule for missing cells, the cophenetic correlation,
    /// the six clusters, and Vienna's five nearest regions abroad.
    func rciReference() throws -> [String: [[String]]] {
        let url = Self.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/rci_reference.txt")
        var lines = [String: [[String]]]()
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            lines[words[0], default: []].append(Array(words.dropFirst()))
        }
        return lines
    }

    @Test("Examples/rci_peers.stresstest on the RCI 2022 indicators: peers, Ward heights, clusters and cophenetic correlation as R",
          .enabled(if: hasRCI, "the RCI 2022 data (../shared/data/rci) is absent"))
    func rciPeers() throws {
        let script = try Self.example("rci_peers", folder: "rci")
        let rci = Self.referenceData.appendingPathComponent("rci").path + "/"
        let reference = try rciReference()

        let result = try Executable.run(["run", "-"], input: script)
        #expect(result.status == 0, "\(result.error)")
        for peer in reference["peer"] ?? [] { #expect(result.output.contains(peer[0])) }
        #expect(result.output.contains("best k ="))

        let file = rci + "rci2022_raw.csv"
        let heights = try Executable.run(["eval", "--json", "hclust(table(\"\(file)\"), metric: \"standardised\").height"])
        let ours = heights.output.trimmingCharacters(in: CharacterSet(charactersIn: "[]\n")).split(separator: ",").compactMap { Double($0) }
        let r = (reference["height"] ?? []).compactMap { Double($0[0]) }
        #expect(r.count == 233 && ours.count == 233)
        for (a, b) in zip(ours, r) { #expect(abs(a - b) <= 1e-9 * max(1, b)) }

        let cut = try Executable.run(["eval", "--json", "t = table(\"\(file)\"); h = hclust(t, metric: \"standardised\"); [h.cophenetic, cut(h, k: 6)]"])
        #expect(cut.status == 0, "\(cut.error)")
        let values = cut.output.components(separatedBy: CharacterSet(charactersIn: "[]{},:\n"))
            .compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        let cophenetic = try #require(Double(reference["cophenetic"]?.first?.first ?? ""))
        #expect(abs((values.first ?? 0) - cophenetic) < 1e-9)
        #expect(Array(values.dropFirst()).map { Int($0) } == (reference["cut6"]?.first ?? []).compactMap { Int($0) })

        let peers = try Executable.run(["eval", "--json", "peers(table(\"\(file)\"), \"AT_C\", k: 5, exclude_country: true).distance"])
        let distances = peers.output.trimmingCharacters(in: CharacterSet(charactersIn: "[]\n")).split(separator: ",").compactMap { Double($0) }
        let expected = (reference["peer"] ?? []).compactMap { Double($0[1]) }
        #expect(distances.count == 5 && expected.count == 5)
        for (a, b) in zip(distances, expected) { #expect(abs(a - b) < 1e-9) }
    }

    @Test("Examples/explore.stresstest: a user function, a loop and table pipelines on the demo portfolio, as the README shows")
    func explore() throws {
        let path = Self.packageRoot.appendingPathComponent("Examples/explore.stresstest").path
        let result = try Executable.run(["run", path])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.prefix(6) == ["DEV: interquartile range 0.57", "COA: interquartile range 0.43", "IMP: interquartile range 0.66",
                                    "IMC: interquartile range 0.7", "MON: interquartile range 0.55", "POR: interquartile range 0.53"])
        #expect(result.output.contains("region     I02   I05\nNorrvik   2.33  3.03\nSjöbacka  1.54  2.26\n"))
        #expect(result.output.contains("country  mean_I02  n\nCZ           2.73  2\nDE           2.62  3\nFI           2.58  2\n"))
        #expect(result.output.contains("region         nominal   mean  median  p05  p95  range\n"))
    }
}
