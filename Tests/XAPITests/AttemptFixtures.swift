import AtelierKernel
import Foundation
import Testing

/// Realistic graded attempts: three participants of one session, each with a pre-test and a post-test of
/// nine items of every type, prompts in French and Arabic.
enum AttemptFixtures {
    static let homePage = "https://atelier.example.org"
    static let sessionID = "2026-lome-01"
    static let context = AttemptExportContext(homePage: homePage, platform: "Atelier", language: "fr")
    static let participantCodes = ["K7M2QX", "3HV9TN", "PW4C8R"]

    /// The submission of K7M2QX's pre-test, whose statement ids are checked against Python's `uuid5`.
    static let firstSubmissionID = "6f1c2a9e-4b3d-4c8e-9a71-2d5e8f0b3c14"

    /// One item of the forms: its id, type, prompt and maximum.
    struct ItemTemplate {
        let id: String
        let type: String
        let prompt: LocalizedText
        let maxScore: Double
        var isScored: Bool { type != "likert" }
    }

    static let items: [ItemTemplate] = [
        ItemTemplate(
            id: "def-elements",
            type: "single-choice",
            prompt: LocalizedText([
                "fr": "Quels sont les trois éléments constitutifs de la traite des personnes ?",
                "ar": "ما هي العناصر الثلاثة المكوِّنة لجريمة الاتجار بالأشخاص؟",
            ]),
            maxScore: 1
        ),
        ItemTemplate(
            id: "def-means",
            type: "multiple-response",
            prompt: LocalizedText(["ar": "ما هي الوسائل المستخدمة في الاتجار بالأشخاص؟"]),
            maxScore: 1
        ),
        ItemTemplate(
            id: "def-consent",
            type: "true-false",
            prompt: LocalizedText([
                "fr": "Le consentement d'une victime adulte est sans effet lorsque des moyens illicites ont été utilisés."
            ]),
            maxScore: 1
        ),
        ItemTemplate(
            id: "def-terms",
            type: "matching",
            prompt: LocalizedText(["fr": "Associez chaque terme à sa définition.", "ar": "طابِق كل مصطلح مع تعريفه."]),
            maxScore: 1
        ),
        ItemTemplate(
            id: "id-steps",
            type: "ordering",
            prompt: LocalizedText(["ar": "رتِّب خطوات إحالة الضحية المفترضة."]),
            maxScore: 1
        ),
        ItemTemplate(
            id: "def-child-age",
            type: "numeric",
            prompt: LocalizedText(["fr": "Jusqu'à quel âge une personne est-elle considérée comme un enfant (en années) ?"]),
            maxScore: 1
        ),
        ItemTemplate(
            id: "def-term",
            type: "short-text",
            prompt: LocalizedText(["ar": "ما المصطلح الذي يصف تجنيد شخص ونقله بغرض استغلاله؟"]),
            maxScore: 1
        ),
        ItemTemplate(
            id: "conf-identify",
            type: "likert",
            prompt: LocalizedText(["fr": "Je me sens capable d'identifier une victime de traite.", "ar": "أشعر بأنني قادر على التعرف على ضحية."]),
            maxScore: 0
        ),
        ItemTemplate(
            id: "case-amina",
            type: "case-analysis",
            prompt: LocalizedText(["fr": "Amina, 16 ans, est recrutée à Kara pour travailler comme domestique à Lomé. Analysez le cas."]),
            maxScore: 3
        ),
    ]

    /// The six attempts: every participant's pre-test and post-test.
    static let attempts: [AttemptRecord] = [
        attempt(
            code: "K7M2QX",
            phase: "pre",
            submissionID: firstSubmissionID,
            receivedAt: "2026-09-01T10:14:00.250Z",
            minutes: 842 / 60.0,
            answers: [
                ("b", 1), (["a", "c"], 1), (true, 1), (["p1": "t2", "p2": "t1"], 1), (["e2", "e1", "e3"], 1), (18, 1),
                ("la traite", 1), (4, 0), (["act": true, "means": true, "purpose": false, "classification": "smuggling"], 1),
            ]
        ),
        attempt(
            code: "3HV9TN",
            phase: "pre",
            submissionID: "c3ff5e16-30ce-4c9b-8f2a-51627bb7941b",
            receivedAt: "2026-09-01T10:16:31.000Z",
            minutes: 17.5,
            answers: [
                ("a", 0), (["a"], 0), (false, 0), (nil, 0), (["e1", "e2", "e3"], 1), ("17,5", 0),
                ("الاتجار بالبشر", 1), (2, 0), (["act": true, "means": false, "purpose": true, "classification": "trafficking"], 2),
            ]
        ),
        attempt(
            code: "PW4C8R",
            phase: "pre",
            submissionID: "fe0ee3f8-83fb-4092-b9ed-c323d4c264ac",
            receivedAt: "2026-09-01T10:18:05.125Z",
            minutes: 19,
            answers: [
                ("b", 1), (["a", "b", "c"], 0), (true, 1), (["p1": "t1", "p2": "t2"], 0), (["e2", "e3", "e1"], 0), (18, 1),
                ("exploitation", 0), (3, 0), (["act": true, "means": true, "purpose": true, "classification": "trafficking"], 2),
            ]
        ),
        attempt(
            code: "K7M2QX",
            phase: "post",
            submissionID: "a23c2f79-abef-4c29-a1bc-799b2636e3f5",
            receivedAt: "2026-09-05T15:30:00.000Z",
            minutes: 12,
            answers: [
                ("b", 1), (["a", "c"], 1), (true, 1), (["p1": "t2", "p2": "t1"], 1), (["e2", "e1", "e3"], 1), (18, 1),
                ("traite des personnes", 1), (5, 0), (["act": true, "means": true, "purpose": true, "classification": "trafficking"], 3),
            ]
        ),
        attempt(
            code: "3HV9TN",
            phase: "post",
            submissionID: "5e070bac-0c3f-4539-95c3-fd00fa8ec9f4",
            receivedAt: "2026-09-05T15:31:12.000Z",
            minutes: nil,
            answers: [
                ("b", 1), (["a", "c"], 1), (true, 1), (["p1": "t2", "p2": nil], 0.5), (["e2", "e1", "e3"], 1), (18, 1),
                ("الاتجار بالأشخاص", 1), (4, 0), (["act": true, "means": true, "purpose": false, "classification": "trafficking"], 0.5),
            ]
        ),
        attempt(
            code: "PW4C8R",
            phase: "post",
            submissionID: "37c8bb36-2cd1-49e5-a26c-1cf0a810c5e1",
            receivedAt: "2026-09-05T15:33:40.500Z",
            minutes: 14,
            answers: [
                ("b", 1), (["a", "c"], 1), (false, 0), (["p1": "t2", "p2": "t2"], 0.5), (["e2", "e1", "e3"], 1), (16, 0),
                ("la traite", 1), (4, 0), (["act": true, "means": true, "purpose": true, "classification": "trafficking"], 3),
            ]
        ),
    ]

    /// An attempt at `<module>.<phase>` with one answer and score per item of ``items``, passed at 70 %.
    static func attempt(
        code: String,
        phase: String,
        submissionID: String,
        receivedAt: String,
        minutes: Double?,
        answers: [(response: JSONValue?, score: Double)]
    ) -> AttemptRecord {
        let received = date(receivedAt)
        let records = zip(items, answers).map { template, answer in
            AttemptRecord.ItemRecord(
                itemID: template.id,
                type: template.type,
                prompt: template.prompt,
                response: answer.response,
                score: answer.score,
                maxScore: template.maxScore,
                isScored: template.isScored
            )
        }
        let score = records.filter(\.isScored).reduce(0) { $0 + $1.score }
        let maxScore = records.filter(\.isScored).reduce(0) { $0 + $1.maxScore }
        let titles = [
            "pre": LocalizedText(["fr": "Définitions — pré-test", "ar": "التعاريف — الاختبار القبلي"]),
            "post": LocalizedText(["fr": "Définitions — post-test", "ar": "التعاريف — الاختبار البعدي"]),
        ]
        return AttemptRecord(
            submissionID: submissionID,
            sessionID: sessionID,
            programID: "ct-101",
            participantCode: code,
            formID: "definitions.\(phase)",
            formTitle: titles[phase],
            phase: phase,
            attempt: 1,
            receivedAt: received,
            startedAt: minutes.map { received.addingTimeInterval(-$0 * 60) },
            score: score,
            maxScore: maxScore,
            passMark: 0.7,
            passed: score / maxScore >= 0.7,
            items: records
        )
    }

    /// A date from ISO 8601 text with milliseconds; the fixtures' dates are well-formed.
    static func date(_ text: String) -> Date {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return (try? style.parse(text)) ?? Date(timeIntervalSince1970: 0)
    }
}

extension AttemptRecord: CustomTestStringConvertible {
    /// The participant and phase, to name test cases.
    public var testDescription: String { "\(participantCode) \(phase)" }
}
