import Charts
import Foundation

/// What a script may touch outside itself, and what it touched: the folder relative paths start
/// from, the folders it may write under, the seed of functions called without `seed:`, and a
/// record of the files it read and the seeds it used (a notebook's footer lists them so that a
/// reader can reproduce it).
///
/// Each interpreter has one; the library's functions reach the one of the interpreter running
/// them through `ScriptEnvironment.current` (set on the interpreter's thread for the length of a
/// run). Outside a run, `current` is a default environment: paths as given, writes anywhere, seed 1.
public final class ScriptEnvironment: @unchecked Sendable {
    /// Relative paths are taken from this folder; nil: the process's working folder.
    public var workingDirectory: String?
    /// The folders under which files may be written; nil: anywhere.
    public var writableFolders: [String]?
    /// The seed of functions called without `seed:`.
    public var defaultSeed = 1
    /// The language of the text the script writes: numbers in strings and `format`, the shipped
    /// framework's names, the words of charts (a notebook's `lang:`).
    public var language = Language.english
    /// Every file read, as an absolute path, once, in the order first read.
    public private(set) var filesRead: [String] = []
    /// Every seed used, once, in the order first used.
    public private(set) var seedsUsed: [Int] = []

    public init() {}

    /// Forgets the files read and the seeds used (a notebook records them per cell).
    public func clearRecord() {
        filesRead = []
        seedsUsed = []
    }

    /// `path` as an absolute path: a relative one is taken from `workingDirectory`, `.` and `..`
    /// resolved.
    public func absolutePath(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let base = workingDirectory ?? FileManager.default.currentDirectoryPath
        let joined = expanded.hasPrefix("/") ? expanded : (base as NSString).appendingPathComponent(expanded)
        return (joined as NSString).standardizingPath
    }

    /// The path to open for a file about to be read (as given, unless relative to a
    /// `workingDirectory`); its absolute path is recorded.
    func reading(_ path: String) -> String {
        let absolute = absolutePath(path)
        if !filesRead.contains(absolute) { filesRead.append(absolute) }
        return opened(path, absolute)
    }

    /// A path as given when the process's folder is the script's, else its absolute form.
    private func opened(_ path: String, _ absolute: String) -> String {
        workingDirectory == nil ? path : absolute
    }

    /// The path to open for a file about to be written, or nil when it lies outside every
    /// writable folder. Symbolic links are followed, so that a link cannot lead a write outside.
    func writing(_ path: String) -> String? {
        let absolute = absolutePath(path)
        guard let folders = writableFolders else { return opened(path, absolute) }
        let resolvedParent = ((absolute as NSString).deletingLastPathComponent as NSString).resolvingSymlinksInPath
        let target = (resolvedParent as NSString).appendingPathComponent((absolute as NSString).lastPathComponent)
        let resolvedTarget = (try? FileManager.default.destinationOfSymbolicLink(atPath: target)).map {
            $0.hasPrefix("/") ? $0 : (resolvedParent as NSString).appendingPathComponent($0)
        } ?? target
        let allowed = folders.contains { folder in
            let root = (absolutePath(folder) as NSString).resolvingSymlinksInPath
            return [target, (resolvedTarget as NSString).standardizingPath].allSatisfy { $0.hasPrefix(root == "/" ? "/" : root + "/") }
        }
        return allowed ? opened(path, absolute) : nil
    }

    func using(seed: Int) -> Int {
        if !seedsUsed.contains(seed) { seedsUsed.append(seed) }
        return seed
    }

    // MARK: - The environment of the running interpreter

    private static let key = "StressTest.ScriptEnvironment"
    private static let fallback = ScriptEnvironment()

    /// The environment of the interpreter running on this thread.
    static var current: ScriptEnvironment {
        Thread.current.threadDictionary[key] as? ScriptEnvironment ?? fallback
    }

    /// Runs `body` with `self` as the current environment of this thread.
    func install<T>(_ body: () throws(ScriptError) -> T) throws(ScriptError) -> T {
        let dictionary = Thread.current.threadDictionary
        let saved = dictionary[Self.key]
        dictionary[Self.key] = self
        defer { dictionary[Self.key] = saved }
        return try body()
    }
}

extension Arguments {
    /// The path argument `name` of a file to read, taken from the script's folder and recorded.
    func pathToRead(_ name: String) throws(ScriptError) -> String {
        ScriptEnvironment.current.reading(try string(name))
    }

    /// The path argument `name` of a file to write, taken from the script's folder; an error
    /// when the script may not write there (a notebook writes under its own folder only).
    func pathToWrite(_ name: String) throws(ScriptError) -> String {
        let path = try string(name)
        let environment = ScriptEnvironment.current
        guard let absolute = environment.writing(path) else {
            throw error(name, "this notebook may not write to `\(path)`: it writes only under \((environment.writableFolders ?? []).joined(separator: ", "))",
                        help: "write under the notebook's folder, or pass --allow-write FOLDER to allow another")
        }
        return absolute
    }

    /// The `seed` argument, or the environment's default seed when it is absent; recorded.
    func seed() throws(ScriptError) -> Int {
        let environment = ScriptEnvironment.current
        return environment.using(seed: try integer("seed", default: environment.defaultSeed, in: 0...Int(Int32.max)))
    }
}
