/// The sample report's text in French, English and Arabic.
struct SampleWords: Sendable {
    var title: String
    var metadataLabels: [String]
    var metadataValues: [String]
    var percentSuffix: String
    var summaryHeading: String
    var summaryParagraph: String
    var highlight: @Sendable (String, String, String, Int) -> String
    var summaryColumns: [String]
    var summaryRows: [String]
    var pairedNote: String
    var participantsHeading: String
    var dumbbellTitle: String
    var dumbbellCaption: String
    var preName: String
    var postName: String
    var score: String
    var histogramTitle: String
    var histogramCaption: String
    var objectivesHeading: String
    var objectivesParagraph: String
    var barsTitle: String
    var barsCaption: String
    var masteryAxis: String
    var objectives: [String]
    var objectiveColumns: [String]
    var suppressedNote: String
    var itemsHeading: String
    var facilityTitle: String
    var facilityCaption: String
    var facilityPre: String
    var facilityPost: String
    var noChange: String
    var discriminationTitle: String
    var discriminationCaption: String
    var discrimination: String
    var threshold: String
    var itemColumns: [String]

    static func forLanguage(_ language: String) -> SampleWords {
        switch language {
        case "fr": french
        case "ar": arabic
        default: english
        }
    }

    static let english = SampleWords(
        title: "Identifying and referring victims of trafficking — pre/post evaluation",
        metadataLabels: ["Session", "Dates", "Venue", "Trainers", "Participants", "Generated"],
        metadataValues: [
            "DKR-2025-03", "10–14 March 2025", "Dakar, Senegal", "A. Diallo, M. Ndiaye", "29 (27 took both tests)",
            "15 March 2025, 09:30",
        ],
        percentSuffix: "%",
        summaryHeading: "Summary",
        summaryParagraph:
            "Police, labour inspectors and social workers from four regions took the same 16-item test before and after the five-day training. Scores below compare the 27 participants who took both tests; participants who missed one test are shown but not counted in the averages.",
        highlight: { pre, post, change, count in
            "The mean score rose from \(pre) to \(post) (\(change) points) among the \(count) participants who took both tests."
        },
        summaryColumns: ["Indicator", "Pre-test", "Post-test", "Change"],
        summaryRows: ["Participants tested", "Mean score", "Participants at 70% or more", "Normalised gain (Hake)"],
        pairedNote: "Means, counts and gain are computed on the 27 participants who took both tests.",
        participantsHeading: "Participants",
        dumbbellTitle: "Each participant's score before and after",
        dumbbellCaption:
            "Each line joins a participant's pre-test score (hollow circle) to their post-test score (filled circle); a lone mark means one test is missing.",
        preName: "Pre-test",
        postName: "Post-test",
        score: "Score (%)",
        histogramTitle: "Distribution of scores",
        histogramCaption: "Number of participants per 10-point score band, before and after the training.",
        objectivesHeading: "Learning objectives",
        objectivesParagraph:
            "An objective is mastered when a participant answers at least 70% of its items correctly. Referral (OBJ-4) had too few post-test answers to report.",
        barsTitle: "Mastery by objective",
        barsCaption: "Share of participants who mastered each objective, before and after.",
        masteryAxis: "Participants who mastered the objective (%)",
        objectives: [
            "Define trafficking in persons and distinguish it from migrant smuggling",
            "Recognise indicators of trafficking in a recruitment or transport situation",
            "Apply the act–means–purpose test to a case, including cases involving children",
            "Refer a presumed victim to protection services using the national referral mechanism",
            "Conduct a first interview that respects the victim's safety, consent and confidentiality",
        ],
        objectiveColumns: ["Code", "Objective", "Items", "Pre-test", "Post-test"],
        suppressedNote: "— : fewer than 5 answers; not reported to protect participants.",
        itemsHeading: "Items",
        facilityTitle: "Item facility before and after",
        facilityCaption: "Share of correct answers per item; items below the dashed line were answered worse after the training.",
        facilityPre: "Correct before (%)",
        facilityPost: "Correct after (%)",
        noChange: "No change",
        discriminationTitle: "Item facility and discrimination (post-test)",
        discriminationCaption: "Items under the dashed line separate strong from weak participants poorly and should be reviewed.",
        discrimination: "Discrimination index",
        threshold: "Review threshold 0.20",
        itemColumns: ["Item", "Objective", "Correct before", "Correct after", "Discrimination"]
    )

    static let french = SampleWords(
        title: "Identification et orientation des victimes de traite — évaluation avant/après",
        metadataLabels: ["Session", "Dates", "Lieu", "Formateurs", "Participants", "Généré le"],
        metadataValues: [
            "DKR-2025-03", "10–14 mars 2025", "Dakar, Sénégal", "A. Diallo, M. Ndiaye", "29 (27 ont passé les deux tests)",
            "15 mars 2025, 09:30",
        ],
        percentSuffix: "\u{202F}%",
        summaryHeading: "Résumé",
        summaryParagraph:
            "Des policiers, inspecteurs du travail et travailleurs sociaux de quatre régions ont passé le même test de 16 items avant et après la formation de cinq jours. Les scores ci-dessous comparent les 27 participants ayant passé les deux tests ; ceux qui ont manqué un test sont représentés mais ne comptent pas dans les moyennes.",
        highlight: { pre, post, change, count in
            "Le score moyen est passé de \(pre) à \(post) (\(change) points) chez les \(count) participants ayant passé les deux tests."
        },
        summaryColumns: ["Indicateur", "Pré-test", "Post-test", "Évolution"],
        summaryRows: ["Participants testés", "Score moyen", "Participants à 70\u{202F}% ou plus", "Gain normalisé (Hake)"],
        pairedNote: "Moyennes, effectifs et gain calculés sur les 27 participants ayant passé les deux tests.",
        participantsHeading: "Participants",
        dumbbellTitle: "Score de chaque participant avant et après",
        dumbbellCaption:
            "Chaque ligne relie le score au pré-test (cercle vide) au score au post-test (cercle plein) ; un point isolé signale un test manquant.",
        preName: "Pré-test",
        postName: "Post-test",
        score: "Score (%)",
        histogramTitle: "Répartition des scores",
        histogramCaption: "Nombre de participants par tranche de 10 points, avant et après la formation.",
        objectivesHeading: "Objectifs pédagogiques",
        objectivesParagraph:
            "Un objectif est maîtrisé lorsqu'un participant répond correctement à au moins 70\u{202F}% de ses items. L'orientation (OBJ-4) compte trop peu de réponses au post-test pour être publiée.",
        barsTitle: "Maîtrise par objectif",
        barsCaption: "Part des participants maîtrisant chaque objectif, avant et après.",
        masteryAxis: "Participants maîtrisant l'objectif (%)",
        objectives: [
            "Définir la traite des personnes et la distinguer du trafic illicite de migrants",
            "Reconnaître les indicateurs de traite dans une situation de recrutement ou de transport",
            "Appliquer le test acte–moyen–but à un cas, y compris les cas impliquant des enfants",
            "Orienter une victime présumée vers les services de protection selon le mécanisme national d'orientation",
            "Mener un premier entretien respectant la sécurité, le consentement et la confidentialité de la victime",
        ],
        objectiveColumns: ["Code", "Objectif", "Items", "Pré-test", "Post-test"],
        suppressedNote: "— : moins de 5 réponses ; non publié pour protéger les participants.",
        itemsHeading: "Items",
        facilityTitle: "Taux de réussite des items avant et après",
        facilityCaption: "Part de bonnes réponses par item ; les items sous la ligne pointillée ont été moins bien réussis après la formation.",
        facilityPre: "Réussite avant (%)",
        facilityPost: "Réussite après (%)",
        noChange: "Aucun changement",
        discriminationTitle: "Réussite et discrimination des items (post-test)",
        discriminationCaption: "Les items sous la ligne pointillée distinguent mal les participants forts des faibles et sont à revoir.",
        discrimination: "Indice de discrimination",
        threshold: "Seuil de révision 0,20",
        itemColumns: ["Item", "Objectif", "Réussite avant", "Réussite après", "Discrimination"]
    )

    static let arabic = SampleWords(
        title: "تحديد ضحايا الاتجار بالأشخاص وإحالتهم — تقييم قبلي وبعدي",
        metadataLabels: ["الدورة", "التواريخ", "المكان", "المدربون", "المشاركون", "تاريخ الإنشاء"],
        metadataValues: [
            "DKR-2025-03", "10–14 مارس 2025", "داكار، السنغال", "أ. ديالو، م. نداي", "29 (27 أجروا الاختبارين)", "15 مارس 2025، 09:30",
        ],
        percentSuffix: "\u{066A}",
        summaryHeading: "ملخص",
        summaryParagraph:
            "أجرى عناصر من الشرطة ومفتشو العمل والأخصائيون الاجتماعيون من أربع مناطق الاختبار نفسه المكوّن من 16 بندًا قبل الدورة التدريبية ذات الأيام الخمسة وبعدها. تقارن الدرجات أدناه بين 27 مشاركًا أجروا الاختبارين؛ ويظهر من فاته أحد الاختبارين دون أن يُحتسب في المتوسطات.",
        highlight: { pre, post, change, count in
            "ارتفع متوسط الدرجات من \(pre) إلى \(post) (\(change) نقطة) لدى \(count) مشاركًا أجروا الاختبارين."
        },
        summaryColumns: ["المؤشر", "الاختبار القبلي", "الاختبار البعدي", "التغير"],
        summaryRows: ["عدد المشاركين", "متوسط الدرجة", "المشاركون الحاصلون على 70٪ فأكثر", "الكسب المعياري (Hake)"],
        pairedNote: "حُسبت المتوسطات والأعداد والكسب على 27 مشاركًا أجروا الاختبارين.",
        participantsHeading: "المشاركون",
        dumbbellTitle: "درجة كل مشارك قبل الدورة وبعدها",
        dumbbellCaption:
            "يصل كل خط بين درجة المشارك في الاختبار القبلي (دائرة فارغة) ودرجته في الاختبار البعدي (دائرة ممتلئة)؛ وتدل العلامة المنفردة على اختبار مفقود.",
        preName: "الاختبار القبلي",
        postName: "الاختبار البعدي",
        score: "الدرجة (%)",
        histogramTitle: "توزيع الدرجات",
        histogramCaption: "عدد المشاركين في كل فئة من 10 نقاط، قبل الدورة وبعدها.",
        objectivesHeading: "الأهداف التعليمية",
        objectivesParagraph:
            "يُعدّ الهدف متقنًا عندما يجيب المشارك إجابة صحيحة عن 70٪ على الأقل من بنوده. لم يُنشر هدف الإحالة (OBJ-4) لقلة الإجابات في الاختبار البعدي.",
        barsTitle: "الإتقان حسب الهدف",
        barsCaption: "نسبة المشاركين الذين أتقنوا كل هدف، قبل الدورة وبعدها.",
        masteryAxis: "المشاركون الذين أتقنوا الهدف (%)",
        objectives: [
            "تعريف الاتجار بالأشخاص وتمييزه عن تهريب المهاجرين",
            "التعرف على مؤشرات الاتجار في حالات التوظيف أو النقل",
            "تطبيق اختبار الفعل والوسيلة والغرض على حالة، بما في ذلك الحالات التي تشمل أطفالًا",
            "إحالة الضحية المفترضة إلى خدمات الحماية وفق آلية الإحالة الوطنية",
            "إجراء مقابلة أولى تحترم سلامة الضحية وموافقتها وسرية المعلومات",
        ],
        objectiveColumns: ["الرمز", "الهدف", "البنود", "الاختبار القبلي", "الاختبار البعدي"],
        suppressedNote: "—: أقل من 5 إجابات؛ لم تُنشر حمايةً للمشاركين.",
        itemsHeading: "البنود",
        facilityTitle: "نسبة الإجابات الصحيحة لكل بند قبل الدورة وبعدها",
        facilityCaption: "نسبة الإجابات الصحيحة لكل بند؛ البنود الواقعة تحت الخط المتقطع كانت نتائجها أسوأ بعد الدورة.",
        facilityPre: "الإجابات الصحيحة قبل (%)",
        facilityPost: "الإجابات الصحيحة بعد (%)",
        noChange: "دون تغيير",
        discriminationTitle: "سهولة البنود وقدرتها التمييزية (الاختبار البعدي)",
        discriminationCaption: "البنود الواقعة تحت الخط المتقطع تميّز بشكل ضعيف بين المشاركين الأقوياء والضعفاء وينبغي مراجعتها.",
        discrimination: "معامل التمييز",
        threshold: "عتبة المراجعة 0.20",
        itemColumns: ["البند", "الهدف", "الصحيح قبل", "الصحيح بعد", "التمييز"]
    )
}
