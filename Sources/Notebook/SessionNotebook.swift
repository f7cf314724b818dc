import Foundation
import Script

/// A REPL session written as a notebook (`:save session.md`): each input a cell, in order.
/// Because a notebook defines each name once, an input that assigns a name an earlier cell
/// defined joins that cell, with every cell between them, so that the notebook runs as the
/// session did. `ans` and `Out` exist only in the REPL.
public enum SessionNotebook {
    public static func text(of inputs: [String], date: Date = Date()) -> String {
        var groups = [(code: [String], names: Set<String>)]()
        for input in inputs {
            let defined = Set(((try? ScriptNames(Source(name: "input", text: input)))?.definitions ?? []).map(\.name))
            if let first = groups.firstIndex(where: { !$0.names.isDisjoint(with: defined) }) {
                let merged = groups[first...].reduce((code: [String](), names: Set<String>())) { ($0.code + $1.code, $0.names.union($1.names)) }
                groups.removeSubrange(first...)
                groups.append((merged.code + [input], merged.names.union(defined)))
            } else {
                groups.append(([input], defined))
            }
        }
        var text = "---\ntitle: StressTest session\ndate: \(RenderSettings.day(date))\n---\n"
        for group in groups {
            text += "\n```stresstest\n" + group.code.joined(separator: "\n") + "\n```\n"
        }
        return text
    }
}
