import Foundation
import Testing

@Suite("The report and workshop commands")
struct ReportCommandTests {
    @Test func reportAndWorkshopWriteTheirPagesAndRefuseAnUnknownRegion() throws {
        let folder = try NotebookCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let survey = ExampleScriptTests.packageRoot.appendingPathComponent("Data/survey_valdelora.csv").path
        let report = folder.appendingPathComponent("valdelora.de.html").path
        let result = try Executable.run(["report", "--region", "Valdelora", "--responses", survey, "--lang", "de", "-o", report])
        #expect(result.status == 0, "\(result.error)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("<html lang=\"de\">") && html.contains(">Einleitung</h2>") && html.contains(">Zusammenfassung</h2>"))
        #expect(html.contains("Wahrnehmungsunterschiede") && !html.contains("{{") && !html.contains("<pre class=\"st-code\">"))

        let workshop = folder.appendingPathComponent("workshop.md").path
        let md = try Executable.run(["workshop", "--region", "Nordtal", "--format", "md", "-o", workshop])
        #expect(md.status == 0, "\(md.error)")
        let text = try String(contentsOfFile: workshop, encoding: .utf8)
        #expect(text.contains("## Prioritisation sheet") && text.contains("## Fields of action"))

        let missing = folder.appendingPathComponent("missing.html").path
        let failed = try Executable.run(["report", "--region", "Atlantis", "-o", missing])
        #expect(failed.status == 1)
        #expect(failed.error.contains("no region `Atlantis`"))
        #expect(!FileManager.default.fileExists(atPath: missing))

        let language = try Executable.run(["report", "--region", "Nordtal", "--lang", "fr", "-o", missing])
        #expect(language.status != 0 && language.error.contains("--lang is en or de"))
    }
}
