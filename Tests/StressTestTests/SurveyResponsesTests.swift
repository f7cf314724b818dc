import Testing
@testable import StressTest

@Suite("Survey import")
struct SurveyResponsesTests {
    static let questions = Questionnaire.stressTest.questions.map(\.id)

    /// A survey file with the given rows, each a dictionary of non-empty cells.
    static func csv(_ rows: [[String: String]], extra: [String] = [], delimiter: String = ",") -> String {
        let header = ["respondent", "region", "group"] + questions + extra
        return ([header.joined(separator: delimiter)] + rows.map { row in
            header.map { row[$0] ?? "" }.joined(separator: delimiter)
        }).joined(separator: "\n")
    }

    static func parse(_ text: String) throws -> SurveyResponses {
        try SurveyResponses.parse(try CSVReader.parse(text, file: "survey.csv"))
    }

    /// The description of the errors of bad input.
    static func errors(_ text: String) -> String {
        errorText { _ = try parse(text) }
    }

    @Test func readsAnswersGroupsAndMissingValues() throws {
        let survey = try Self.parse(Self.csv([
            ["respondent": "1", "region": "Nordtal", "group": "policy", "Q01": "4", "Q02": "DK", "Q03": "don't know"],
            ["respondent": "2", "region": "Nordtal", "group": "O", "Q01": "0", "Q14": "3"],
            ["respondent": "3", "region": "Südmark", "group": "i", "Q01": " 2 ", "Q02": "Don't Know"],
        ]))
        #expect(survey.respondents.map(\.group) == [.policy, .operational, .intermediate])
        #expect(survey.regions == ["Nordtal", "Südmark"])
        #expect(survey.respondents[0].answers[0] == 4)
        #expect(survey.respondents[0].answers[1].isNaN && survey.respondents[0].answers[2].isNaN)
        #expect(survey.respondents[2].answers[0] == 2)
        #expect(survey.respondents.map(\.row) == [2, 3, 4])
    }

    @Test func otherColumnsAreIgnoredAndListedOnce() throws {
        let survey = try Self.parse(Self.csv([["respondent": "1", "region": "A", "group": "P", "Timestamp": "2026-01-01", "Language": "de"]],
                                             extra: ["Timestamp", "Language"]))
        #expect(survey.ignoredColumns == ["Timestamp", "Language"])
    }

    @Test func headersAreCaseInsensitiveInAnyOrderAndSemicolonsBOMAndCRLFWork() throws {
        let header = ["GROUP", "Region", "Respondent"] + Self.questions.reversed().map { $0.lowercased() }
        let row = ["operational", "A", "r1"] + Self.questions.reversed().map { $0 == "Q14" ? "2" : "" }
        let text = "\u{FEFF}" + header.joined(separator: ";") + "\r\n" + row.joined(separator: ";") + "\r\n"
        let survey = try Self.parse(text)
        #expect(survey.respondents.count == 1)
        #expect(survey.respondents[0].answers[Self.questions.firstIndex(of: "Q14")!] == 2)
    }

    @Test("every kind of bad input names row, column and value", arguments: [
        (["Q01": "7"], "survey.csv, row 2, column Q01: \"7\" is not an answer"),
        (["Q01": "3.5"], "row 2, column Q01: \"3.5\" is not an answer (allowed: 0, 1, 2, 3, 4"),
        (["Q01": "-1"], "row 2, column Q01: \"-1\" is not an answer"),
        (["Q05": "yes"], "row 2, column Q05: \"yes\" is not an answer"),
        (["group": "manager"], "row 2, column group: \"manager\" is not a stakeholder group (allowed: policy, operational, intermediate (or P, O, I))"),
        (["group": ""], "row 2, column group: has no stakeholder group"),
        (["region": ""], "row 2, column region: has no region"),
        (["respondent": ""], "row 2, column respondent: has no respondent id"),
        (["Q14": "3"], "row 2, column Q14: \"3\" answers a question that the policy group is not asked"),
    ])
    func badInput(change: [String: String], message: String) {
        var row = ["respondent": "r1", "region": "Nordtal", "group": "policy"]
        row.merge(change) { $1 }
        #expect(Self.errors(Self.csv([row])).contains(message), "\(Self.errors(Self.csv([row])))")
    }

    @Test func duplicateRespondentIdsNameBothRows() {
        let text = Self.csv([["respondent": "7", "region": "A", "group": "P"], ["respondent": "8", "region": "A", "group": "P"],
                             ["respondent": "7", "region": "A", "group": "O"]])
        #expect(Self.errors(text).contains("survey.csv, row 4, column respondent: \"7\" is a duplicate respondent id: row 2 has it already"))
    }

    @Test func missingColumnsAreNamed() {
        let text = "respondent,region,group,Q01\n1,A,P,3"
        let message = Self.errors(text)
        #expect(message.contains("survey.csv, row 1: the survey lacks the columns Q02, Q03"))
        #expect(message.contains("found: respondent, region, group, Q01"))
    }

    @Test func allErrorsOfAFileAreReportedTogetherUpToAHundred() {
        let rows = (0..<60).map { ["respondent": "r\($0)", "region": "A", "group": "P", "Q01": "9", "Q02": "x"] }
        do {
            _ = try Self.parse(Self.csv(rows))
            Issue.record("bad input was accepted")
        } catch let error as DataErrors {
            #expect(error.total == 120)
            #expect(error.issues.count == 100)
            #expect(error.description.contains("... and 20 more errors"))
            #expect(error.issues.first?.row == 2 && error.issues.last?.row == 51)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite("Survey import: every problem of a file at once")
struct SurveyResponsesAllProblemsTests {
    @Test func aRaggedRowDoesNotHideTheOtherErrors() throws {
        var rows = [["respondent": "a1", "region": "R", "group": "policy", "Q01": "9"],
                    ["respondent": "a3", "region": "R", "group": "boss"]]
        rows[0]["Q02"] = "1"
        var text = SurveyResponsesTests.csv(rows)
        text += "\na2,R,policy,1,2"
        do {
            _ = try SurveyResponses.parse(try CSVReader.parse(text, file: "t.csv", deferringRowProblems: true))
            Issue.record("bad input was accepted")
        } catch {
            let text = error.description
            #expect(text.contains("t.csv, row 4: has 5 cells but the header has 28 columns"), "\(text)")
            #expect(text.contains("t.csv, row 2, column Q01: \"9\" is not an answer"))
            #expect(text.contains("t.csv, row 3, column group: \"boss\" is not a stakeholder group"))
        }
    }

    @Test func aRegionIsSpelledOneWay() {
        let text = SurveyResponsesTests.csv([["respondent": "1", "region": "Nordtal", "group": "P"],
                                              ["respondent": "2", "region": "NORDTAL", "group": "P"]])
        #expect(SurveyResponsesTests.errors(text).contains("survey.csv, row 3, column region: \"NORDTAL\" differs from \"Nordtal\" (row 2) only in case"))
    }
}
