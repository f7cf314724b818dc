import Foundation

/// The files shipped in the package's `Data/` folder (the framework, the questionnaire, the demo
/// portfolio, example responses), bundled as resources of this module.
public enum ShippedData {
    /// The URL of a shipped file, such as `framework.csv`; nil if the package does not ship it.
    public static func url(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
    }

    /// A shipped file read by `read`. The shipped files are part of the program, so a missing or
    /// invalid one is a programmer error that stops with its problems listed.
    static func required<T>(_ name: String, _ read: (String) throws -> T) -> T {
        guard let url = url(name) else { preconditionFailure("the StressTest module ships no \(name)") }
        do {
            return try read(url.path)
        } catch {
            preconditionFailure("the shipped \(name) is invalid:\n\(error)")
        }
    }
}
