import Foundation

/// The stakeholder survey: statements rated 0 (not at all / strongly disagree) .. 4 (fully /
/// strongly agree), "don't know" allowed, each feeding one indicator of a framework and asked of
/// some stakeholder groups in a wording for each group's role. The StressTest's 25 questions ship
/// as `Data/questionnaire.csv` and are `Questionnaire.stressTest`.
///
/// File format: a CSV file with one row per question.
///
/// | column         | required | content                                                              |
/// |----------------|----------|----------------------------------------------------------------------|
/// | `question`     | yes      | a unique id, a letter then letters, digits or `_` (`Q01`)            |
/// | `indicator`    | yes      | the id of the indicator of the framework the question feeds (`I01`)  |
/// | `groups`       | yes      | the groups asked: letters or names separated by spaces (`P O I`)     |
/// | `policy`       | if asked | the statement as policy makers read it                               |
/// | `operational`  | if asked | the statement as cluster managers read it                            |
/// | `intermediate` | if asked | the statement as other members of the innovation system read it      |
///
/// Headers are case-insensitive and in any order; other columns are ignored; blank rows are
/// skipped. A wording is present exactly for the groups asked (an empty cell otherwise), is one
/// line, and differs from the wordings of the other questions for the same group. Every indicator
/// of the framework needs at least one question, since otherwise it could never be computed.
/// Every problem is reported with file, spreadsheet row, column, value and what is allowed, all
/// problems of a file together.
public struct Questionnaire: Sendable, Equatable {
    public struct Question: Sendable, Equatable {
        /// The question's id, such as `Q01`; it is also the question's column in survey answers.
        public var id: String
        /// The id of the indicator the question feeds, such as `I01`.
        public var indicator: String
        /// The groups asked, in `StakeholderGroup` order.
        public var groups: [StakeholderGroup]
        /// The statement for each group asked, and only for those.
        public var wording: [StakeholderGroup: String]

        public init(id: String, indicator: String, wording: [StakeholderGroup: String]) {
            self.id = id
            self.indicator = indicator
            self.groups = wording.keys.sorted()
            self.wording = wording
        }

        /// Whether the question is asked of `group`.
        public func isAsked(of group: StakeholderGroup) -> Bool { wording[group] != nil }
    }

    /// The columns a questionnaire file must have; the wording columns are named after the groups
    /// (`StakeholderGroup.rawValue`) and needed for the groups that are asked.
    public static let requiredColumns = ["question", "indicator", "groups"]

    /// The 0..4 scale, for rendering: each answer with its meaning (FRAMEWORK.md "Questionnaire").
    public static let scale: [(answer: String, meaning: String)] = [
        ("0", "not at all / strongly disagree"),
        ("1", "rather not / disagree"),
        ("2", "partly / neither agree nor disagree"),
        ("3", "largely / agree"),
        ("4", "fully / strongly agree"),
    ]

    /// The framework whose indicators the questions feed.
    public var framework: Framework
    /// The questions, in file order.
    public var questions: [Question]

    /// A questionnaire built in code. Programmer errors (duplicate ids, an unknown indicator, a
    /// question asked of nobody) stop the program; files go through `parse`.
    public init(framework: Framework, questions: [Question]) {
        let ids = questions.map(\.id)
        precondition(Set(ids).count == ids.count, "Questionnaire: duplicate question ids in \(ids)")
        for question in questions {
            precondition(framework.indicator(question.indicator) != nil,
                         "Questionnaire: \(question.id) feeds unknown indicator \(question.indicator)")
            precondition(!question.groups.isEmpty, "Questionnaire: \(question.id) is asked of no group")
        }
        self.framework = framework
        self.questions = questions
    }

    /// The StressTest questionnaire shipped as `Data/questionnaire.csv`, on `Framework.stressTest`.
    /// The file is part of the program, so a failure to load it is a programmer error.
    public static let stressTest: Questionnaire = ShippedData.required("questionnaire.csv") { try load(path: $0, framework: .stressTest) }


    /// The questions asked of `group`, in file order.
    public func questions(for group: StakeholderGroup) -> [Question] {
        questions.filter { $0.isAsked(of: group) }
    }

    /// The questions feeding the indicator `indicator`, in file order.
    public func questions(of indicator: String) -> [Question] {
        questions.filter { $0.indicator == indicator }
    }

    /// The question with this id, or nil.
    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// Reads and validates a questionnaire file (format: see the type's documentation).
    public static func load(path: String, framework: Framework = .stressTest) throws(DataErrors) -> Questionnaire {
        try parse(try CSVReader.read(path: path), framework: framework)
    }

    /// Validates a questionnaire table against `framework`; all problems are reported together.
    public static func parse(_ table: CSVTable, framework: Framework = .stressTest) throws(DataErrors) -> Questionnaire {
        let columns = try table.requireColumns(requiredColumns, of: "questionnaire",
            allowed: "a header with \(requiredColumns.joined(separator: ", ")) and a wording column per group asked: \(StakeholderGroup.allCases.map(\.rawValue).joined(separator: ", "))")
        let idColumn = columns["question"]!, indicatorColumn = columns["indicator"]!, groupsColumn = columns["groups"]!
        var wordingColumns = [StakeholderGroup: Int]()
        for group in StakeholderGroup.allCases {
            wordingColumns[group] = table.column(named: group.rawValue)
        }
        let indicatorIDs = framework.indicators.map(\.id)
        let indicatorList = indicatorIDs.count <= 30
            ? indicatorIDs.joined(separator: ", ")
            : "\(indicatorIDs.prefix(3).joined(separator: ", ")), ..., \(indicatorIDs.last!)"

        var errors = DataErrors()
        var questions = [Question]()
        var firstRowOfID = [String: Int]()
        var firstOfWording = [StakeholderGroup: [String: (id: String, row: Int)]]()

        for (index, cells) in table.rows.enumerated() {
            let cell = { (column: Int) in cells[column].trimmingCharacters(in: .whitespacesAndNewlines) }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            let id = cell(idColumn), indicator = cell(indicatorColumn), groupsText = cell(groupsColumn)
            let rowNumber = table.rowNumbers[index]

            if id.isEmpty {
                errors.append(table.issue(row: index, column: idColumn, value: nil, "has no question id",
                                          allowed: "a unique id such as Q01"))
            } else if !Framework.isValidCode(id) {
                errors.append(table.issue(row: index, column: idColumn, value: id, "is not a valid question id",
                                          allowed: "a letter followed by letters, digits or _, such as Q01"))
            } else if let first = firstRowOfID[id] {
                errors.append(table.issue(row: index, column: idColumn, value: id,
                                          "is a duplicate question id: row \(first) has it already",
                                          allowed: "an id used once in the file"))
            } else {
                firstRowOfID[id] = rowNumber
            }

            var indicatorIsKnown = false
            if indicator.isEmpty {
                errors.append(table.issue(row: index, column: indicatorColumn, value: nil, "has no indicator",
                                          allowed: "an indicator of the framework: \(indicatorList)"))
            } else if framework.indicator(indicator) == nil {
                var message = "is not an indicator of the framework"
                if let suggestion = NameSuggestion.nearest(to: indicator, among: indicatorIDs) {
                    message += "; did you mean \(suggestion)?"
                }
                errors.append(table.issue(row: index, column: indicatorColumn, value: indicator, message,
                                          allowed: "an indicator of the framework: \(indicatorList)"))
            } else {
                indicatorIsKnown = true
            }

            // The groups asked.
            var groups = [StakeholderGroup]()
            var groupsAreValid = true
            let tokens = groupsText.split { $0.isWhitespace || ",;/+".contains($0) }.map(String.init)
            if tokens.isEmpty {
                groupsAreValid = false
                errors.append(table.issue(row: index, column: groupsColumn, value: nil, "asks no stakeholder group",
                                          allowed: "one or more of P, O, I separated by spaces, such as P O I"))
            }
            for token in tokens {
                guard let group = StakeholderGroup(parsing: token) else {
                    groupsAreValid = false
                    errors.append(table.issue(row: index, column: groupsColumn, value: groupsText,
                                              "names \"\(token)\", which is not a stakeholder group",
                                              allowed: "one or more of P, O, I (or policy, operational, intermediate) separated by spaces"))
                    continue
                }
                if groups.contains(group) {
                    groupsAreValid = false
                    errors.append(table.issue(row: index, column: groupsColumn, value: groupsText,
                                              "names the \(group.rawValue) group twice",
                                              allowed: "each group at most once, such as P O I"))
                } else {
                    groups.append(group)
                }
            }

            // One wording per group asked, none for the others.
            var wording = [StakeholderGroup: String]()
            for group in StakeholderGroup.allCases {
                let asked = groups.contains(group)
                guard let column = wordingColumns[group] else {
                    if asked {
                        errors.append(table.issue(row: index, column: groupsColumn, value: groupsText,
                                                  "asks the \(group.rawValue) group, but the file has no \(group.rawValue) column for its wording",
                                                  allowed: "a column named \(group.rawValue) with the statement for \(group.audience), or remove \(group.letter) from groups"))
                    }
                    continue
                }
                let text = cell(column)
                if asked {
                    if text.isEmpty {
                        errors.append(table.issue(row: index, column: column, value: nil,
                                                  "has no wording, but the question is asked of the \(group.rawValue) group (groups \(groupsText))",
                                                  allowed: "the statement as \(group.audience) read it, or remove \(group.letter) from groups"))
                        continue
                    }
                    if text.contains(where: \.isNewline) {
                        errors.append(table.issue(row: index, column: column, value: text,
                                                  "spans several lines", allowed: "a statement on one line"))
                    }
                    if let first = firstOfWording[group]?[text] {
                        errors.append(table.issue(row: index, column: column, value: text,
                                                  "repeats the \(group.rawValue) wording of \(first.id) (row \(first.row))",
                                                  allowed: "a statement that differs from the other questions' statements for \(group.audience)"))
                    } else {
                        firstOfWording[group, default: [:]][text] = (id, rowNumber)
                    }
                    wording[group] = text
                } else if !text.isEmpty && groupsAreValid {
                    errors.append(table.issue(row: index, column: column, value: text,
                                              "is a wording for the \(group.rawValue) group, which the question is not asked of (groups \(groupsText))",
                                              allowed: "an empty cell, or add \(group.letter) to groups"))
                }
            }

            if indicatorIsKnown, !id.isEmpty, !groups.isEmpty {
                questions.append(Question(id: id, indicator: indicator, wording: wording))
            }
        }

        if errors.isEmpty {
            if questions.isEmpty {
                errors.append(DataIssue(file: table.file, message: "has no questions",
                                        allowed: "one row per question"))
            }
            for indicator in framework.indicators where !questions.contains(where: { $0.indicator == indicator.id }) {
                errors.append(DataIssue(
                    file: table.file, column: table.header[indicatorColumn], value: indicator.id,
                    message: "(\(indicator.name)) is an indicator of the framework without a question, so it could never be computed",
                    allowed: "at least one question row with indicator \(indicator.id)"))
            }
        }
        try errors.throwIfAny()
        return Questionnaire(framework: framework, questions: questions)
    }
}

extension Questionnaire {
    /// The questionnaire for one stakeholder group as a Markdown document to send or print: a
    /// title, who it is for, the 0..4 scale with "don't know", then the group's statements
    /// numbered 1, 2, ... under the key dimensions they belong to (framework order; dimensions
    /// with no statement for the group are left out). Each statement ends with its question id,
    /// which is the column of its answer in the answer sheet (`answerTemplateCSV(for:)`).
    public func markdown(for group: StakeholderGroup, title: String = "StressTest stakeholder survey") -> String {
        let asked = questions(for: group)
        var lines = [String]()
        lines.append("# \(title): \(group.audience)")
        lines.append("")
        lines.append("This questionnaire is for \(group.members). It has \(asked.count) statement\(asked.count == 1 ? "" : "s") about how the region uses its clusters to implement its Smart Specialisation Strategy (S3), in \(dimensionCount(asked)) key dimension\(dimensionCount(asked) == 1 ? "" : "s").")
        lines.append("")
        lines.append("## How to answer")
        lines.append("")
        lines.append("Rate how far each statement holds for your region, from 0 to 4:")
        lines.append("")
        lines.append("| answer | meaning |")
        lines.append("|---|---|")
        for step in Self.scale { lines.append("| \(step.answer) | \(step.meaning) |") }
        lines.append("| don't know | leave the answer empty or write DK |")
        lines.append("")
        lines.append("\"Don't know\" is always allowed: it counts as no answer, never as 0. In the answer sheet, each statement's answer goes in the column named by its id (such as \(asked.first?.id ?? "Q01")); leave the columns of questions not listed here empty.")
        var number = 0
        for (position, dimension) in framework.dimensions.enumerated() {
            let members = asked.filter { framework.indicator($0.indicator)?.dimension == dimension.code }
            guard !members.isEmpty else { continue }
            lines.append("")
            lines.append("## \(position + 1). \(dimension.name)")
            lines.append("")
            for question in members {
                number += 1
                lines.append("\(number). \(question.wording[group]!) (\(question.id))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An answer sheet for one group, to fill in by hand or to check an online survey's export
    /// against: the header `respondent,region,group,Q01,...` with every question of the
    /// questionnaire (the survey import expects all of them, whichever group answers), and one
    /// starter row with the group filled in, the region if given, and the respondent id and every
    /// answer left empty. The starter row is the first respondent to fill in: if it is left as it
    /// is, the import rejects it for its missing respondent id (and region) instead of counting a
    /// respondent who answered nothing. The columns of questions not asked of the group stay
    /// empty.
    public func answerTemplateCSV(for group: StakeholderGroup, region: String = "") -> String {
        let header = ["respondent", "region", "group"] + questions.map(\.id)
        let starter = ["", region, group.rawValue] + questions.map { _ in "" }
        return CSVWriter.document(header: header, rows: [starter])
    }

    private func dimensionCount(_ questions: [Question]) -> Int {
        Set(questions.compactMap { framework.indicator($0.indicator)?.dimension }).count
    }
}
