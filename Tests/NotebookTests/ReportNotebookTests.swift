import Charts
import Foundation
import Stats
import StressTest
import Testing
@testable import Notebook

/// The shipped StressTest-Report and workshop notebooks (Data/report): they render for every demo
/// region and for the regions of the example surveys, in English and German, with every chapter,
/// no unrendered value, and the numbers of their sentences equal to the functions' results.
@Suite("The report and workshop notebooks")
struct ReportNotebookTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data").path
    static let regions = (try? Portfolio.demo().regions.map(\.id)) ?? []

    static let chapters: [Language: [String]] = [
        .english: ["Introduction", "The context: interplay between Smart Specialisation and clusters", "The StressTest approach",
                   "Results for the six key dimensions", "4.1 Development phase of S3", "4.2 Coordination &amp; alignment",
                   "4.3 Implementation: clusters as a tool", "4.4 Impact of S3 on cluster organisations", "4.5 Monitoring &amp; evaluation",
                   "4.6 Regional cluster portfolio", "Summary"],
        .german: ["Einleitung", "Der Kontext: Zusammenspiel von intelligenter Spezialisierung und Clustern", "Der StressTest-Ansatz",
                  "Ergebnisse für die sechs Schlüsseldimensionen", "4.1 Entwicklungsphase der S3", "4.2 Koordination &amp; Abstimmung",
                  "4.3 Umsetzung: Cluster als Instrument", "4.4 Wirkung der S3 auf Clusterorganisationen", "4.5 Monitoring &amp; Evaluation",
                  "4.6 Regionales Clusterportfolio", "Zusammenfassung"],
    ]
    static let slides: [Language: [String]] = [
        .english: ["The StressTest in brief", "Results at a glance", "Strengths and weaknesses", "Prioritisation sheet",
                   "Good practices of peer regions", "Fields of action"],
        .german: ["Der StressTest in Kürze", "Ergebnisse auf einen Blick", "Stärken und Schwächen", "Priorisierungsbogen",
                  "Gute Praxis ähnlicher Regionen", "Handlungsfelder"],
    ]

    /// Renders the shipped notebook `name` in `language` with `params` (YAML values).
    static func render(_ name: String, _ language: Language, _ params: [(String, String)]) throws -> (run: NotebookRun, html: String) {
        let path = "\(folder)/report/\(name).\(language.rawValue).md"
        let notebook = try NotebookParser.parse(try String(contentsOfFile: path, encoding: .utf8), path: path)
        let run = try NotebookSession().run(notebook, options: NotebookOptions(params: params))
        let html = NotebookHTMLRenderer(settings: RenderSettings(generator: "stresstest test", showsCode: false)).render(run)
        return (run, html)
    }

    /// What every rendered page must be: no error, no unrendered `{{`, no script.
    static func expectClean(_ run: NotebookRun, _ html: String, _ what: String) {
        #expect(run.errors.isEmpty, "\(what): \(run.errors.first ?? "")")
        #expect(!html.contains("{{"), "\(what) holds an unrendered {{")
        #expect(!html.contains("class=\"st-inline-error\"") && !html.contains("class=\"st-error\""), "\(what) shows an error")
        #expect(!html.lowercased().contains("<script"), "\(what) holds a script")
    }

    /// The sentence of each dimension quotes the region's composite, the median, the quartiles
    /// and the rank that `Benchmark` computes, written with the language's decimal separator.
    static func expectQuotedNumbers(_ html: String, _ portfolio: Portfolio, region: String, _ language: Language, _ what: String) throws {
        let b = try Benchmark(portfolio, region: region)
        let numbers = language.numbers
        func f(_ x: Double) -> String { numbers.fixed(x, decimals: 2) }
        for entry in b.entries where entry.isComposite {
            let expected = switch language {
            case .english: "<strong>\(f(entry.value))</strong> against a portfolio median of \(f(entry.box.median)) (quartiles \(f(entry.box.q1)) and \(f(entry.box.q3))): rank \(entry.rank!) of \(b.regionCount)"
            case .german: "<strong>\(f(entry.value))</strong> bei einem Median des Portfolios von \(f(entry.box.median)) (Quartile \(f(entry.box.q1)) und \(f(entry.box.q3))): Rang \(entry.rank!) von \(b.regionCount)"
            }
            #expect(html.contains(expected), "\(what): \(entry.code) should read \(expected)")
        }
    }

    @Test("the report renders for every demo region in both languages, quoting the benchmark's numbers",
          arguments: Language.allCases)
    func reportForEveryDemoRegion(language: Language) throws {
        let portfolio = try Portfolio.demo()
        #expect(Self.regions.count == 26)
        for region in Self.regions {
            let (run, html) = try Self.render("report", language, [("region", region)])
            Self.expectClean(run, html, "report \(language.rawValue) \(region)")
            for chapter in Self.chapters[language]! {
                #expect(html.contains(">" + chapter + "</h"), "report \(language.rawValue) \(region) lacks the chapter \(chapter)")
            }
            #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
            try Self.expectQuotedNumbers(html, portfolio, region: region, language, "report \(language.rawValue) \(region)")
            // Six boxplot panels, one per dimension, and the decimal separator of the language on their axes.
            #expect(html.components(separatedBy: "<figure class=\"st-chart\">").count - 1 == 6)
            #expect(html.contains(language == .german ? ">1,5</text>" : ">1.5</text>"))
        }
    }

    @Test("the workshop pack renders for every demo region in both languages", arguments: Language.allCases)
    func workshopForEveryDemoRegion(language: Language) throws {
        for region in Self.regions {
            let (run, html) = try Self.render("workshop", language, [("region", region)])
            Self.expectClean(run, html, "workshop \(language.rawValue) \(region)")
            for slide in Self.slides[language]! {
                #expect(html.contains(">" + slide + "</h2>"), "workshop \(language.rawValue) \(region) lacks the slide \(slide)")
            }
            #expect(html.contains("size: A4 landscape"))
            // One section per slide.
            #expect(html.components(separatedBy: "<section class=\"st-chapter\">").count - 1 == Self.slides[language]!.count)
        }
    }

    @Test("a region scored from each example survey: respondents, intervals and perception gaps in the text",
          arguments: ["nordtal", "valdelora", "veenland"])
    func reportFromSurvey(name: String) throws {
        let file = "\(Self.folder)/survey_\(name).csv"
        let survey = try SurveyResponses.read(path: file)
        let scores = SurveyScoring().score(survey)
        let score = try #require(scores.first)
        let portfolio = try Portfolio.demo().with(scores)
        for language in Language.allCases {
            let params = [("region", score.region), ("responses", "\"\(file)\""), ("bootstrap", "200")]
            let (run, html) = try Self.render("report", language, params)
            let what = "report \(language.rawValue) from survey_\(name).csv"
            Self.expectClean(run, html, what)
            try Self.expectQuotedNumbers(html, portfolio, region: score.region, language, what)
            let total = score.respondents.values.reduce(0, +)
            let policy = score.respondents[.policy, default: 0]
            #expect(html.contains(language == .english ? "\(total) respondents, \(policy) of them policy makers" : "\(total) Antwortende, davon \(policy) aus der Politik"), "\(what): respondents")
            let gaps = language == .english ? "<strong>Perception gaps.</strong>" : "<strong>Wahrnehmungsunterschiede.</strong>"
            #expect(html.components(separatedBy: gaps).count - 1 == 6, "\(what): a perception gap per dimension")
            #expect(html.contains(language == .english ? "bootstrap interval is" : "Bootstrap-Intervall der Befragung reicht"), "\(what): intervals")
            let (workshop, page) = try Self.render("workshop", language, params.filter { $0.0 != "bootstrap" })
            Self.expectClean(workshop, page, "workshop \(language.rawValue) from survey_\(name).csv")
        }
    }

    @Test("the perception gap quoted is the largest of the dimension's indicators, as scoring computes it")
    func perceptionGapMatchesScoring() throws {
        let file = "\(Self.folder)/survey_nordtal.csv"
        let score = try #require(SurveyScoring().score(try SurveyResponses.read(path: file)).first)
        let (_, html) = try Self.render("report", .english, [("region", "Nordtal"), ("responses", "\"\(file)\""), ("bootstrap", "100")])
        for dimension in Framework.stressTest.dimensions {
            let ids = Framework.stressTest.indicators(in: dimension.code).map(\.id)
            let largest = ids.compactMap { id in score.indicators[id].map { (id, $0.perceptionGap) } }.filter { !$0.1.isNaN }.max { $0.1 < $1.1 }
            guard let (id, gap) = largest else { continue }
            #expect(html.contains("differ most on \(id) ("), "\(dimension.code): the largest gap is on \(id)")
            #expect(html.contains("a gap of \(NumberFormat.standard.fixed(gap, decimals: 2))"), "\(dimension.code): gap \(gap)")
        }
    }

    @Test("a region and a peer named with <, & and quotes render as text")
    func hostileNames() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let csv = try String(contentsOfFile: "\(Self.folder)/demo_portfolio.csv", encoding: .utf8)
        let region = "Nord<tal> & \"Co\"", peer = "Hohen<b>feld</b> & 'x'"
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let edited = csv.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("Nordtal,") { return quoted(region) + line.dropFirst("Nordtal".count) }
            if line.hasPrefix("Hohenfeld,") { return quoted(peer) + line.dropFirst("Hohenfeld".count) }
            return String(line)
        }.joined(separator: "\n")
        try scratch.write("portfolio.csv", edited)
        for language in Language.allCases {
            for name in ["report", "workshop"] {
                let (run, html) = try Self.render(name, language, [("region", "\"Nord<tal> & \\\"Co\\\"\""), ("portfolio", "\"\(scratch.path("portfolio.csv"))\"")])
                Self.expectClean(run, html, "\(name) \(language.rawValue) with hostile names")
                #expect(html.contains("Nord&lt;tal&gt; &amp; &quot;Co&quot;"))
                #expect(!html.contains("<tal>") && !html.contains("<b>feld"))
                // The running header is a CSS string in which `<` cannot end the style element.
                #expect(html.contains("Nord\\3C tal\\3E  \\26  \\\"Co\\\""))
                if name == "report" && language == .english { #expect(html.contains("Hohen&lt;b&gt;feld&lt;/b&gt; &amp; &#39;x&#39;") || html.contains("Hohen&lt;b&gt;feld&lt;/b&gt; &amp; &apos;x&apos;")) }
            }
        }
    }
}
