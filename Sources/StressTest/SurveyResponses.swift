import Foundation

/// The answers of a stakeholder survey: one respondent per row, as an online survey tool exports
/// them.
///
/// Format: columns `respondent`, `region`, `group` and one per question (`Q01` ... `Q25` for the
/// StressTest questionnaire); headers case-insensitive, in any order. Other columns (timestamps,
/// language, status, ...) are ignored and listed in `ignoredColumns`. Answers are `0` ... `4`;
/// an empty cell, `DK` or `don't know` (any case) is missing. Groups are `policy`, `operational`,
/// `intermediate` or `P`, `O`, `I`. Anything else is an error naming file, spreadsheet row, column
/// and value with the allowed values, and all errors of a file are reported together; so are
/// duplicate respondent ids and answers to a question that the respondent's group is not asked.
public struct SurveyResponses: Sendable {
    public struct Respondent: Sendable, Equatable {
        public var id: String
        public var region: String
        public var group: StakeholderGroup
        /// One answer per question of `SurveyResponses.questionIDs`, 0...4, NaN = missing.
        public var answers: [Double]
        /// The spreadsheet row the respondent came from.
        public var row: Int
    }

    public var file: String
    /// The questionnaire's question ids, in its order; `Respondent.answers` follows it.
    public var questionIDs: [String]
    public var respondents: [Respondent]
    /// Columns of the file that are not part of the survey, in file order.
    public var ignoredColumns: [String]

    /// The regions in order of first appearance.
    public var regions: [String] {
        var seen = Set<String>()
        return respondents.map(\.region).filter { seen.insert($0).inserted }
    }

    public static let allowedAnswers = "0, 1, 2, 3, 4, or empty, DK, don't know for a missing answer"

    public static func read(path: String, questionnaire: Questionnaire = .stressTest) throws(DataErrors) -> SurveyResponses {
        try parse(try CSVReader.read(path: path, deferringRowProblems: true), questionnaire: questionnaire)
    }

    public static func parse(_ table: CSVTable, questionnaire: Questionnaire = .stressTest) throws(DataErrors) -> SurveyResponses {
        let questionIDs = questionnaire.questions.map(\.id)
        let required = ["respondent", "region", "group"] + questionIDs
        let columns = try table.requireColumns(required, of: "survey",
            allowed: "a header with respondent, region, group and \(questionIDs.first ?? "")...\(questionIDs.last ?? "")")
        let used = Set(columns.values)
        let ignored = table.header.indices.filter { !used.contains($0) }.map { table.header[$0] }

        var errors = table.rowProblems
        var respondents = [Respondent]()
        var firstRow = [String: Int]()
        var regionSpellings = [String: (String, Int)]()
        for (index, cells) in table.rows.enumerated() {
            func cell(_ name: String) -> String { cells[columns[name]!].trimmingCharacters(in: .whitespaces) }
            let id = cell("respondent"), region = cell("region"), groupText = cell("group")
            if id.isEmpty {
                errors.append(table.issue(row: index, column: columns["respondent"], value: nil, "has no respondent id",
                                          allowed: "a unique id per row"))
            } else if let first = firstRow[id] {
                errors.append(table.issue(row: index, column: columns["respondent"], value: id,
                                          "is a duplicate respondent id: row \(first) has it already",
                                          allowed: "a unique id per row"))
            } else {
                firstRow[id] = table.rowNumbers[index]
            }
            if region.isEmpty {
                errors.append(table.issue(row: index, column: columns["region"], value: nil, "has no region",
                                          allowed: "the region's name or code"))
            } else if let (spelling, row) = regionSpellings[region.lowercased()], spelling != region {
                // Regions are matched without regard to case when scores join a portfolio, so two
                // spellings would be merged there: one spelling per region.
                errors.append(table.issue(row: index, column: columns["region"], value: region,
                                          "differs from \"\(spelling)\" (row \(row)) only in case",
                                          allowed: "the same spelling of a region in every row"))
            } else if regionSpellings[region.lowercased()] == nil {
                regionSpellings[region.lowercased()] = (region, table.rowNumbers[index])
            }
            let group = StakeholderGroup(parsing: groupText)
            if group == nil {
                errors.append(table.issue(row: index, column: columns["group"], value: groupText.isEmpty ? nil : groupText,
                                          groupText.isEmpty ? "has no stakeholder group" : "is not a stakeholder group",
                                          allowed: "policy, operational, intermediate (or P, O, I)"))
            }
            var answers = [Double]()
            answers.reserveCapacity(questionIDs.count)
            for question in questionnaire.questions {
                let text = cell(question.id)
                guard let answer = parseAnswer(text) else {
                    errors.append(table.issue(row: index, column: columns[question.id], value: text, "is not an answer",
                                              allowed: allowedAnswers))
                    answers.append(.nan)
                    continue
                }
                if let group, !answer.isNaN, !question.groups.contains(group) {
                    errors.append(table.issue(row: index, column: columns[question.id], value: text,
                                              "answers a question that the \(group.rawValue) group is not asked",
                                              allowed: "an empty cell; \(question.id) is asked of \(question.groups.map(\.rawValue).joined(separator: ", "))"))
                }
                answers.append(answer)
            }
            if let group {
                respondents.append(Respondent(id: id, region: region, group: group, answers: answers, row: table.rowNumbers[index]))
            }
        }
        try errors.throwIfAny()
        return SurveyResponses(file: table.file, questionIDs: questionIDs, respondents: respondents, ignoredColumns: ignored)
    }

    /// 0...4 as a number, missing as NaN; nil for anything else.
    static func parseAnswer(_ text: String) -> Double? {
        switch text.lowercased() {
        case "", "dk", "don't know", "don’t know": .nan
        case "0": 0
        case "1": 1
        case "2": 2
        case "3": 3
        case "4": 4
        default: nil
        }
    }
}
