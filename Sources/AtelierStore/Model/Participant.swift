import Foundation

/// A registered participant, known by a pseudonymous code. Names and phone numbers are in ``Identity``,
/// stored apart; nothing else refers to them.
public struct Participant: Sendable, Codable, Equatable, Identifiable {
    /// The pseudonymous code, such as `K7M2QX`.
    public var code: String
    /// The session the participant is registered in.
    public var sessionID: String
    /// Sex, for disaggregation.
    public var sex: Sex
    /// Age band (with a boundary at 18).
    public var ageBand: AgeBand
    /// Organization, such as "Commissariat de Tevragh Zeina".
    public var organization: String?
    /// The type of organization.
    public var organizationType: OrganizationType
    /// Role or rank.
    public var role: String?
    /// Nationality, ISO 3166-1 alpha-2 (MR, SN, ML…).
    public var nationality: String?
    /// Preferred language: fr, en, ar or another code.
    public var language: String
    /// The Washington Group short set, when the participant chose to answer it.
    public var washingtonGroup: WashingtonGroupAnswers?
    /// Consent to the processing of their data.
    public var consent: Consent?
    /// When the participant was registered.
    public var registeredAt: Date

    /// The code as the `id`.
    public var id: String { code }

    /// Creates a participant.
    public init(
        code: String,
        sessionID: String,
        sex: Sex,
        ageBand: AgeBand,
        organization: String? = nil,
        organizationType: OrganizationType,
        role: String? = nil,
        nationality: String? = nil,
        language: String,
        washingtonGroup: WashingtonGroupAnswers? = nil,
        consent: Consent? = nil,
        registeredAt: Date = Date()
    ) {
        self.code = code
        self.sessionID = sessionID
        self.sex = sex
        self.ageBand = ageBand
        self.organization = organization
        self.organizationType = organizationType
        self.role = role
        self.nationality = nationality
        self.language = language
        self.washingtonGroup = washingtonGroup
        self.consent = consent
        self.registeredAt = registeredAt
    }
}

/// Sex, as recorded for disaggregation.
public enum Sex: String, Sendable, Codable, CaseIterable {
    case female, male
    case notStated = "not-stated"
}

/// Age bands; the first boundary is 18, so that minors are counted apart.
public enum AgeBand: String, Sendable, Codable, CaseIterable {
    case under18 = "under-18"
    case from18to24 = "18-24"
    case from25to34 = "25-34"
    case from35to44 = "35-44"
    case from45to54 = "45-54"
    case from55 = "55+"
    case notStated = "not-stated"
}

/// The kinds of organization participants come from.
public enum OrganizationType: String, Sendable, Codable, CaseIterable {
    case police, gendarmerie
    case minorsBrigade = "minors-brigade"
    case justice
    case socialServices = "social-services"
    case civilSociety = "civil-society"
    case localAuthority = "local-authority"
    case religiousOrCommunityLeader = "religious-community-leader"
    case other
}

/// The Washington Group short set: six questions, each answered 1 (no difficulty) to 4 (cannot do at all).
public struct WashingtonGroupAnswers: Sendable, Codable, Equatable {
    public var seeing: Int?
    public var hearing: Int?
    public var walking: Int?
    public var cognition: Int?
    public var selfCare: Int?
    public var communication: Int?

    /// Creates answers.
    public init(seeing: Int? = nil, hearing: Int? = nil, walking: Int? = nil, cognition: Int? = nil, selfCare: Int? = nil, communication: Int? = nil)
    {
        self.seeing = seeing
        self.hearing = hearing
        self.walking = walking
        self.cognition = cognition
        self.selfCare = selfCare
        self.communication = communication
    }

    /// The recommended cut-off: at least one domain answered "a lot of difficulty" (3) or "cannot do at all" (4).
    public var hasDisability: Bool? {
        let answers = [seeing, hearing, walking, cognition, selfCare, communication].compactMap { $0 }
        return answers.isEmpty ? nil : answers.contains { $0 >= 3 }
    }
}

/// A participant's consent: which text, in which language, when.
public struct Consent: Sendable, Codable, Equatable {
    /// The version of the consent text read.
    public var version: String
    /// The language it was read in.
    public var language: String
    /// When consent was given.
    public var givenAt: Date

    /// Creates a consent record.
    public init(version: String, language: String, givenAt: Date) {
        self.version = version
        self.language = language
        self.givenAt = givenAt
    }
}

/// A participant's identity, kept in its own table: the only place names and phone numbers live.
public struct Identity: Sendable, Codable, Equatable {
    /// The participant's code.
    public var code: String
    /// The name, for certificates and sign-in sheets.
    public var name: String
    /// A phone number, when given.
    public var phone: String?

    /// Creates an identity.
    public init(code: String, name: String, phone: String? = nil) {
        self.code = code
        self.name = name
        self.phone = phone
    }
}
