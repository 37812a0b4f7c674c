/// The words a participant reads around a case-analysis scenario, per language.
///
/// Terms follow the UN Trafficking in Persons Protocol in its official French and Arabic versions
/// (`shared/domain/GLOSSARY.md`): traite des personnes / الاتجار بالأشخاص for trafficking, trafic illicite
/// de migrants / تهريب المهاجرين for smuggling.
struct CaseAnalysisLabels {
    var elements: [String: String]
    var questions: [String: String]
    var classifications: [String: String]

    static func labels(for language: String) -> CaseAnalysisLabels {
        byLanguage[language] ?? byLanguage["en"]!
    }

    private static let byLanguage: [String: CaseAnalysisLabels] = [
        "fr": CaseAnalysisLabels(
            elements: ["act": "Acte", "means": "Moyen", "purpose": "But d'exploitation"],
            questions: [
                "act": "Y a-t-il un acte : recrutement, transport, transfert, hébergement ou accueil de la personne ?",
                "means":
                    "Y a-t-il un moyen : menace, force, contrainte, enlèvement, fraude, tromperie, abus d'autorité ou d'une situation de vulnérabilité, paiements ?",
                "purpose": "Le but est-il l'exploitation de la personne ?",
            ],
            classifications: [
                "trafficking": "Traite des personnes",
                "smuggling": "Trafic illicite de migrants",
                "both": "Les deux",
                "neither": "Ni l'un ni l'autre",
            ]
        ),
        "en": CaseAnalysisLabels(
            elements: ["act": "Act", "means": "Means", "purpose": "Exploitative purpose"],
            questions: [
                "act": "Is there an act: recruitment, transportation, transfer, harbouring or receipt of the person?",
                "means":
                    "Is there a means: threat, force, coercion, abduction, fraud, deception, abuse of power or of a position of vulnerability, payments?",
                "purpose": "Is the purpose the exploitation of the person?",
            ],
            classifications: [
                "trafficking": "Trafficking in persons",
                "smuggling": "Smuggling of migrants",
                "both": "Both",
                "neither": "Neither",
            ]
        ),
        "ar": CaseAnalysisLabels(
            elements: ["act": "الفعل", "means": "الوسيلة", "purpose": "غرض الاستغلال"],
            questions: [
                "act": "هل هناك فعل: تجنيد الشخص أو نقله أو تنقيله أو إيواؤه أو استقباله؟",
                "means":
                    "هل هناك وسيلة: التهديد بالقوة أو استعمالها، أو القسر، أو الاختطاف، أو الاحتيال، أو الخداع، أو استغلال السلطة أو استغلال حالة استضعاف، أو دفع مبالغ مالية؟",
                "purpose": "هل الغرض هو استغلال الشخص؟",
            ],
            classifications: [
                "trafficking": "الاتجار بالأشخاص",
                "smuggling": "تهريب المهاجرين",
                "both": "كلاهما",
                "neither": "لا هذا ولا ذاك",
            ]
        ),
    ]
}
