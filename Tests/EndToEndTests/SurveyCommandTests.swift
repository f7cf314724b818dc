import Foundation
import Testing

/// `stresstest survey check | score | questionnaire`, run as a user runs them, on small survey
/// files written for each test.
@Suite("The survey commands, run as a user runs them")
struct SurveyCommandTests {
    // MARK: Survey files

    /// The StressTest questionnaire's question ids, Q01 ... Q25.
    static let questions = (1...25).map { String(format: "Q%02d", $0) }
    static let indicators = (1...21).map { String(format: "I%02d", $0) }
    static let dimensions = ["DEV", "COA", "IMP", "IMC", "MON", "POR"]

    /// A survey file: `columns` as the header, each row given by column (absent columns empty).
    static func csv(_ rows: [[String: String]], columns: [String] = ["respondent", "region", "group"] + questions) -> String {
        ([columns.joined(separator: ",")] + rows.map { row in columns.map { row[$0] ?? "" }.joined(separator: ",") })
            .joined(separator: "\n") + "\n"
    }

    /// Writes `text` as `name` into a new temporary folder; returns the folder and the file's path.
    static func write(_ text: String, as name: String = "survey.csv") throws -> (folder: URL, path: String) {
        let folder = try Executable.temporaryFolder()
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (folder, file.path)
    }

    /// Two respondents in one region, scored by hand (FRAMEWORK.md "Scoring"):
    /// I01 from Q01, Q02: policy (4 + 2) / 2 = 3, operational 1 (Q02 don't know) -> (3 + 1) / 2 = 2;
    /// I02 from Q03: (3 + 0) / 2 = 1.5; I03 from Q04: (2 + 4) / 2 = 3; I12 from Q14 (operational
    /// only): 3. DEV = (2 + 1.5 + 3) / 3 = 6.5 / 3; IMC has only I12, 1/3 of its weight: missing.
    static let twoRespondents = csv([
        ["respondent": "P1", "region": "Nordtal", "group": "policy", "Q01": "4", "Q02": "2", "Q03": "3", "Q04": "2"],
        ["respondent": "O1", "region": "Nordtal", "group": "O", "Q01": "1", "Q02": "DK", "Q03": "0", "Q04": "4", "Q14": "3"],
    ])

    /// `{"I01":2,...}` with `values` and null for every other code.
    static func object(_ codes: [String], _ values: [String: String]) -> String {
        "{" + codes.map { "\"\($0)\":\(values[$0] ?? "null")" }.joined(separator: ",") + "}"
    }

    static func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: check

    @Test func checkReportsRespondentsIgnoredColumnsAndFlags() throws {
        let columns = ["timestamp", "respondent", "region", "group"] + Self.questions + ["language"]
        let text = Self.csv([
            ["timestamp": "2024-05-01", "respondent": "P1", "region": "Nordtal", "group": "policy", "Q01": "4", "Q17": "3", "language": "de"],
            ["timestamp": "2024-05-01", "respondent": "P2", "region": "Nordtal", "group": "P", "Q02": "2", "Q03": "DK"],
            ["timestamp": "2024-05-02", "respondent": "P3", "region": "Nordtal", "group": "Policy", "Q04": "1"],
            ["timestamp": "2024-05-02", "respondent": "O1", "region": "Nordtal", "group": "operational", "Q14": "0"],
            ["timestamp": "2024-05-03", "respondent": "I1", "region": "Südwald", "group": "intermediate"],
        ], columns: columns)
        let (folder, path) = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: folder) }

        let result = try Executable.run(["survey", "check", path])
        #expect(result.status == 0)
        #expect(result.error.isEmpty)
        // I02 is Q03 alone, which P2 answered "don't know": nobody answered it.
        let unansweredInNordtal = Self.indicators.filter { !["I01", "I03", "I12", "I15"].contains($0) }
        #expect(result.output == """
            Survey file: \(path)
            Respondents: 5 in 2 regions
            Ignored columns: timestamp, language

            Respondents per region and stakeholder group:

            region   policy  operational  intermediate  total
            Nordtal       3            1             0      4
            Südwald       0            0             1      1
            total         3            1             1      5

            Flags (warnings: the survey can be scored, but read these results with care):
            - Nordtal: fewer than 3 respondents in operational (1), intermediate (0)
            - Nordtal: indicators nobody answered: \(unansweredInNordtal.joined(separator: ", "))
            - Südwald: fewer than 3 respondents in policy (0), operational (0), intermediate (1)
            - Südwald: indicators nobody answered: \(Self.indicators.joined(separator: ", "))
            - Südwald: respondents who answered no question: I1 (row 6)

            """)
        // Listed once, not once per row.
        #expect(result.output.components(separatedBy: "timestamp").count == 2)
    }

    @Test func checkOnACompleteSurveyHasNoFlags() throws {
        var rows = [[String: String]]()
        for (group, letter) in [("policy", "P"), ("operational", "O"), ("intermediate", "I")] {
            for n in 1...3 {
                var row = ["respondent": "\(letter)\(n)", "region": "Nordtal", "group": group]
                // Q01-Q04, Q08, Q11, Q15, Q18, Q23, Q24 are asked of every group and cover DEV
                // and parts of the others; the rest per group from FRAMEWORK.md's table.
                let asked: [String] = switch group {
                case "policy": ["Q01", "Q02", "Q03", "Q04", "Q05", "Q06", "Q08", "Q11", "Q12", "Q13", "Q15", "Q17", "Q18", "Q19", "Q20", "Q21", "Q23", "Q24"]
                case "operational": ["Q01", "Q02", "Q03", "Q04", "Q07", "Q08", "Q09", "Q10", "Q11", "Q12", "Q13", "Q14", "Q15", "Q16", "Q18", "Q20", "Q22", "Q23", "Q24", "Q25"]
                default: ["Q01", "Q02", "Q03", "Q04", "Q05", "Q06", "Q07", "Q08", "Q09", "Q10", "Q11", "Q15", "Q16", "Q18", "Q19", "Q21", "Q23", "Q24", "Q25"]
                }
                for question in asked { row[question] = String((n + question.count) % 5) }
                rows.append(row)
            }
        }
        let (folder, path) = try Self.write(Self.csv(rows))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Executable.run(["survey", "check", path])
        #expect(result.status == 0)
        #expect(result.output.contains("Respondents: 9 in 1 region\n"))
        #expect(result.output.contains("Ignored columns: none\n"))
        #expect(result.output.contains("Nordtal       3            3             3      9\n"))
        #expect(result.output.hasSuffix("\nFlags: none\n"))
    }

    @Test func checkAndScoreReportEveryProblemOfABadFileAndExitOne() throws {
        let text = Self.csv([
            ["respondent": "P1", "region": "Nordtal", "group": "policy", "Q01": "4", "Q05": "7"],
            ["respondent": "P2", "region": "Nordtal", "group": "boss", "Q01": "3"],
            ["respondent": "P1", "region": "Nordtal", "group": "policy", "Q14": "2"],
            ["respondent": "P4", "region": "", "group": "P", "Q02": "3.5"],
        ])
        let (folder, path) = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["check", "score"] {
            let result = try Executable.run(["survey", command, path])
            #expect(result.status == 1, "\(command)")
            #expect(result.output.isEmpty, "\(command)")
            let lines = result.error.split(separator: "\n").map(String.init)
            #expect(lines.contains(#"error: \#(path), row 2, column Q05: "7" is not an answer (allowed: 0, 1, 2, 3, 4, or empty, DK, don't know for a missing answer)"#), "\(command)")
            #expect(lines.contains(#"error: \#(path), row 3, column group: "boss" is not a stakeholder group (allowed: policy, operational, intermediate (or P, O, I))"#), "\(command)")
            #expect(lines.contains(#"error: \#(path), row 4, column respondent: "P1" is a duplicate respondent id: row 2 has it already (allowed: a unique id per row)"#), "\(command)")
            #expect(lines.contains { $0.hasPrefix(#"error: \#(path), row 4, column Q14: "2" answers a question that the policy group is not asked"#) }, "\(command)")
            #expect(lines.contains { $0.hasPrefix("error: \(path), row 5, column region: has no region") }, "\(command)")
            #expect(lines.contains { $0.hasPrefix(#"error: \#(path), row 5, column Q02: "3.5" is not an answer"#) }, "\(command)")
            #expect(lines.count == 6, "\(command): \(result.error)")
        }
    }

    @Test func checkReportsAMissingFileAndAMissingColumn() throws {
        let missing = try Executable.run(["survey", "check", "/nonexistent/survey.csv"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("error: /nonexistent/survey.csv: file not found"))

        let (folder, path) = try Self.write("respondent,region,group,Q01\nP1,Nordtal,policy,3\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Executable.run(["survey", "check", path])
        #expect(result.status == 1)
        #expect(result.error.contains("error: \(path), row 1: the survey lacks the columns Q02, Q03"))
    }

    // MARK: score

    @Test func scoreJSONHasTheShapeOfTheIssueWithHandComputedValues() throws {
        let (folder, path) = try Self.write(Self.twoRespondents)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Executable.run(["survey", "score", path, "--json", "--bootstrap", "0"])
        #expect(result.status == 0)
        #expect(result.error.isEmpty)
        let indicators = Self.object(Self.indicators, ["I01": "2", "I02": "1.5", "I03": "3", "I12": "3"])
        let composites = Self.object(Self.dimensions, ["DEV": "\(6.5 / 3)"])
        let unanswered = Self.indicators.filter { !["I01", "I02", "I03", "I12"].contains($0) }
        let flags = #"{"small_groups":["policy","operational","intermediate"],"unanswered":["#
            + unanswered.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
        // By hand: respondent values I01 3 (P1: Q01 4, Q02 2) and 1 (O1: Q01 1, Q02 DK), I02 3 and 0,
        // I03 2 and 4; sd with n - 1 and the gap between the two group means.
        let sd = Self.object(Self.indicators, ["I01": "\(2.0.squareRoot())", "I02": "\(4.5.squareRoot())", "I03": "\(2.0.squareRoot())"])
        let gap = Self.object(Self.indicators, ["I01": "2", "I02": "3", "I03": "2"])
        #expect(result.output == #"{"regions":[{"region":"Nordtal","respondents":{"policy":1,"operational":1,"intermediate":0},"indicators":"#
                + indicators + #","composites":"# + composites + #","sd":"# + sd + #","gap":"# + gap + #","flags":"# + flags
                + #"}],"method":"group-balanced"}"# + "\n")
        #expect(result.output.contains(#""DEV":2.1666666666666665,"#))
    }

    @Test func scoreCSVHasOneRowPerRegionWithEmptyCellsForMissingValues() throws {
        let (folder, path) = try Self.write(Self.twoRespondents + "I1,\"Süd, Wald\",intermediate,2" + String(repeating: ",", count: 24) + "\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Executable.run(["survey", "score", "--csv", path, "--bootstrap", "0"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == (["region", "policy", "operational", "intermediate"] + Self.indicators + Self.dimensions).joined(separator: ","))
        func row(_ region: String, _ counts: String, _ values: [String: String]) -> String {
            ([region, counts] + (Self.indicators + Self.dimensions).map { values[$0] ?? "" }).joined(separator: ",")
        }
        #expect(lines[1] == row("Nordtal", "1,1,0", ["I01": "2", "I02": "1.5", "I03": "3", "I12": "3", "DEV": "2.1666666666666665"]))
        #expect(lines[2] == row("\"Süd, Wald\"", "0,0,1", ["I01": "2"]))
        #expect(lines[3] == "")
    }

    @Test func scorePooledWeighsRespondentsInsteadOfGroups() throws {
        // A second policy respondent: I01 policy values 3 and 4 (mean 3.5), operational 1.
        let text = Self.twoRespondents + "P2,Nordtal,policy,4" + String(repeating: ",", count: 24) + "\n"
        let (folder, path) = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: folder) }

        let balanced = try Self.jsonObject(try Executable.run(["survey", "score", path, "--json", "--bootstrap", "0"]).output)
        let pooled = try Self.jsonObject(try Executable.run(["survey", "score", path, "--json", "--pooled", "--bootstrap", "0"]).output)
        func indicator(_ json: [String: Any], _ id: String) throws -> Double {
            let regions = try #require(json["regions"] as? [[String: Any]])
            let indicators = try #require(regions.first?["indicators"] as? [String: Any])
            return try #require(indicators[id] as? Double)
        }
        #expect(try indicator(balanced, "I01") == 2.25)          // (3.5 + 1) / 2
        #expect(abs(try indicator(pooled, "I01") - 8.0 / 3) < 1e-12)  // (3 + 4 + 1) / 3
        // I03: P2 did not answer Q04, so one respondent per group: the same either way.
        #expect(try indicator(balanced, "I03") == 3)
        #expect(try indicator(pooled, "I03") == 3)

        let text1 = try Executable.run(["survey", "score", path, "--bootstrap", "0"]).output
        let text2 = try Executable.run(["survey", "score", path, "--pooled", "--bootstrap", "0"]).output
        #expect(text1.contains("Conventions: indicators group-balanced"))
        #expect(text2.contains("Conventions: indicators pooled"))
        #expect(text1.contains("\nI01           2.25     1.53     2.50  2  1  0  Involvement of cluster initiatives during the development phase\n"))
        #expect(text2.contains("\nI01           2.67     1.53     2.50  2  1  0  Involvement of cluster initiatives during the development phase\n"))
    }

    @Test func scoreTextShowsIndicatorsCompositesAndFlagsPerRegion() throws {
        let (folder, path) = try Self.write(Self.twoRespondents)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Executable.run(["survey", "score", path, "--bootstrap", "0"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Survey scores: \(path) (1 region, 2 respondents)")
        #expect(lines[1].hasPrefix("Conventions: indicators group-balanced (the unweighted mean of the group means"))
        #expect(lines[3] == "Nordtal: 2 respondents (policy 1, operational 1, intermediate 0)")
        #expect(lines[5] == "indicator    value       sd      gap  P  O  I  name")
        #expect(lines[6] == "I01           2.00     1.41     2.00  1  1  0  Involvement of cluster initiatives during the development phase")
        #expect(lines[9] == "I04        missing  missing  missing  0  0  0  Alignment of S3 implementation with national policy instruments")
        #expect(lines[17] == "I12           3.00  missing  missing  0  1  0  Adaptation of cluster activities to S3 priorities")
        #expect(result.output.contains("\ncomposite    value  name\nDEV           2.17  Development phase of S3\nCOA        missing  Coordination & alignment\n"))
        #expect(result.output.hasSuffix("\nFlags: fewer than 3 respondents in policy (1), operational (1), intermediate (0); nobody answered "
                                        + Self.indicators.filter { !["I01", "I02", "I03", "I12"].contains($0) }.joined(separator: ", ") + "\n"))
    }

    @Test func scoreBootstrapAddsReproducibleIntervals() throws {
        var rows = [[String: String]]()
        for n in 0..<12 {
            let group = ["policy", "operational", "intermediate"][n % 3]
            rows.append(["respondent": "R\(n)", "region": "Nordtal", "group": group,
                         "Q01": String(n % 5), "Q02": String((n * 3) % 5), "Q03": String((n * 7 + 1) % 5), "Q04": String((n + 2) % 5)])
        }
        let (folder, path) = try Self.write(Self.csv(rows))
        defer { try? FileManager.default.removeItem(at: folder) }

        let first = try Executable.run(["survey", "score", path, "--json", "--bootstrap", "300"])
        #expect(first.status == 0)
        let again = try Executable.run(["survey", "score", path, "--json", "--bootstrap", "300", "--seed", "1"])
        #expect(again.output == first.output)
        let other = try Executable.run(["survey", "score", path, "--json", "--bootstrap", "300", "--seed", "7"])
        #expect(other.output != first.output)

        let json = try Self.jsonObject(first.output)
        let region = try #require((json["regions"] as? [[String: Any]])?.first)
        let indicators = try #require(region["indicators"] as? [String: Any])
        let composites = try #require(region["composites"] as? [String: Any])
        let intervals = try #require(region["intervals"] as? [String: Any])
        #expect(intervals.count == 27)
        #expect(intervals["I04"] is NSNull)
        for code in ["I01", "I02", "I03", "DEV"] {
            let interval = try #require(intervals[code] as? [Double], "\(code)")
            let value = try #require((indicators[code] ?? composites[code]) as? Double)
            #expect(interval.count == 2 && interval[0] <= value && value <= interval[1] && interval[0] < interval[1], "\(code): \(interval) \(value)")
        }
        #expect(first.output.contains(#""flags":{"small_groups":[],"unanswered":["I04","#))
        #expect(first.output.contains(#"},"intervals":{"I01":["#))

        let text = try Executable.run(["survey", "score", path, "--bootstrap", "300"]).output
        #expect(text.contains("indicator    value           90%       sd      gap  P  O  I  name\n"))
        #expect(text.contains("90% = bootstrap percentile interval (300 resamples within groups, seed 1)"))
        let csv = try Executable.run(["survey", "score", path, "--csv", "--bootstrap", "300"]).output
        #expect(csv.hasPrefix("region,policy,operational,intermediate,I01,"))
        #expect(csv.contains(",POR,I01_lo,I01_hi,I02_lo,"))
        #expect(csv.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).count == 4 + 27 * 3)
    }

    @Test func scoreRejectsConflictingOptions() throws {
        let (folder, path) = try Self.write(Self.twoRespondents)
        defer { try? FileManager.default.removeItem(at: folder) }
        let both = try Executable.run(["survey", "score", path, "--json", "--csv"])
        #expect(both.status == 64)
        #expect(both.output.isEmpty)
        #expect(both.error.contains("--json and --csv cannot be used together"))
        let negative = try Executable.run(["survey", "score", path, "--bootstrap", "-5"])
        #expect(negative.status == 64)
        let huge = try Executable.run(["survey", "score", path, "--bootstrap", "5000000000"])
        #expect(huge.status == 64)
        // Intervals are on by default, from 2,000 resamples.
        #expect(try Executable.run(["survey", "score", path, "--json"]).output.contains(#""intervals":{"I01":["#))
        let seedAlone = try Executable.run(["survey", "score", path, "--seed", "3", "--bootstrap", "0"])
        #expect(seedAlone.status == 64)
        #expect(seedAlone.error.contains("--seed applies only with --bootstrap N"))
    }

    // MARK: questionnaire

    @Test func questionnaireMarkdownHasTheGroupsStatements() throws {
        let policy = try Executable.run(["survey", "questionnaire", "--group", "policy"])
        #expect(policy.status == 0)
        #expect(policy.output.hasPrefix("# StressTest stakeholder survey: policy makers\n"))
        #expect(policy.output.contains("Our S3 monitoring system has indicators that capture the contribution of cluster organisations. (Q17)\n"))
        #expect(!policy.output.contains("(Q14)"))  // asked of cluster managers only
        #expect(!policy.output.hasSuffix("\n\n"))
        #expect(try Executable.run(["survey", "questionnaire", "--group", "P", "--format", "md"]).output == policy.output)

        let operational = try Executable.run(["survey", "questionnaire", "--group", "o"])
        #expect(operational.output.hasPrefix("# StressTest stakeholder survey: cluster managers\n"))
        #expect(operational.output.contains("Our cluster organisation has adapted its activities and services to the S3 priorities. (Q14)\n"))
        #expect(!operational.output.contains("(Q17)"))
    }

    @Test func questionnaireCSVIsTheAnswerSheet() throws {
        let result = try Executable.run(["survey", "questionnaire", "--group", "intermediate", "--format", "csv"])
        #expect(result.status == 0)
        let empty = String(repeating: ",", count: 25)
        #expect(result.output == "respondent,region,group," + Self.questions.joined(separator: ",") + "\n,,intermediate\(empty)\n")
        let withRegion = try Executable.run(["survey", "questionnaire", "--group", "I", "--format", "csv", "--region", "Nordtal"])
        #expect(withRegion.output.hasSuffix("\n,Nordtal,intermediate\(empty)\n"))
    }

    @Test func questionnaireRejectsAnUnknownGroupListingTheAllowedOnes() throws {
        let result = try Executable.run(["survey", "questionnaire", "--group", "boss"])
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("'boss' is not a stakeholder group; allowed: policy, operational, intermediate (or P, O, I)"))
        let format = try Executable.run(["survey", "questionnaire", "--group", "policy", "--format", "pdf"])
        #expect(format.status == 64)
        #expect(format.error.contains("md"))
        #expect(format.error.contains("csv"))
    }

    @Test func helpListsTheSurveyCommands() throws {
        #expect(try Executable.run(["--help"]).output.contains("survey"))
        let help = try Executable.run(["survey", "--help"])
        #expect(help.status == 0)
        for command in ["check", "score", "questionnaire"] { #expect(help.output.contains(command)) }
    }
}
