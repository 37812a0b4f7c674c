import Foundation

/// The schemas of the four content kinds, with item bodies taken from the registered item types.
///
/// These are the source of truth for the `*.schema.json` files beside the content and for the structural
/// checks of the loader.
public struct ContentSchemas: Sendable {
    /// `Curricula/schemas/module.schema.json`.
    public let module: SchemaDocument
    /// `Curricula/schemas/program.schema.json`.
    public let program: SchemaDocument
    /// `Assessments/schemas/bank.schema.json`.
    public let bank: SchemaDocument
    /// `Assessments/schemas/form.schema.json`.
    public let form: SchemaDocument

    /// Builds the schemas for the item types of `registry`.
    public init(registry: PluginRegistry) {
        let item = ContentSchemas.itemSchema(registry: registry)
        module = ContentSchemas.moduleDocument()
        program = ContentSchemas.programDocument()
        bank = SchemaDocument(
            fileName: ContentKind.bank.schemaFileName,
            title: "Atelier question bank",
            summary: "Items that the forms of one module share: the anchors that make pre/post change measurable.",
            root: .object([
                Property("$schema", .string(summary: "Relative path of this schema: \"../schemas/bank.schema.json\".")),
                Property("kind", .oneOf(["bank"], summary: "Always \"bank\".")),
                Property("id", .identifier(summary: "The bank's id, unique across all files (e.g. \"definitions-bank\").")),
                Property("version", ContentSchemas.version),
                Property("module", .identifier(summary: "The module whose objectives the items measure.")),
                Property("languages", ContentSchemas.languages),
                Property("items", .array(of: .ref("item"), minItems: 1, maxItems: 1_000, summary: "The items of the bank.")),
            ]),
            definitions: [("item", item)]
        )
        form = SchemaDocument(
            fileName: ContentKind.form.schemaFileName,
            title: "Atelier assessment form",
            summary: "A pre-, post- or retention test of one module.",
            root: .object([
                Property("$schema", .string(summary: "Relative path of this schema: \"../schemas/form.schema.json\".")),
                Property("kind", .oneOf(["form"], summary: "Always \"form\".")),
                Property("id", .identifier(summary: "The form's id, unique across all files (e.g. \"definitions.pre\").")),
                Property("version", ContentSchemas.version),
                Property("module", .identifier(summary: "The module this form assesses.")),
                Property("phase", .oneOf(AssessmentPhase.allCases.map(\.rawValue), summary: "When the form is taken: pre, post or retention.")),
                Property("languages", ContentSchemas.languages),
                Property("title", .text(summary: "The form's title.")),
                Property("instructions", .text(summary: "What participants are told before they start.")),
                Property(
                    "passMark",
                    .number(minimum: 0, maximum: 1, summary: "The fraction of the maximum score needed to pass, from 0 to 1 (0.7 means 70%).")
                ),
                .optional("timeLimitMinutes", .integer(minimum: 1, maximum: 600, summary: "A suggested time limit, in minutes.")),
                Property(
                    "shuffle",
                    .object(
                        [
                            Property("items", .boolean(summary: "Shuffle the order of items.")),
                            Property("choices", .boolean(summary: "Shuffle the order of choices within items.")),
                        ],
                        summary: "What is shuffled when the form is presented."
                    )
                ),
                Property(
                    "feedback",
                    .oneOf(
                        FeedbackPolicy.allCases.map(\.rawValue),
                        summary: "When participants see feedback and the key: none, on-submit, or after-release (when the trainer releases it)."
                    )
                ),
                Property(
                    "multipleResponsePolicy",
                    .oneOf(
                        MultipleResponsePolicy.allCases.map(\.rawValue),
                        summary: "How wrong selections count in multiple-response items."
                    )
                ),
                Property(
                    "items",
                    .array(
                        of: Schema(
                            .conditional(
                                key: "ref",
                                whenPresent: .object([
                                    Property("ref", .identifier(summary: "The id of an item in a bank of the same module."))
                                ]),
                                otherwise: .ref("item")
                            ),
                            summary: "An inline item, or {\"ref\": \"ITEM_ID\"} to take an item from a bank."
                        ),
                        minItems: 1,
                        maxItems: 500,
                        summary: "The items, in order."
                    )
                ),
            ]),
            definitions: [("item", item)]
        )
    }

    /// The document for `kind`.
    public func document(for kind: ContentKind) -> SchemaDocument {
        switch kind {
        case .module: module
        case .program: program
        case .bank: bank
        case .form: form
        }
    }

    /// Where each schema file lives in a content repository, relative to its root.
    public static func relativePath(of kind: ContentKind) -> String {
        switch kind {
        case .module, .program: "Curricula/schemas/\(kind.schemaFileName)"
        case .bank, .form: "Assessments/schemas/\(kind.schemaFileName)"
        }
    }

    // MARK: - Pieces

    static let version = Schema.pattern(
        "^[0-9]+\\.[0-9]+\\.[0-9]+$",
        maxLength: 32,
        summary: "A semantic version such as \"1.0.0\"; raise it when the content changes."
    )

    static let languages = Schema.array(
        of: .pattern(Schema.languagePattern, maxLength: 16),
        minItems: 1,
        unique: true,
        summary: "The languages every participant-facing text of the file is written in, e.g. [\"fr\", \"en\", \"ar\"]."
    )

    static let sourceIDs = Schema.array(
        of: .pattern("^S[0-9]+$", maxLength: 8, summary: "A source id such as \"S18\", listed in the module's references."),
        unique: true,
        summary: "The sources behind the claims, by id; each must be in the module's references."
    )

    static let audiences = Schema.array(
        of: .oneOf(Audience.allCases.map(\.rawValue)),
        minItems: 1,
        unique: true,
        summary: "Who it is for."
    )

    static func itemSchema(registry: PluginRegistry) -> Schema {
        Schema(
            .object(
                properties: [
                    Property("id", .identifier(summary: "The item's id, unique across all files (e.g. \"def-b01\").")),
                    Property("type", .string(maxLength: 64, summary: "The item type (a plugin's kind).")),
                    Property(
                        "objectives",
                        .array(of: .identifier(), minItems: 1, unique: true, summary: "The objectives of the module that the item measures.")
                    ),
                    .optional(
                        "points",
                        .number(maximum: 100, exclusiveMinimum: 0, summary: "The item's weight (default 1). Unscored types take none.")
                    ),
                    Property("prompt", .text(summary: "The question or statement.")),
                    Property(
                        "body",
                        .dictionary(of: .anything, summary: "The type-specific body, with the answer key; its shape depends on `type`.")
                    ),
                    .optional("feedback", .text(summary: "An explanation shown when the form's feedback policy allows.")),
                    .optional("sources", sourceIDs),
                    .optional(
                        "externalId",
                        .string(maxLength: 255, summary: "The item's id in the system it was imported from (Moodle's idnumber).")
                    ),
                    .optional(
                        "category",
                        .string(maxLength: 1000, summary: "The category it had in the system it was imported from (GIFT or Moodle).")
                    ),
                ],
                variants: Variants(
                    tag: "type",
                    payload: "body",
                    noun: "item type",
                    cases: registry.itemTypes.map { (tag: $0.kind, schema: $0.bodySchema.described($0.summary)) }
                )
            ),
            summary: "An assessment item."
        )
    }

    static func moduleDocument() -> SchemaDocument {
        let objective = Schema.object([
            Property("id", .identifier(summary: "The objective's id, unique across all files (e.g. \"def-o1\").")),
            Property("text", .text(summary: "What participants will be able to do.")),
        ])
        let activity = Schema.object([
            Property("id", .identifier(summary: "The activity's id.")),
            Property("type", .oneOf(ActivityType.allCases.map(\.rawValue), summary: "The kind of activity.")),
            Property("minutes", .integer(minimum: 1, maximum: 600, summary: "How long it takes.")),
            Property("title", .text(summary: "The activity's title, as participants see it.")),
            Property("instructions", .trainerText(summary: "How to run it.")),
        ])
        let unit = Schema.object([
            Property("id", .identifier(summary: "The unit's id, unique across all files (e.g. \"def-u1\").")),
            Property("title", .text(summary: "The unit's title.")),
            Property("minutes", .integer(minimum: 1, maximum: 600, summary: "How long the unit takes.")),
            Property("objectives", .array(of: .identifier(), minItems: 1, unique: true, summary: "The objectives the unit serves.")),
            Property(
                "keyMessages",
                .array(
                    of: .object([
                        Property("text", .text(summary: "The message.")),
                        Property("sources", sourceIDs),
                    ]),
                    minItems: 1,
                    summary: "What participants should remember, each with its sources."
                )
            ),
            Property("activities", .array(of: activity, minItems: 1, summary: "What happens in the room.")),
            Property("trainerNotes", .trainerText(summary: "Advice for the trainer: how to run the unit, pitfalls, sensitive points.")),
            .optional("sources", sourceIDs),
        ])
        let reference = Schema.object([
            Property("id", .pattern("^S[0-9]+$", maxLength: 8, summary: "The source id, such as \"S18\".")),
            Property("citation", .string(maxLength: 1_000, summary: "A bibliographic description.")),
            .optional("url", .pattern("^https?://", maxLength: 2_000, summary: "Where to read the source.")),
        ])
        return SchemaDocument(
            fileName: ContentKind.module.schemaFileName,
            title: "Atelier curriculum module",
            summary: "A curriculum module: objectives, units with activities and trainer notes, and the sources behind every claim.",
            root: .object([
                Property("$schema", .string(summary: "Relative path of this schema: \"../schemas/module.schema.json\".")),
                Property("kind", .oneOf(["module"], summary: "Always \"module\".")),
                Property("id", .identifier(summary: "The module's id, unique across all files (e.g. \"definitions\").")),
                Property("version", version),
                Property("languages", languages),
                .optional(
                    "trainerLanguages",
                    .array(
                        of: .pattern(Schema.languagePattern, maxLength: 16),
                        minItems: 1,
                        unique: true,
                        summary: "The languages of trainer notes and activity instructions (default: languages)."
                    )
                ),
                Property("title", .text(summary: "The module's title.")),
                Property("summary", .text(summary: "A short summary.")),
                Property("audiences", audiences),
                Property("objectives", .array(of: objective, minItems: 1, summary: "The learning objectives.")),
                Property("units", .array(of: .ref("unit"), minItems: 1, summary: "The teaching units, in order.")),
                Property("references", .array(of: reference, minItems: 1, summary: "The sources cited by the module and its items.")),
            ]),
            definitions: [("unit", unit)]
        )
    }

    static func programDocument() -> SchemaDocument {
        let time = Schema.pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$", maxLength: 5, summary: "A time of day, HH:MM.")
        let slot = Schema.object([
            Property("id", .identifier(summary: "The slot's id, such as \"d1-am\".")),
            Property("day", .integer(minimum: 1, maximum: 60, summary: "The day of the training, from 1.")),
            Property("part", .oneOf(DayPart.allCases.map(\.rawValue), summary: "Morning, afternoon or full day.")),
            Property("start", time),
            Property("end", time),
            Property("units", .array(of: .identifier(), unique: true, summary: "The units taught in the slot.")),
            .optional("forms", .array(of: .identifier(), unique: true, summary: "The assessment forms administered in the slot.")),
        ])
        return SchemaDocument(
            fileName: ContentKind.program.schemaFileName,
            title: "Atelier training program",
            summary: "A training program for an audience: modules, a schedule of days and slots, and a completion rule.",
            root: .object([
                Property("$schema", .string(summary: "Relative path of this schema: \"../schemas/program.schema.json\".")),
                Property("kind", .oneOf(["program"], summary: "Always \"program\".")),
                Property("id", .identifier(summary: "The program's id, unique across all files.")),
                Property("version", version),
                Property("languages", languages),
                Property("title", .text(summary: "The program's title.")),
                Property("summary", .text(summary: "A short summary.")),
                Property("audiences", audiences),
                Property("modules", .array(of: .identifier(), minItems: 1, unique: true, summary: "The modules taught, by id.")),
                Property("schedule", .array(of: .ref("slot"), minItems: 1, summary: "The slots of the training, in order.")),
                Property(
                    "completion",
                    .object(
                        [
                            Property(
                                "minimumAttendance",
                                .number(minimum: 0, maximum: 1, summary: "The least fraction of slots attended, from 0 to 1 (0.8 means 80%).")
                            ),
                            Property("requirePostTestPass", .boolean(summary: "Whether each post-test's pass mark must be reached.")),
                        ],
                        summary: "What a participant must do to complete the training."
                    )
                ),
            ]),
            definitions: [("slot", slot)]
        )
    }
}
