import AtelierKernel

/// The two documents that tie a package's items together: the test and the manifest.
enum QTIPackageDocuments {
    /// An item as the test and the manifest refer to it.
    struct ItemEntry {
        /// Its QTI identifier.
        var identifier: String
        /// Its file in the package, such as `items/def-pre01.xml`.
        var path: String
        /// Its objectives, written as the item reference's categories.
        var objectives: [String]
    }

    /// The `qti-assessment-test`: one test part (non-linear navigation, responses submitted together, like
    /// an Atelier form) holding one visible section that references every item in order; `SCORE` and
    /// `MAXSCORE` are the sums of the items' own. Each item reference carries the item's objectives as
    /// categories, so that outcome processing can total them per objective.
    static func test(identifier: String, settings: QTIPackageSettings, items: [ItemEntry], language: String, testPath: String) -> String {
        var text = QTITextWriter(language: language, prompt: settings.instructions ?? LocalizedText([:]))
        var section: [Markup] = []
        if settings.shuffleItems { section.append(.tag("qti-ordering", ["shuffle": "true"])) }
        if let instructions = settings.instructions, !instructions.translations.isEmpty {
            section.append(
                .tag(
                    "qti-rubric-block",
                    ["view": "candidate"],
                    [.tag("qti-content-body", [:], [.tag("p", ["dir": text.bodyDirection], text.inline(instructions, field: "instructions"))])]
                )
            )
        }
        let depth = testPath.split(separator: "/").count - 1
        let up = String(repeating: "../", count: depth)
        for item in items {
            let categories = item.objectives.map(QTIIdentifier.make).joined(separator: " ")
            section.append(
                .tag(
                    "qti-assessment-item-ref",
                    ["identifier": item.identifier, "href": up + item.path, "category": categories.isEmpty ? nil : categories]
                )
            )
        }
        var children: [Markup] = ["SCORE", "MAXSCORE"].map { name in
            .tag(
                "qti-outcome-declaration",
                ["identifier": name, "cardinality": "single", "base-type": "float"],
                [.tag("qti-default-value", [:], [.tag("qti-value", text: "0")])]
            )
        }
        if let minutes = settings.timeLimitMinutes, minutes > 0 {
            children.append(.tag("qti-time-limits", ["max-time": String(minutes * 60)]))
        }
        children.append(
            .tag(
                "qti-test-part",
                ["identifier": "part-1", "navigation-mode": "nonlinear", "submission-mode": "simultaneous"],
                [.tag("qti-assessment-section", ["identifier": "section-1", "title": settings.title, "visible": "true"], section)]
            )
        )
        children.append(
            .tag(
                "qti-outcome-processing",
                [:],
                ["SCORE", "MAXSCORE"].map { name in
                    .tag(
                        "qti-set-outcome-value",
                        ["identifier": name],
                        [.tag("qti-sum", [:], [.tag("qti-test-variables", ["variable-identifier": name])])]
                    )
                }
            )
        )
        let root = Markup.tag(
            "qti-assessment-test",
            [
                "xmlns": QTI.namespace,
                "xmlns:xsi": QTI.schemaInstanceNamespace,
                "xsi:schemaLocation": QTI.schemaLocation,
                "identifier": identifier,
                "title": settings.title,
            ],
            children
        )
        return Markup.document(root)
    }

    /// `imsmanifest.xml`: one `imsqti_test_xmlv3p0` resource for the test, depending on one
    /// `imsqti_item_xmlv3p0` resource per item, each listing its file.
    static func manifest(identifier: String, testPath: String, items: [ItemEntry]) -> String {
        let testResource = Markup.tag(
            "resource",
            ["identifier": "test-\(identifier)", "type": QTI.testResourceType, "href": testPath],
            [.tag("file", ["href": testPath])] + items.map { .tag("dependency", ["identifierref": "item-\($0.identifier)"]) }
        )
        let itemResources = items.map { item in
            Markup.tag(
                "resource",
                ["identifier": "item-\(item.identifier)", "type": QTI.itemResourceType, "href": item.path],
                [.tag("file", ["href": item.path])]
            )
        }
        let root = Markup.tag(
            "manifest",
            [
                "xmlns": QTI.manifestNamespace,
                "xmlns:xsi": QTI.schemaInstanceNamespace,
                "xsi:schemaLocation": QTI.manifestSchemaLocation,
                "identifier": "manifest-\(identifier)",
            ],
            [
                .tag("metadata", [:], [.tag("schema", text: "QTI Package"), .tag("schemaversion", text: "3.0.0")]),
                .tag("organizations"),
                .tag("resources", [:], [testResource] + itemResources),
            ]
        )
        return Markup.document(root)
    }
}
