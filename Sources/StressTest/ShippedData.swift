import Foundation

/// The files shipped in the package's `Data/` folder (the framework, the questionnaire, the demo
/// portfolio, example responses), bundled as resources of this module.
public enum ShippedData {
    /// The URL of a shipped file, such as `framework.csv`; nil if the package does not ship it.
    public static func url(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
    }
}
