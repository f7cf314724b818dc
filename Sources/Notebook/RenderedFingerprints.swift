import Foundation

/// The fingerprints of a notebook's last render, read back from it for `check`: per cell id,
/// the SHA-256 of what it showed, from the HTML page's `data-cell`/`data-sha256` attributes or
/// the Markdown page's `<!-- stresstest:cell ID sha256=... -->` comments, in the order written.
public enum RenderedFingerprints {
    public static func read(_ rendered: String) -> [(id: String, sha256: String)] {
        let patterns = [#"data-cell="([^"]+)" data-sha256="([0-9a-f]{64})""#, #"<!-- stresstest:cell (\S+) sha256=([0-9a-f]{64}) -->"#]
        var found = [(id: String, sha256: String)]()
        for pattern in patterns {
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: rendered, range: NSRange(rendered.startIndex..., in: rendered)) {
                guard let id = Range(match.range(at: 1), in: rendered), let hash = Range(match.range(at: 2), in: rendered) else { continue }
                // Ids are letters, digits, - and _, which HTML escaping leaves as they are.
                found.append((String(rendered[id]), String(rendered[hash])))
            }
        }
        return found
    }

    /// The cells whose output differs from the render's, with what differs, in the run's file
    /// order: changed outputs, cells the render lacks, and cells only the render has.
    public static func differences(_ run: NotebookRun, against rendered: String) -> [String] {
        let old = read(rendered)
        var messages = [String]()
        for result in run.results {
            let id = result.cell.id
            guard let previous = old.first(where: { $0.id == id }) else {
                messages.append("cell `\(id)` (\(run.notebook.path):\(result.cell.line)) is not in the last render")
                continue
            }
            if previous.sha256 != result.fingerprint {
                messages.append("cell `\(id)` (\(run.notebook.path):\(result.cell.line)): its output differs from the last render")
            }
        }
        for previous in old where !run.results.contains(where: { $0.cell.id == previous.id }) {
            messages.append("cell `\(previous.id)` of the last render is no longer in the notebook")
        }
        return messages
    }
}
