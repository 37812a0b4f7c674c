import AtelierKernel
import Foundation
import MoodleXML
import Testing

@Suite("Importing Moodle XML questions")
struct MoodleXMLImporterTests {
    private let category1 = "$course$/top/Module 1/Définitions"
    private let category2 = "$course$/top/Module 2/Identification"

    @Test("every supported question of questions.xml becomes an item, named after the question, in file order")
    func importsEverySupportedQuestion() throws {
        let result = try MoodleFixture.importFile("questions.xml")
        #expect(
            result.items.compactMap { $0["id"]?.stringValue } == [
                "elements-de-la-traite", "moyens-de-contrainte", "indicateurs-ponderes", "consentement", "trafic-illicite",
                "age-de-la-majorite", "formes-d-exploitation", "etapes-de-l-identification", "multilingue", "carte-des-routes",
            ]
        )
        #expect(!result.diagnostics.containsErrors)
    }

    @Test("a single-answer multichoice keeps its HTML as plain text, its grade, idnumber, feedback and category")
    func singleChoice() throws {
        let result = try MoodleFixture.importFile("questions.xml")
        let expected: JSONValue = [
            "id": "elements-de-la-traite",
            "type": "single-choice",
            "objectives": [],
            "points": 2,
            "prompt": ["fr": "Selon le Protocole de Palerme, quels éléments\u{A0}constituent la traite\u{A0}?\nChoisissez une réponse."],
            "body": [
                "choices": [
                    ["id": "a", "text": ["fr": "Un acte, un moyen et un but"]],
                    ["id": "b", "text": ["fr": "Un acte et un but"]],
                    ["id": "c", "text": ["fr": "Un paiement <en espèces>"]],
                ],
                "answer": "a",
            ],
            "feedback": ["fr": "Acte, moyen & but d'exploitation."],
            "externalId": "TIP-DEF-01",
            "category": .string(category1),
        ]
        #expect(MoodleFixture.item("elements-de-la-traite", in: result) == expected)
    }

    @Test("a multiple-answer multichoice takes the answers worth more than 0% as right")
    func multipleResponse() throws {
        let result = try MoodleFixture.importFile("questions.xml")
        let expected: JSONValue = [
            "id": "moyens-de-contrainte",
            "type": "multiple-response",
            "objectives": [],
            "prompt": ["fr": "Lesquels sont des moyens ?\nCochez toutes les bonnes réponses."],
            "body": [
                "choices": [
                    ["id": "a", "text": ["fr": "La menace"]],
                    ["id": "b", "text": ["fr": "Le recrutement"]],
                    ["id": "c", "text": ["fr": "La tromperie"]],
                    ["id": "d", "text": ["fr": "L'hébergement"]],
                ],
                "answers": ["a", "c"],
            ],
            "category": .string(category1),
        ]
        #expect(MoodleFixture.item("moyens-de-contrainte", in: result) == expected)
    }

    @Test("true/false, short answer and numerical questions convert to their Atelier types")
    func typedAnswers() throws {
        let result = try MoodleFixture.importFile("questions.xml")
        let trueFalse: JSONValue = [
            "id": "consentement",
            "type": "true-false",
            "objectives": [],
            "prompt": ["fr": "Le consentement d'une victime adulte est sans effet\nlorsqu'un moyen a été utilisé."],
            "body": ["answer": true],
            "externalId": "TIP-DEF-02",
            "category": .string(category1),
        ]
        let shortText: JSONValue = [
            "id": "trafic-illicite",
            "type": "short-text",
            "objectives": [],
            "prompt": ["fr": "Comment appelle-t-on le fait de faire passer illégalement une frontière à une personne contre paiement ?"],
            "body": ["accepted": ["fr": ["trafic illicite de migrants", "trafic de migrants"]]],
            "category": .string(category1),
        ]
        let numeric: JSONValue = [
            "id": "age-de-la-majorite",
            "type": "numeric",
            "objectives": [],
            "prompt": ["fr": "En dessous de quel âge une personne est-elle un enfant au sens du Protocole ?"],
            "body": ["answer": 18, "tolerance": 0.5, "unit": ["fr": "ans"]],
            "externalId": "TIP-DEF-03",
            "category": .string(category1),
        ]
        #expect(MoodleFixture.item("consentement", in: result) == trueFalse)
        #expect(MoodleFixture.item("trafic-illicite", in: result) == shortText)
        #expect(MoodleFixture.item("age-de-la-majorite", in: result) == numeric)
    }

    @Test("matching keeps a subquestion with an empty text as a distractor, and a category question changes the category")
    func matching() throws {
        let result = try MoodleFixture.importFile("questions.xml")
        let expected: JSONValue = [
            "id": "formes-d-exploitation",
            "type": "matching",
            "objectives": [],
            "prompt": ["fr": "Associez chaque situation à une forme d'exploitation."],
            "body": [
                "premises": [
                    ["id": "p1", "text": ["fr": "Travail sans salaire sur un chantier"]],
                    ["id": "p2", "text": ["fr": "Mariage arrangé contre une dot"]],
                    ["id": "p3", "text": ["fr": "Mendicité imposée à un enfant"]],
                ],
                "targets": [
                    ["id": "t1", "text": ["fr": "Travail forcé"]],
                    ["id": "t2", "text": ["fr": "Mariage forcé"]],
                    ["id": "t3", "text": ["fr": "Prélèvement d'organes"]],
                ],
                "answer": ["p1": "t1", "p2": "t2", "p3": "t1"],
            ],
            "category": .string(category2),
        ]
        #expect(MoodleFixture.item("formes-d-exploitation", in: result) == expected)
    }

    @Test("an ordering question lists its answers in the right order, scored as its grading type says")
    func ordering() throws {
        let result = try MoodleFixture.importFile("questions.xml")
        let expected: JSONValue = [
            "id": "etapes-de-l-identification",
            "type": "ordering",
            "objectives": [],
            "prompt": ["fr": "Remettez les étapes dans l'ordre."],
            "body": [
                "elements": [
                    ["id": "e1", "text": ["fr": "Repérer les indicateurs"]],
                    ["id": "e2", "text": ["fr": "Mettre la personne en sécurité"]],
                    ["id": "e3", "text": ["fr": "Orienter vers un service d'assistance"]],
                ],
                "answer": ["e1", "e2", "e3"],
                "scoring": "positions",
            ],
            "category": .string(category2),
        ]
        #expect(MoodleFixture.item("etapes-de-l-identification", in: result) == expected)
    }

    @Test("a multilang text gives every requested language it has; other texts go to the first language")
    func multilang() throws {
        let both = try MoodleFixture.importFile("questions.xml", languages: ["fr", "en"])
        let expected: JSONValue = [
            "id": "multilingue",
            "type": "true-false",
            "objectives": [],
            "prompt": ["fr": "Un enfant ne peut pas consentir à son exploitation.", "en": "A child cannot consent to being exploited."],
            "body": ["answer": true],
            "feedback": ["fr": "Aucun moyen n'est requis pour un enfant.", "en": "No means is required for a child."],
            "category": .string(category2),
        ]
        #expect(MoodleFixture.item("multilingue", in: both) == expected)
        #expect(MoodleFixture.item("consentement", in: both)?["prompt"]?.objectValue?.keys == ["fr"])

        let arabic = try MoodleFixture.importFile("questions.xml", languages: ["ar", "fr"])
        #expect(
            MoodleFixture.item("multilingue", in: arabic)?["prompt"] == [
                "ar": "لا يمكن للطفل أن يوافق على استغلاله.", "fr": "Un enfant ne peut pas consentir à son exploitation.",
            ]
        )
        #expect(MoodleFixture.item("consentement", in: arabic)?["prompt"]?.objectValue?.keys == ["ar"])
    }

    @Test("a multilang text in none of the requested languages goes to the first one, with a warning at its line")
    func multilangWithoutRequestedLanguage() throws {
        let result = try MoodleFixture.importFile("questions.xml", languages: ["es"])
        #expect(MoodleFixture.item("multilingue", in: result)?["prompt"] == ["es": "Un enfant ne peut pas consentir à son exploitation."])
        let warnings = result.diagnostics.filter { $0.code == "language-not-found" }
        #expect(warnings.map(\.line) == [237, 240])
        #expect(warnings.first?.message.contains("fr, en, ar") == true)
    }

    @Test("every loss in questions.xml is reported once, at the line of what is lost")
    func lossesAreReportedWithTheirLines() throws {
        let result = try MoodleFixture.importFile("questions.xml")
        #expect(
            MoodleFixture.codesAndLines(result.diagnostics) == [
                "partial-credit@13", "combined-feedback@30", "answer-feedback@39", "partial-credit@84", "answer-feedback@121",
                "partial-credit@128", "several-answers@146", "image-dropped@254", "tags-dropped@265",
            ]
        )
        let severities = Set(result.diagnostics.filter { $0.code != "tags-dropped" }.map(\.severity))
        #expect(severities == [.warning])
        let partial = result.diagnostics.first { $0.line == 13 }
        #expect(partial?.message.contains("“Un acte et un but” earns 50%") == true)
        let image = result.diagnostics.first { $0.code == "image-dropped" }
        #expect(image?.message.contains("routes.png") == true)
    }

    @Test("the imported items form a bank that the content loader accepts")
    func importedItemsAreValidAtelierItems() throws {
        let result = try MoodleFixture.importFile("questions.xml")
        let loaded = try MoodleFixture.loadAsBank(result.items, languages: ["fr"])
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.formatted))")
        #expect(loaded.catalog.banks["imported-moodle"]?.items.count == 10)
    }

    @Test("questions without a name get q-001-style ids, and repeated names are made unique")
    func idsAreUnique() throws {
        let xml = """
            <quiz>
              <question type="truefalse"><name><text>Même nom</text></name>
                <questiontext><text>A</text></questiontext><answer fraction="100"><text>true</text></answer></question>
              <question type="truefalse"><name><text>Même  nom !</text></name>
                <questiontext><text>B</text></questiontext><answer fraction="100"><text>false</text></answer></question>
              <question type="truefalse"><name><text>مثال</text></name>
                <questiontext><text>C</text></questiontext><answer fraction="100"><text>true</text></answer></question>
            </quiz>
            """
        let result = MoodleXMLImporter().importItems(from: Data(xml.utf8), file: "ids.xml", languages: ["fr"])
        #expect(result.items.compactMap { $0["id"]?.stringValue } == ["meme-nom", "meme-nom-2", "q-003"])
    }
}
