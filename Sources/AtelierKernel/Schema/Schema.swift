import Foundation

/// A description of the shape of a JSON value: the single source of the JSON Schema files shipped with the
/// content and of the structural checks `atelier validate` runs.
///
/// The kernel describes each content kind with it (``ContentSchemas``); item-type plugins describe their
/// bodies with it. ``Schema/jsonSchema(in:)`` turns it into JSON Schema 2020-12 for editors, and
/// ``SchemaValidator`` checks a parsed document against it with line and column for every problem.
public struct Schema: Sendable {
    /// The shape.
    public indirect enum Shape: Sendable {
        /// An object with known properties; any other key is an error.
        case object(properties: [Property], variants: Variants?)
        /// An array.
        case array(items: Schema, minItems: Int, maxItems: Int?, uniqueItems: Bool)
        /// A string, optionally from a fixed set or matching a pattern.
        case string(pattern: String?, allowed: [String]?, minLength: Int, maxLength: Int?)
        /// A number, optionally integral and bounded.
        case number(integer: Bool, minimum: Double?, maximum: Double?, exclusiveMinimum: Double?)
        /// `true` or `false`.
        case boolean
        /// An object keyed by language (`{"fr": …, "en": …, "ar": …}`), whose values have `value`'s shape.
        case localized(audience: TextAudience, value: Schema)
        /// An object with any keys whose values all have `values`' shape (`{"p1": "t2", …}`).
        case dictionary(values: Schema)
        /// A named definition of the schema document (`$ref: #/$defs/NAME`).
        case definition(String)
        /// `whenPresent` if the object has the key `key`, else `otherwise` (inline item or bank reference).
        case conditional(key: String, whenPresent: Schema, otherwise: Schema)
        /// Any JSON value.
        case anything
    }

    /// The shape of the value.
    public var shape: Shape
    /// Shown in editors on hover and used in hints.
    public var summary: String?

    /// Creates a schema.
    public init(_ shape: Shape, summary: String? = nil) {
        self.shape = shape
        self.summary = summary
    }
}

/// One property of an object schema.
public struct Property: Sendable {
    /// The key.
    public var name: String
    /// The value's schema.
    public var schema: Schema
    /// Whether the key must be present.
    public var isRequired: Bool

    /// Creates a property.
    public init(_ name: String, _ schema: Schema, required: Bool = true) {
        self.name = name
        self.schema = schema
        self.isRequired = required
    }

    /// An optional property.
    public static func optional(_ name: String, _ schema: Schema) -> Property {
        Property(name, schema, required: false)
    }
}

/// The body of a tagged object depends on its tag: an item's `body` depends on its `type`.
public struct Variants: Sendable {
    /// The key whose string value selects the variant (`type`).
    public var tag: String
    /// The key whose value has the variant's shape (`body`).
    public var payload: String
    /// What the tag names (for messages): "item type".
    public var noun: String
    /// The variants, in the order they are listed to authors.
    public var cases: [(tag: String, schema: Schema)]

    /// Creates variants.
    public init(tag: String, payload: String, noun: String, cases: [(tag: String, schema: Schema)]) {
        self.tag = tag
        self.payload = payload
        self.noun = noun
        self.cases = cases
    }
}

/// Who reads a localized text, which decides the languages it must have.
public enum TextAudience: String, Sendable {
    /// A participant reads it: every language the file declares in `languages`.
    case participant
    /// A trainer reads it: every language in `trainerLanguages` (or `languages` when absent).
    case trainer
}

/// A schema with its named definitions: what one `*.schema.json` file holds.
public struct SchemaDocument: Sendable {
    /// The file name, such as `form.schema.json` (also the `$id`).
    public var fileName: String
    /// The title shown by editors.
    public var title: String
    /// A sentence on what the files of this kind are.
    public var summary: String
    /// The schema of the whole document.
    public var root: Schema
    /// Definitions referenced with ``Schema/Shape/definition(_:)``.
    public var definitions: [(name: String, schema: Schema)]

    /// Creates a schema document.
    public init(fileName: String, title: String, summary: String, root: Schema, definitions: [(name: String, schema: Schema)]) {
        self.fileName = fileName
        self.title = title
        self.summary = summary
        self.root = root
        self.definitions = definitions
    }

    /// The definition named `name`.
    public func definition(_ name: String) -> Schema? {
        definitions.first { $0.name == name }?.schema
    }
}

// MARK: - Building schemas

extension Schema {
    /// An object with exactly these properties.
    public static func object(_ properties: [Property], summary: String? = nil) -> Schema {
        Schema(.object(properties: properties, variants: nil), summary: summary)
    }

    /// An array of `items`.
    public static func array(
        of items: Schema,
        minItems: Int = 0,
        maxItems: Int? = nil,
        unique: Bool = false,
        summary: String? = nil
    ) -> Schema {
        Schema(.array(items: items, minItems: minItems, maxItems: maxItems, uniqueItems: unique), summary: summary)
    }

    /// A non-empty string of at most `maxLength` characters.
    public static func string(minLength: Int = 1, maxLength: Int? = 10_000, summary: String? = nil) -> Schema {
        Schema(.string(pattern: nil, allowed: nil, minLength: minLength, maxLength: maxLength), summary: summary)
    }

    /// A string matching `pattern` (an ICU regular expression, anchored by the caller).
    public static func pattern(_ pattern: String, maxLength: Int? = 200, summary: String? = nil) -> Schema {
        Schema(.string(pattern: pattern, allowed: nil, minLength: 1, maxLength: maxLength), summary: summary)
    }

    /// One of a fixed set of strings.
    public static func oneOf(_ allowed: [String], summary: String? = nil) -> Schema {
        Schema(.string(pattern: nil, allowed: allowed, minLength: 0, maxLength: nil), summary: summary)
    }

    /// A number, optionally bounded.
    public static func number(
        minimum: Double? = nil,
        maximum: Double? = nil,
        exclusiveMinimum: Double? = nil,
        summary: String? = nil
    ) -> Schema {
        Schema(.number(integer: false, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum), summary: summary)
    }

    /// An integer, optionally bounded.
    public static func integer(minimum: Int? = nil, maximum: Int? = nil, summary: String? = nil) -> Schema {
        Schema(
            .number(integer: true, minimum: minimum.map(Double.init), maximum: maximum.map(Double.init), exclusiveMinimum: nil),
            summary: summary
        )
    }

    /// `true` or `false`.
    public static func boolean(summary: String? = nil) -> Schema { Schema(.boolean, summary: summary) }

    /// Text a participant reads, in every declared language.
    public static func text(summary: String? = nil) -> Schema {
        Schema(.localized(audience: .participant, value: .string(maxLength: 10_000)), summary: summary)
    }

    /// Text a trainer reads, in every trainer language.
    public static func trainerText(summary: String? = nil) -> Schema {
        Schema(.localized(audience: .trainer, value: .string(maxLength: 20_000)), summary: summary)
    }

    /// An object with free keys whose values all have `values`' shape.
    public static func dictionary(of values: Schema, summary: String? = nil) -> Schema {
        Schema(.dictionary(values: values), summary: summary)
    }

    /// A reference to a named definition.
    public static func ref(_ name: String, summary: String? = nil) -> Schema { Schema(.definition(name), summary: summary) }

    /// Any JSON value.
    public static let anything = Schema(.anything)

    /// An identifier: lower-case letters, digits, single dots or hyphens between them.
    public static func identifier(summary: String? = nil) -> Schema {
        .pattern(identifierPattern, maxLength: 64, summary: summary)
    }

    /// The pattern of identifiers.
    public static let identifierPattern = "^[a-z0-9]+([.-][a-z0-9]+)*$"

    /// The pattern of language codes (`fr`, `en`, `ar`, `ff-Latn`…).
    public static let languagePattern = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"

    /// Returns the schema with a different summary.
    public func described(_ summary: String) -> Schema {
        var copy = self
        copy.summary = summary
        return copy
    }
}
