/// "Did you mean" suggestions: the candidate nearest to a misspelt name by optimal string
/// alignment distance (Damerau-Levenshtein with adjacent transpositions), as
/// swift-argument-parser and the Swift compiler suggest. A candidate qualifies when its distance
/// is at most a third of the name's length (at least 1); ties go to the alphabetically first.
/// A name of at least `minimumPrefix` characters that begins candidates (any case) also
/// suggests them, shortest first, ties alphabetically (`boxs`: `box` by distance, `boxstats` as a
/// completion), so that a name typed half-way finds the whole one. Complexity O(c * m * n) for
/// c candidates of length m and a name of length n.
public enum NameSuggestion {
    /// The shortest name that suggests the candidates it begins.
    public static let minimumPrefix = 3

    /// The nearest candidate by distance, else the shortest candidate the name begins; nil when
    /// there is neither.
    public static func nearest(to name: String, among candidates: some Sequence<String>) -> String? {
        suggestions(for: name, among: candidates, limit: 1).first
    }

    /// Up to `limit` suggestions: the nearest candidate by distance (if any qualifies), then the
    /// candidates the name begins, shortest first, ties alphabetically.
    public static func suggestions(for name: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let maximum = max(1, name.count / 3)
        let key = name.lowercased()
        var best: (distance: Int, name: String)?
        var completions = [String]()
        for candidate in candidates {
            let lowered = candidate.lowercased()
            let distance = Self.distance(key, lowered)
            if distance <= maximum, best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {
                best = (distance, candidate)
            }
            if name.count >= minimumPrefix, lowered.count > key.count, lowered.hasPrefix(key) {
                completions.append(candidate)
            }
        }
        var result = best.map { [$0.name] } ?? []
        for candidate in completions.sorted(by: { ($0.count, $0) < ($1.count, $1) }) where !result.contains(candidate) {
            result.append(candidate)
        }
        return Array(result.prefix(max(0, limit)))
    }

    /// A help line "did you mean `x`?" (or "`x` or `y`", "`x`, `y` or `z`" with completions), or nil.
    public static func help(for name: String, among candidates: some Sequence<String>) -> String? {
        let names = suggestions(for: name, among: candidates).map { "`\($0)`" }
        guard let last = names.last else { return nil }
        return "did you mean " + (names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last) + "?"
    }

    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
