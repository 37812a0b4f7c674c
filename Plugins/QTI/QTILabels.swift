import AtelierKernel

/// The words Atelier shows around authored content, per language, written into QTI items where the
/// participant would otherwise see nothing: true/false options and the questions of a case analysis.
///
/// They repeat what the participant reads in Atelier (`StandardItems`' true/false labels, the
/// `CaseAnalysis` plugin's labels, the server's `item.yes`, `item.no` and `item.classify` strings): this
/// plugin depends on the kernel only and cannot read them. Terms follow the UN Trafficking in Persons
/// Protocol in its official French and Arabic versions.
struct QTILabels {
    /// "True" and "False".
    var isTrue: String
    var isFalse: String
    /// "Yes" and "No", the answers to whether an element of a case is present.
    var yes: String
    var no: String
    /// The question before the classification of a case.
    var classify: String
    /// The name of each element of the trafficking definition (`act`, `means`, `purpose`).
    var elements: [String: String]
    /// The question asked for each element.
    var questions: [String: String]
    /// The name of each classification (`trafficking`, `smuggling`, `both`, `neither`).
    var classifications: [String: String]

    /// The languages labels exist in.
    static var languages: [String] { ["fr", "en", "ar"] }

    /// The labels of `language`, or English when there are none.
    static func labels(for language: String) -> QTILabels {
        switch language {
        case "fr": french
        case "ar": arabic
        default: english
        }
    }

    private static let french = QTILabels(
        isTrue: "Vrai",
        isFalse: "Faux",
        yes: "Oui",
        no: "Non",
        classify: "Comment classez-vous ce cas ?",
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
    )

    private static let english = QTILabels(
        isTrue: "True",
        isFalse: "False",
        yes: "Yes",
        no: "No",
        classify: "How do you classify this case?",
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
    )

    private static let arabic = QTILabels(
        isTrue: "صحيح",
        isFalse: "خطأ",
        yes: "نعم",
        no: "لا",
        classify: "كيف تصنّف هذه الحالة؟",
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
    )

    /// One label in every language labels exist in, picked by `label`.
    static func localized(_ label: (QTILabels) -> String) -> LocalizedText {
        LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, label(labels(for: $0))) }))
    }
}
