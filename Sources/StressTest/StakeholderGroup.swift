import Foundation

/// The three groups of stakeholders that answer the StressTest survey, each with its own wording
/// of the questions (FRAMEWORK.md "What the StressTest is"). Ordered as declared: policy,
/// operational, intermediate.
public enum StakeholderGroup: String, CaseIterable, Sendable, Comparable {
    /// Regional policy makers and the entities in charge of the Smart Specialisation Strategy.
    case policy
    /// Cluster managers and similar innovation intermediaries.
    case operational
    /// Other members of the regional innovation system: development agencies, regional councils,
    /// universities, research institutions, chambers, industry associations.
    case intermediate

    /// Reads a group as a user writes it: the name (`policy`, `operational`, `intermediate`) or
    /// its letter (`P`, `O`, `I`), in any case, surrounding white space ignored; nil otherwise.
    public init?(parsing text: String) {
        switch text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "policy", "p": self = .policy
        case "operational", "o": self = .operational
        case "intermediate", "i": self = .intermediate
        default: return nil
        }
    }

    /// The letter FRAMEWORK.md's question table uses: `P`, `O` or `I`.
    public var letter: String {
        switch self {
        case .policy: "P"
        case .operational: "O"
        case .intermediate: "I"
        }
    }

    /// Who answers as this group, as a plural noun for titles: "policy makers", "cluster
    /// managers", "members of the regional innovation system".
    public var audience: String {
        switch self {
        case .policy: "policy makers"
        case .operational: "cluster managers"
        case .intermediate: "members of the regional innovation system"
        }
    }

    /// The members of the group, in a sentence's words.
    public var members: String {
        switch self {
        case .policy:
            "regional policy makers and the entities in charge of the Smart Specialisation Strategy (S3)"
        case .operational:
            "cluster managers and similar innovation intermediaries"
        case .intermediate:
            "other members of the regional innovation system: development agencies, regional councils, universities, research institutions, chambers and industry associations"
        }
    }

    /// What `init?(parsing:)` accepts, for error messages.
    public static let allowedText = "policy, operational, intermediate (or P, O, I)"

    private var order: Int {
        switch self {
        case .policy: 0
        case .operational: 1
        case .intermediate: 2
        }
    }

    public static func < (lhs: StakeholderGroup, rhs: StakeholderGroup) -> Bool {
        lhs.order < rhs.order
    }
}
