import Script
import Yams

/// YAML values as script values: a number, true or false, text; a list of numbers is a numeric
/// vector, another list a vector; a mapping a record.
enum YAMLValue {
    static func value(of node: Node, at location: NotebookError.Location) throws(NotebookError) -> Value {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let flag = node.bool { return .bool(flag) }
                if let whole = node.int { return .number(Double(whole)) }
                if let number = node.float, number.isFinite { return .number(number) }
                if node.null != nil { return .missing }
            }
            return .string(scalar.string)
        case .sequence(let items):
            var values = [Value]()
            for item in items { values.append(try value(of: item, at: location)) }
            let numbers = values.compactMap { if case .number(let x) = $0 { x } else { nil } }
            return numbers.count == values.count ? .vector(numbers) : .list(values)
        case .mapping(let mapping):
            var fields = [(name: String, value: Value)]()
            for (key, item) in mapping { fields.append((key.string ?? "", try value(of: item, at: location))) }
            return .record(Record(fields))
        case .alias:
            throw NotebookError("a parameter cannot be a YAML alias", at: [location])
        }
    }
}
