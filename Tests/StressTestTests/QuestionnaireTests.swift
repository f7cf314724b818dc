import Foundation
import Testing
@testable import StressTest

@Suite("Questionnaire")
struct QuestionnaireTests {
    /// FRAMEWORK.md "Questionnaire", typed by hand: question, indicator, groups.
    static let table: [(id: String, indicator: String, groups: String)] = [
        ("Q01", "I01", "P O I"), ("Q02", "I01", "P O I"), ("Q03", "I02", "P O I"), ("Q04", "I03", "P O I"),
        ("Q05", "I04", "P I"), ("Q06", "I05", "P I"), ("Q07", "I06", "O I"), ("Q08", "I07", "P O I"),
        ("Q09", "I07", "O I"), ("Q10", "I08", "O I"), ("Q11", "I09", "P O I"), ("Q12", "I10", "P O"),
        ("Q13", "I11", "P O"), ("Q14", "I12", "O"), ("Q15", "I13", "P O I"), ("Q16", "I14", "O I"),
        ("Q17", "I15", "P"), ("Q18", "I15", "P O I"), ("Q19", "I16", "P I"), ("Q20", "I17", "P O"),
        ("Q21", "I18", "P I"), ("Q22", "I18", "O"), ("Q23", "I19", "P O I"), ("Q24", "I20", "P O I"),
        ("Q25", "I21", "O I"),
    ]

    static func letters(_ groups: [StakeholderGroup]) -> String {
        groups.map(\.letter).joined(separator: " ")
    }

    /// A small framework for reading other questionnaires: A = {X1, X2}, B = {Y1}.
    static let framework = Framework(
        dimensions: [.init(code: "A", name: "Alpha"), .init(code: "B", name: "Beta")],
        indicators: [.init(id: "X1", name: "First", dimension: "A"), .init(id: "X2", name: "Second", dimension: "A"),
                     .init(id: "Y1", name: "Third", dimension: "B")])

    static let valid = """
        question,indicator,groups,policy,operational,intermediate
        Q1,X1,P O I,We do a.,Our cluster organisation does a.,"The clusters in our region do a, too."
        Q2,X2,"policy, operational",We do b.,Our cluster organisation does b.,
        Q3,Y1,i,,,The clusters in our region do c.
        """

    static func parse(_ text: String) throws -> Questionnaire {
        try Questionnaire.parse(try CSVReader.parse(text, file: "questions.csv"), framework: framework)
    }

    /// The description of the errors of bad input ("" if it parses).
    static func errors(_ text: String) -> String {
        errorText { _ = try parse(text) }
    }

    // MARK: The shipped questionnaire

    @Test func shippedQuestionnaireMatchesFrameworkMDQuestionByQuestion() {
        let questionnaire = Questionnaire.stressTest
        #expect(questionnaire.questions.count == 25)
        #expect(questionnaire.questions.map(\.id) == Self.table.map(\.id))
        for (question, expected) in zip(questionnaire.questions, Self.table) {
            #expect(question.indicator == expected.indicator, "\(question.id)")
            #expect(Self.letters(question.groups) == expected.groups, "\(question.id)")
        }
        #expect(questionnaire.framework == Framework.stressTest)
    }

    @Test func everyIndicatorHasAQuestion() {
        let questionnaire = Questionnaire.stressTest
        for indicator in Framework.stressTest.indicators {
            #expect(!questionnaire.questions(of: indicator.id).isEmpty, "\(indicator.id)")
        }
        #expect(questionnaire.questions(of: "I07").map(\.id) == ["Q08", "Q09"])
        #expect(questionnaire.questions(of: "I15").map(\.id) == ["Q17", "Q18"])
        #expect(questionnaire.questions(of: "I18").map(\.id) == ["Q21", "Q22"])
        #expect(questionnaire.questions(of: "I99").isEmpty)
    }

    @Test func everyAskedGroupHasItsOwnWordingAndNoOtherGroupHasOne() {
        for question in Questionnaire.stressTest.questions {
            #expect(Set(question.wording.keys) == Set(question.groups), "\(question.id)")
            let texts = question.groups.compactMap { question.wording[$0] }
            #expect(texts.count == question.groups.count, "\(question.id)")
            #expect(Set(texts).count == texts.count, "\(question.id): the groups' wordings must differ")
            for text in texts {
                #expect(text.count >= 40, "\(question.id): \(text)")
                #expect(text.first!.isUppercase && text.hasSuffix("."), "\(question.id): \(text)")
                let oneLine = !text.contains { $0.isNewline }
                #expect(oneLine, "\(question.id)")
            }
        }
    }

    @Test(arguments: StakeholderGroup.allCases)
    func wordingsDifferBetweenQuestionsAndSpeakInTheGroupsVoice(group: StakeholderGroup) {
        let questions = Questionnaire.stressTest.questions(for: group)
        let texts = questions.map { $0.wording[group]! }
        #expect(Set(texts).count == texts.count)
        #expect(questions.map(\.id) == Self.table.filter { $0.groups.contains(group.letter) }.map(\.id))
        // Each group speaks from its role most of the time.
        let voice: (String) -> Bool = switch group {
        case .policy: { $0.contains("our S3") || $0.contains("We ") || $0.contains(" we ") || $0.hasPrefix("Our ") }
        case .operational: { $0.contains("our cluster") || $0.contains("Our cluster") || $0.contains("ours") }
        case .intermediate: { $0.contains("our region") || $0.contains("regional S3") }
        }
        for text in texts { #expect(voice(text), "\(group): \(text)") }
    }

    @Test func groupCountsFollowTheTable() {
        let questionnaire = Questionnaire.stressTest
        #expect(questionnaire.questions(for: .policy).count == 18)
        #expect(questionnaire.questions(for: .operational).count == 20)
        #expect(questionnaire.questions(for: .intermediate).count == 19)
        #expect(questionnaire.question("Q14")?.groups == [.operational])
        #expect(questionnaire.question("Q26") == nil)
    }

    // MARK: Stakeholder groups

    @Test func groupsParseFromNamesAndLettersInAnyCase() {
        #expect(StakeholderGroup(parsing: "policy") == .policy)
        #expect(StakeholderGroup(parsing: " Operational ") == .operational)
        #expect(StakeholderGroup(parsing: "INTERMEDIATE") == .intermediate)
        #expect(StakeholderGroup(parsing: "p") == .policy)
        #expect(StakeholderGroup(parsing: "O") == .operational)
        #expect(StakeholderGroup(parsing: "\ti\n") == .intermediate)
        #expect(StakeholderGroup(parsing: "") == nil)
        #expect(StakeholderGroup(parsing: "X") == nil)
        #expect(StakeholderGroup(parsing: "policymakers") == nil)
        #expect(StakeholderGroup.allCases.map(\.letter) == ["P", "O", "I"])
        #expect(StakeholderGroup.allCases.sorted() == [.policy, .operational, .intermediate])
        #expect(StakeholderGroup.intermediate > .policy)
    }

    // MARK: Reading other questionnaires

    @Test func readsAValidQuestionnaire() throws {
        let questionnaire = try Self.parse(Self.valid)
        #expect(questionnaire.questions.map(\.id) == ["Q1", "Q2", "Q3"])
        #expect(questionnaire.questions.map(\.indicator) == ["X1", "X2", "Y1"])
        #expect(questionnaire.questions.map(\.groups) == [[.policy, .operational, .intermediate], [.policy, .operational], [.intermediate]])
        #expect(questionnaire.questions[0].wording[.intermediate] == "The clusters in our region do a, too.")
        #expect(questionnaire.questions[2].wording == [.intermediate: "The clusters in our region do c."])
    }

    @Test func wordingColumnsOfGroupsNobodyIsAskedMayBeMissing() throws {
        let questionnaire = try Self.parse("""
            Groups,Question,Indicator,Policy,Notes
            P,Q1,X1,We do a.,first
            p,Q2,X2,We do b.,
            policy,Q3,Y1,We do c.,
            """)
        #expect(questionnaire.questions.allSatisfy { $0.groups == [.policy] })
        #expect(questionnaire.questions(for: .operational).isEmpty)
    }

    @Test func unknownIndicatorSuggestsTheClosest() {
        let text = Self.errors(Self.valid.replacingOccurrences(of: "Q3,Y1", with: "Q3,Y"))
        #expect(text == "error: questions.csv, row 4, column indicator: \"Y\" is not an indicator of the framework; did you mean Y1? (allowed: an indicator of the framework: X1, X2, Y1)")
        #expect(Self.errors(Self.valid.replacingOccurrences(of: "Q3,Y1", with: "Q3,")).contains("row 4, column indicator: has no indicator"))
        let shipped = try! String(contentsOf: ShippedData.url("questionnaire.csv")!, encoding: .utf8)
        let typo = try? Questionnaire.parse(CSVReader.parse(shipped.replacingOccurrences(of: "Q14,I12", with: "Q14,I2"), file: "q.csv"))
        #expect(typo == nil)
        do {
            _ = try Questionnaire.parse(CSVReader.parse(shipped.replacingOccurrences(of: "Q14,I12", with: "Q14,I2"), file: "q.csv"))
        } catch {
            #expect("\(error)".contains("q.csv, row 15, column indicator: \"I2\" is not an indicator of the framework; did you mean I02?"))
        }
    }

    @Test func badGroupsAreLocated() {
        let unknown = Self.errors(Self.valid.replacingOccurrences(of: "Q3,Y1,i", with: "Q3,Y1,I X"))
        #expect(unknown.contains("questions.csv, row 4, column groups: \"I X\" names \"X\", which is not a stakeholder group"))
        #expect(unknown.contains("allowed: one or more of P, O, I"))
        let twice = Self.errors(Self.valid.replacingOccurrences(of: "Q3,Y1,i", with: "Q3,Y1,I intermediate"))
        #expect(twice.contains("row 4, column groups: \"I intermediate\" names the intermediate group twice"))
        let none = Self.errors(Self.valid.replacingOccurrences(of: "Q3,Y1,i", with: "Q3,Y1,"))
        #expect(none.contains("row 4, column groups: asks no stakeholder group"))
    }

    @Test func wordingMustBePresentExactlyForTheGroupsAsked() {
        let missing = Self.errors(Self.valid.replacingOccurrences(of: "We do b.", with: ""))
        #expect(missing == "error: questions.csv, row 3, column policy: has no wording, but the question is asked of the policy group (groups policy, operational) (allowed: the statement as policy makers read it, or remove P from groups)")
        let extra = Self.errors(Self.valid.replacingOccurrences(of: "Q3,Y1,i,,", with: "Q3,Y1,i,,Our cluster organisation does c."))
        #expect(extra.contains("row 4, column operational: \"Our cluster organisation does c.\" is a wording for the operational group, which the question is not asked of (groups i)"))
        #expect(extra.contains("allowed: an empty cell, or add O to groups"))
        let noColumn = Self.errors("""
            question,indicator,groups,policy
            Q1,X1,P O,We do a.
            Q2,X2,P,We do b.
            Q3,Y1,P,We do c.
            """)
        #expect(noColumn.contains("row 2, column groups: \"P O\" asks the operational group, but the file has no operational column"))
        let multiline = Self.errors(Self.valid.replacingOccurrences(of: "We do b.", with: "\"We do\nb.\""))
        #expect(multiline.contains("row 3, column policy: \"We do\nb.\" spans several lines"))
    }

    @Test func repeatedWordingForAGroupIsAnError() {
        let text = Self.errors(Self.valid.replacingOccurrences(of: "Our cluster organisation does b.", with: "Our cluster organisation does a."))
        #expect(text.contains("row 3, column operational: \"Our cluster organisation does a.\" repeats the operational wording of Q1 (row 2)"))
    }

    @Test func questionIDsMustBePresentValidAndUnique() {
        let duplicate = Self.errors(Self.valid.replacingOccurrences(of: "Q3,", with: "Q1,"))
        #expect(duplicate == "error: questions.csv, row 4, column question: \"Q1\" is a duplicate question id: row 2 has it already (allowed: an id used once in the file)")
        #expect(Self.errors(Self.valid.replacingOccurrences(of: "Q3,", with: ",")).contains("row 4, column question: has no question id"))
        #expect(Self.errors(Self.valid.replacingOccurrences(of: "Q3,", with: "Q 3,")).contains("row 4, column question: \"Q 3\" is not a valid question id"))
    }

    @Test func missingColumnsAreNamedWithTheColumnsPresent() {
        let text = Self.errors("question,indicator,policy\nQ1,X1,We do a.")
        #expect(text.contains("questions.csv, row 1: the questionnaire lacks the column groups (found: question, indicator, policy)"))
    }

    @Test func everyIndicatorOfTheFrameworkNeedsAQuestion() {
        let text = Self.errors(Self.valid.replacingOccurrences(of: "\nQ3,Y1,i,,,The clusters in our region do c.", with: ""))
        #expect(text.contains("questions.csv, column indicator: \"Y1\" (Third) is an indicator of the framework without a question"))
    }

    // MARK: Rendering

    @Test(arguments: StakeholderGroup.allCases)
    func markdownListsTheGroupsStatementsNumberedUnderTheirDimensions(group: StakeholderGroup) {
        let questionnaire = Questionnaire.stressTest
        let markdown = questionnaire.markdown(for: group)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# StressTest stakeholder survey: \(group.audience)")
        #expect(markdown.contains(group.members))
        for step in ["| 0 | not at all / strongly disagree |", "| 4 | fully / strongly agree |", "| don't know |"] {
            #expect(markdown.contains(step), "\(step)")
        }
        #expect(markdown.contains("never as 0"))

        let asked = questionnaire.questions(for: group)
        let items = lines.filter { $0.first?.isNumber == true }
        #expect(items.count == asked.count)
        for (number, (item, question)) in zip(items, asked).enumerated() {
            #expect(item == "\(number + 1). \(question.wording[group]!) (\(question.id))")
        }
        let headings = lines.filter { $0.hasPrefix("## ") }
        #expect(headings == ["## How to answer"] + FrameworkTests.dimensions.enumerated().map { "## \($0.offset + 1). \($0.element.name)" })
        // Statements appear under their own dimension's heading.
        let q14 = questionnaire.question("Q14")!
        if let wording = q14.wording[group] {
            let heading = lines.firstIndex(of: "## 4. Impact of S3 on cluster organisations")!
            let item = lines.firstIndex { $0.contains(wording) }!
            let next = lines.firstIndex(of: "## 5. Monitoring & evaluation")!
            #expect(heading < item && item < next)
        } else {
            #expect(!markdown.contains("(Q14)"))
        }
    }

    @Test func markdownLeavesOutDimensionsWithoutStatementsForTheGroup() throws {
        let markdown = try Self.parse(Self.valid).markdown(for: .operational, title: "Survey")
        #expect(markdown.hasPrefix("# Survey: cluster managers\n"))
        #expect(markdown.contains("## 1. Alpha\n\n1. Our cluster organisation does a. (Q1)\n2. Our cluster organisation does b. (Q2)\n"))
        #expect(!markdown.contains("Beta"))
        #expect(markdown.contains("It has 2 statements"))
    }

    @Test(arguments: StakeholderGroup.allCases)
    func answerTemplateHasEveryQuestionColumnAndAStarterRowForTheGroup(group: StakeholderGroup) throws {
        let questionnaire = Questionnaire.stressTest
        let text = questionnaire.answerTemplateCSV(for: group)
        let table = try CSVReader.parse(text, file: "template.csv")
        #expect(table.header == ["respondent", "region", "group"] + Self.table.map(\.id))
        #expect(table.rows.count == 1)
        #expect(table.rows[0][2] == group.rawValue)
        #expect(table.rows[0].enumerated().allSatisfy { $0.offset == 2 || $0.element.isEmpty })
        #expect(text.hasPrefix("respondent,region,group,Q01,Q02,"))
        #expect(text.hasSuffix("Q25\n,,\(group.rawValue)" + String(repeating: ",", count: 25) + "\n"))
    }

    @Test func answerTemplateQuotesTheRegionAndImportsOnlyOnceFilledIn() throws {
        let questionnaire = Questionnaire.stressTest
        let text = questionnaire.answerTemplateCSV(for: .operational, region: "Nord, Tal")
        let table = try CSVReader.parse(text, file: "template.csv")
        #expect(table.rows[0][1] == "Nord, Tal")

        // Left as it is, the starter row is refused rather than counted as a respondent.
        #expect(throws: DataErrors.self) { try SurveyResponses.parse(table) }
        do {
            _ = try SurveyResponses.parse(table)
        } catch {
            #expect("\(error)".contains("template.csv, row 2, column respondent: has no respondent id"))
        }

        // Filled in, it imports.
        var filled = table
        filled.rows[0][0] = "r1"
        filled.rows[0][table.column(named: "Q14")!] = "3"
        let survey = try SurveyResponses.parse(filled)
        #expect(survey.respondents.map(\.group) == [.operational])
        #expect(survey.regions == ["Nord, Tal"])
    }

    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.field("a;b") == "\"a;b\"")
    }
}
