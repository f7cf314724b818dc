import Foundation
import Testing

@Suite("Notebooks through the commands: run, render, check, watch")
struct NotebookCommandTests {
    static let tour = ExampleScriptTests.packageRoot.appendingPathComponent("Data/notebooks/tour.md").path

    /// A folder of its own, removed by the caller.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-e2e-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theTourRendersWithEveryCapabilityAndChecksClean() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("tour.html").path
        let result = try Executable.run(["render", Self.tour, "-o", page])
        #expect(result.status == 0, "\(result.error)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        for id in ["portfolio", "survey", "benchmark", "boxplots", "composite", "uncertainty", "rank-intervals", "sobol",
                   "tipping", "peers", "good-practice", "dendrogram", "clusters", "chapters"] {
            #expect(html.contains("data-cell=\"\(id)\""), "cell \(id)")
        }
        #expect(!html.contains("class=\"st-error\""))
        #expect(!html.contains("class=\"st-inline-error\""))
        #expect(!html.contains("{{"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 4)
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("this tour looks at <strong><span class=\"st-inline\">Nordtal</span></strong>"))
        #expect(html.contains("<h3>Monitoring &amp; evaluation</h3>"))
        #expect(html.contains("<code>../survey_valdelora.csv</code>"))
        #expect(html.contains("Seeds used: 1."))
        #expect(!html.contains(ExampleScriptTests.packageRoot.path))
        let check = try Executable.run(["check", Self.tour, "--against", page])
        #expect(check.status == 0, "\(check.error)")
        #expect(check.output.contains("every output as in"))
        // Another region through --param: the same page for Valdelora, which check tells apart.
        let other = try Executable.run(["check", Self.tour, "--against", page, "--param", "region=Valdelora"])
        #expect(other.status == 1)
        #expect(other.error.contains("error: cell `benchmark`"))
    }

    @Test func checkNamesTheCellWhoseOutputChangedWithItsData() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = folder.appendingPathComponent("NB.md").path
        try "region,x\nA,1\nB,2\n".write(toFile: folder.appendingPathComponent("data.csv").path, atomically: true, encoding: .utf8)
        try "# Test\n\n```stresstest\n#| id: load\nt = table(\"data.csv\")\n```\n\n```stresstest\n#| id: total\nsum(t.x)\n```\n\n```stresstest\n#| id: fixed\n1 + 1\n```\n"
            .write(toFile: notebook, atomically: true, encoding: .utf8)
        #expect(try Executable.run(["render", notebook]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("NB.html").path))
        #expect(try Executable.run(["check", notebook]).status == 0)
        try "region,x\nA,1\nB,5\n".write(toFile: folder.appendingPathComponent("data.csv").path, atomically: true, encoding: .utf8)
        let changed = try Executable.run(["check", notebook])
        #expect(changed.status == 1)
        #expect(changed.error == "error: cell `total` (\(notebook):8): its output differs from the last render\n")
    }

    @Test func runPrintsCellsOrJSONAndFailsOnAnError() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = folder.appendingPathComponent("NB.md").path
        try "```stresstest\n#| id: use\nx * 2\n```\n\n```stresstest\n#| id: define\nx = 21\n```\n".write(toFile: notebook, atomically: true, encoding: .utf8)
        let run = try Executable.run(["run", notebook])
        #expect(run.status == 0)
        #expect(run.output == "── use (\(notebook):1) \n42\n── define (\(notebook):6) \n")
        let json = try Executable.run(["run", "--json", notebook])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["order"] as? [String] == ["define", "use"])
        #expect(((object["cells"] as? [[String: Any]])?.first?["outputs"] as? [Int]) == [42])
        try "```stresstest\nx = 1\n```\n\n```stresstest\nx = 2\n```\n".write(toFile: notebook, atomically: true, encoding: .utf8)
        let twice = try Executable.run(["render", notebook])
        #expect(twice.status == 1)
        #expect(twice.error.contains("error: `x` is defined twice\n --> \(notebook):2:1"))
        #expect(twice.error.contains(" --> \(notebook):6:1"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("NB.html").path))
    }

    @Test func renderWithoutCodeAndAsMarkdown() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = folder.appendingPathComponent("NB.md").path
        try "---\ntitle: Small\n---\nThe value is {{ x }}.\n\n```stresstest\nx = 6 * 7\nbox([1, 2, 3, 4, 10])\n```\n".write(toFile: notebook, atomically: true, encoding: .utf8)
        #expect(try Executable.run(["render", notebook, "--no-code", "-o", folder.appendingPathComponent("bare.html").path]).status == 0)
        let bare = try String(contentsOf: folder.appendingPathComponent("bare.html"), encoding: .utf8)
        #expect(!bare.contains("6 * 7"))
        #expect(bare.contains("The value is <span class=\"st-inline\">42</span>."))
        #expect(try Executable.run(["render", notebook, "--format", "md", "-o", folder.appendingPathComponent("README.md").path]).status == 0)
        let markdown = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Small\n\nThe value is 42.\n"))
        #expect(markdown.contains("![Boxplot of x](README_files/cell-1-1.svg)"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("README_files/cell-1-1.svg").path))
    }

    @Test func watchReRendersOnlyWhatChanged() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = folder.appendingPathComponent("NB.md").path
        let text = "```stresstest\n#| id: a\na = 1\n```\n\n```stresstest\n#| id: b\nb = a + 1\nb\n```\n\n```stresstest\n#| id: c\nc = 3\nc\n```\n"
        try text.write(toFile: notebook, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = Executable.url
        process.arguments = ["watch", notebook, "--interval", "0.1"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // SIGKILL: the test runner's threads may block SIGTERM, and a child inherits that.
        defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        let lines = LineCollector(output.fileHandleForReading)
        let first = try #require(lines.next(within: 60))
        #expect(first.contains("ran `a`, `b`, `c`; 0 from the cache"))
        try text.replacingOccurrences(of: "b = a + 1", with: "b = a + 5").write(toFile: notebook, atomically: true, encoding: .utf8)
        let second = try #require(lines.next(within: 60))
        #expect(second.contains("ran `b`; 2 from the cache"))
        let html = try String(contentsOf: folder.appendingPathComponent("NB.html"), encoding: .utf8)
        #expect(html.contains("<pre class=\"st-text\">6</pre>"))
    }
}

/// Lines a child process writes, read on a thread of their own.
final class LineCollector: @unchecked Sendable {
    private let lock = NSCondition()
    private var lines: [String] = []
    private var buffer = ""

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                lock.lock()
                buffer += String(decoding: data, as: UTF8.self)
                while let newline = buffer.firstIndex(of: "\n") {
                    lines.append(String(buffer[..<newline]))
                    buffer = String(buffer[buffer.index(after: newline)...])
                }
                lock.broadcast()
                lock.unlock()
            }
        }
    }

    /// The next line, waiting at most `seconds` for it.
    func next(within seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        lock.lock()
        defer { lock.unlock() }
        while lines.isEmpty {
            if !lock.wait(until: deadline) { return nil }
        }
        return lines.removeFirst()
    }
}
