import Charts
import StressTest

/// Survey responses in a script: `score(s)` scores them; `s.respondents`, `s.regions`.
struct SurveyObject: ScriptObject {
    let survey: SurveyResponses

    var kind: String { "a survey" }

    var presentation: Block {
        var columns: [(name: String, values: [Value])] = [("region", survey.regions.map(Value.string))]
        for group in StakeholderGroup.allCases {
            columns.append((group.rawValue, survey.regions.map { region in
                .number(Double(survey.respondents.filter { $0.region == region && $0.group == group }.count))
            }))
        }
        var title = "survey \(survey.file): \(survey.respondents.count) respondents in \(survey.regions.count) region\(survey.regions.count == 1 ? "" : "s")"
        if !survey.ignoredColumns.isEmpty { title += "\nignored columns: " + survey.ignoredColumns.joined(separator: ", ") }
        return .table(Table(title: title, columns).presentation)
    }

    var datum: Datum {
        Value.record(Record([
            ("file", .string(survey.file)),
            ("respondents", .number(Double(survey.respondents.count))),
            ("regions", .list(survey.regions.map(Value.string))),
            ("ignored_columns", .list(survey.ignoredColumns.map(Value.string))),
        ])).datum
    }

    var fieldNames: [String] { ["respondents", "regions", "ignored_columns"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "respondents": .number(Double(survey.respondents.count))
        case "regions": .list(survey.regions.map(Value.string))
        case "ignored_columns": .list(survey.ignoredColumns.map(Value.string))
        default: nil
        }
    }
}
