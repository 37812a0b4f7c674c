import Foundation

/// Builds the catalog from loaded documents and runs the checks that span files: duplicate ids, dangling
/// references, answer keys (through the item-type plugins), languages of shared items, objective coverage
/// and pre/post comparability.
struct CatalogBuilder {
    let registry: PluginRegistry
    let documents: [LoadedDocument]
    private(set) var catalog = ContentCatalog()
    private(set) var diagnostics: [Diagnostic] = []

    /// Where an id was first defined, per namespace.
    private var definitions: [String: [String: (file: String, location: SourceLocation)]] = [:]
    private var documentsByFile: [String: LoadedDocument] = [:]

    init(registry: PluginRegistry, documents: [LoadedDocument]) {
        self.registry = registry
        self.documents = documents
        for document in documents { documentsByFile[document.file] = document }
    }

    mutating func build() {
        for document in documents { register(document) }
        for document in documents {
            switch document.model {
            case .module(let module): checkModule(module, in: document)
            case .program(let program): checkProgram(program, in: document)
            case .bank(let bank): checkBank(bank, in: document)
            case .form(let form): checkForm(form, in: document)
            }
        }
        checkPrePostComparability()
    }

    // MARK: - Registration and duplicate ids

    private mutating func register(_ document: LoadedDocument) {
        switch document.model {
        case .module(let module):
            guard claim(module.id, namespace: "module", at: "/id", in: document) else { return }
            catalog.modules[module.id] = module
            catalog.files[module.id] = document.file
            for (index, objective) in module.objectives.enumerated() {
                claim(objective.id, namespace: "objective", at: JSONPointer("/objectives/\(index)/id"), in: document)
            }
            for (unitIndex, unit) in module.units.enumerated() {
                claim(unit.id, namespace: "unit", at: JSONPointer("/units/\(unitIndex)/id"), in: document)
                for (index, activity) in unit.activities.enumerated() {
                    claim(activity.id, namespace: "activity", at: JSONPointer("/units/\(unitIndex)/activities/\(index)/id"), in: document)
                }
            }
        case .program(let program):
            guard claim(program.id, namespace: "program", at: "/id", in: document) else { return }
            catalog.programs[program.id] = program
            catalog.files[program.id] = document.file
        case .bank(let bank):
            guard claim(bank.id, namespace: "bank", at: "/id", in: document) else { return }
            catalog.banks[bank.id] = bank
            catalog.files[bank.id] = document.file
            for (index, item) in bank.items.enumerated() {
                registerItem(item, module: bank.module, languages: bank.languages, at: JSONPointer("/items/\(index)"), in: document)
            }
        case .form(let form):
            guard claim(form.id, namespace: "form", at: "/id", in: document) else { return }
            catalog.forms[form.id] = form
            catalog.files[form.id] = document.file
            for (index, entry) in form.items.enumerated() {
                if case .inline(let item) = entry {
                    registerItem(item, module: form.module, languages: form.languages, at: JSONPointer("/items/\(index)"), in: document)
                }
            }
        }
    }

    /// Records `id` in `namespace`; reports a duplicate and returns `false` if it was already defined.
    @discardableResult
    private mutating func claim(_ id: String, namespace: String, at pointer: JSONPointer, in document: LoadedDocument) -> Bool {
        if let first = definitions[namespace]?[id] {
            report(
                .error,
                "duplicate-id",
                "the \(namespace) id '\(id)' is already used",
                at: pointer,
                in: document,
                hint: "first defined at \(first.file):\(first.location); ids must be unique across all files"
            )
            return false
        }
        definitions[namespace, default: [:]][id] = (document.file, document.sourceMap.location(of: pointer))
        return true
    }

    private mutating func registerItem(_ item: Item, module: String, languages: [String], at pointer: JSONPointer, in document: LoadedDocument) {
        guard claim(item.id, namespace: "item", at: pointer.appending("id"), in: document) else { return }
        let check = ItemCheck(item, at: pointer, languages: languages, registry: registry)
        var collector = DocumentDiagnostics(file: document.file, sourceMap: document.sourceMap)
        check.report(into: &collector)
        diagnostics += collector.diagnostics
        guard check.isUsable, let itemType = check.itemType, let body = check.body else { return }
        catalog.items[item.id] = LoadedItem(item: item, itemType: itemType, body: body, module: module, origin: (document.file, pointer))
    }

    // MARK: - Modules

    private mutating func checkModule(_ module: CurriculumModule, in document: LoadedDocument) {
        let objectiveIDs = Set(module.objectives.map(\.id))
        let sourceIDs = Set(module.references.map(\.id))
        var seenSources: Set<String> = []
        for (index, reference) in module.references.enumerated() where !seenSources.insert(reference.id).inserted {
            report(.error, "duplicate-id", "the source '\(reference.id)' is listed twice", at: JSONPointer("/references/\(index)/id"), in: document)
        }
        var taught: Set<String> = []
        for (unitIndex, unit) in module.units.enumerated() {
            let unitPointer = JSONPointer("/units/\(unitIndex)")
            for (index, objective) in unit.objectives.enumerated() {
                taught.insert(objective)
                if !objectiveIDs.contains(objective) {
                    reportUnknown("objective", objective, known: objectiveIDs, at: unitPointer.appending("objectives").appending(index), in: document)
                }
            }
            for (messageIndex, message) in unit.keyMessages.enumerated() {
                for (index, source) in message.sources.enumerated() {
                    checkSource(
                        source,
                        known: sourceIDs,
                        at: unitPointer.appending("keyMessages").appending(messageIndex).appending("sources").appending(index),
                        module: module.id,
                        in: document
                    )
                }
            }
            for (index, source) in (unit.sources ?? []).enumerated() {
                checkSource(source, known: sourceIDs, at: unitPointer.appending("sources").appending(index), module: module.id, in: document)
            }
            let activityMinutes = unit.activities.reduce(0) { $0 + $1.minutes }
            if activityMinutes > unit.minutes {
                report(
                    .warning,
                    "activities-overrun",
                    "the activities take \(activityMinutes) minutes but the unit has \(unit.minutes)",
                    at: unitPointer.appending("minutes"),
                    in: document,
                    hint: "lengthen the unit or shorten its activities"
                )
            }
        }
        for (index, objective) in module.objectives.enumerated() where !taught.contains(objective.id) {
            report(
                .warning,
                "objective-not-taught",
                "no unit serves the objective '\(objective.id)'",
                at: JSONPointer("/objectives/\(index)"),
                in: document,
                hint: "add it to the objectives of the unit that teaches it"
            )
        }
    }

    private mutating func checkSource(_ source: String, known: Set<String>, at pointer: JSONPointer, module: String, in document: LoadedDocument) {
        guard !known.contains(source) else { return }
        report(
            .error,
            "unknown-source",
            "the source '\(source)' is not in the references of module '\(module)'",
            at: pointer,
            in: document,
            hint: "add {\"id\": \"\(source)\", \"citation\": \"…\"} to the module's references, or fix the id"
        )
    }

    // MARK: - Items, banks and forms

    private mutating func checkItemReferences(_ item: Item, module: CurriculumModule?, at pointer: JSONPointer, in document: LoadedDocument) {
        guard let module else { return }
        let objectiveIDs = Set(module.objectives.map(\.id))
        for (index, objective) in item.objectives.enumerated() where !objectiveIDs.contains(objective) {
            reportUnknown(
                "objective",
                objective,
                known: objectiveIDs,
                at: pointer.appending("objectives").appending(index),
                in: document,
                scope: "of module '\(module.id)'"
            )
        }
        let sourceIDs = Set(module.references.map(\.id))
        for (index, source) in (item.sources ?? []).enumerated() {
            checkSource(source, known: sourceIDs, at: pointer.appending("sources").appending(index), module: module.id, in: document)
        }
    }

    private mutating func requireModule(_ id: String, in document: LoadedDocument) -> CurriculumModule? {
        if let module = catalog.modules[id] { return module }
        reportUnknown("module", id, known: Set(catalog.modules.keys), at: "/module", in: document)
        return nil
    }

    private mutating func checkBank(_ bank: QuestionBank, in document: LoadedDocument) {
        let module = requireModule(bank.module, in: document)
        for (index, item) in bank.items.enumerated() {
            checkItemReferences(item, module: module, at: JSONPointer("/items/\(index)"), in: document)
        }
    }

    private mutating func checkForm(_ form: AssessmentForm, in document: LoadedDocument) {
        let module = requireModule(form.module, in: document)
        var seen: [String: Int] = [:]
        var scored = 0
        var coverage: [String: Int] = [:]
        for (index, entry) in form.items.enumerated() {
            let pointer = JSONPointer("/items/\(index)")
            if let first = seen[entry.itemID] {
                report(
                    .error,
                    "duplicate-item",
                    "the item '\(entry.itemID)' appears twice in this form (first at /items/\(first))",
                    at: pointer,
                    in: document,
                    hint: "an item is asked once per form; remove one"
                )
                continue
            }
            seen[entry.itemID] = index
            switch entry {
            case .inline(let item):
                checkItemReferences(item, module: module, at: pointer, in: document)
            case .reference(let reference):
                checkBankReference(reference, form: form, at: pointer, in: document)
            }
            if let loaded = catalog.items[entry.itemID] {
                if loaded.itemType.isScored {
                    scored += 1
                    for objective in loaded.item.objectives { coverage[objective, default: 0] += 1 }
                }
            }
        }
        if scored == 0 && !form.items.isEmpty && form.items.allSatisfy({ catalog.items[$0.itemID] != nil }) {
            report(
                .error,
                "no-scored-items",
                "the form has no scored item, so it has no score",
                at: "/items",
                in: document,
                hint: "add at least one scored item (likert items are not scored)"
            )
        }
        if let module {
            for objective in module.objectives {
                let count = coverage[objective.id, default: 0]
                if count < 2 {
                    report(
                        .warning,
                        "weak-objective-coverage",
                        count == 0
                            ? "no scored item measures the objective '\(objective.id)'"
                            : "only one scored item measures the objective '\(objective.id)'",
                        at: "/items",
                        in: document,
                        hint: "measure each objective with at least two items so that its pre/post change is meaningful"
                    )
                }
            }
        }
    }

    private mutating func checkBankReference(_ reference: ItemReference, form: AssessmentForm, at pointer: JSONPointer, in document: LoadedDocument) {
        let refPointer = pointer.appending("ref")
        guard let definition = definitions["item"]?[reference.ref] else {
            let bankItems = Set(catalog.banks.values.filter { $0.module == form.module }.flatMap { $0.items.map(\.id) })
            reportUnknown("item", reference.ref, known: bankItems, at: refPointer, in: document, scope: "in the banks of module '\(form.module)'")
            return
        }
        guard let bank = catalog.banks.values.first(where: { $0.items.contains { $0.id == reference.ref } }) else {
            report(
                .error,
                "reference-not-in-bank",
                "'\(reference.ref)' is an inline item of another form (\(definition.file)), not a bank item",
                at: refPointer,
                in: document,
                hint: "move the item to the module's bank and reference it from both forms"
            )
            return
        }
        if bank.module != form.module {
            report(
                .error,
                "item-from-other-module",
                "'\(reference.ref)' belongs to the bank of module '\(bank.module)', not '\(form.module)'",
                at: refPointer,
                in: document,
                hint: "reference items of this form's module only"
            )
        }
        let missing = form.languages.filter { !bank.languages.contains($0) }
        if !missing.isEmpty {
            report(
                .error,
                "missing-language",
                "the form is in \(form.languages.joined(separator: ", ")) but the bank '\(bank.id)' has no \(missing.joined(separator: ", ")) text for '\(reference.ref)'",
                at: refPointer,
                in: document,
                hint: "translate the bank into \(missing.joined(separator: ", ")) and add it to the bank's languages"
            )
        }
    }

    private mutating func checkPrePostComparability() {
        var byModulePhase: [String: [AssessmentPhase: [AssessmentForm]]] = [:]
        for form in catalog.forms.values {
            byModulePhase[form.module, default: [:]][form.phase, default: []].append(form)
        }
        for (module, phases) in byModulePhase {
            for (phase, forms) in phases where forms.count > 1 {
                for form in forms.sorted(by: { $0.id < $1.id }).dropFirst() {
                    report(
                        .error,
                        "duplicate-phase",
                        "module '\(module)' already has a \(phase.rawValue) form (\(forms.map(\.id).sorted().first ?? ""))",
                        at: "/phase",
                        inFile: catalog.files[form.id],
                        hint: "one form per module and phase, so that results are unambiguous"
                    )
                }
            }
            guard let pre = phases[.pre]?.first, let post = phases[.post]?.first else { continue }
            let preItems = Set(pre.items.map(\.itemID))
            let postItems = Set(post.items.map(\.itemID))
            func objectives(_ form: AssessmentForm) -> Set<String> {
                Set(form.items.compactMap { catalog.items[$0.itemID] }.filter(\.itemType.isScored).flatMap(\.item.objectives))
            }
            if preItems.isDisjoint(with: postItems) && objectives(pre).isDisjoint(with: objectives(post)) {
                report(
                    .error,
                    "prepost-not-comparable",
                    "the pre form '\(pre.id)' and this post form share no items and measure no common objective, so pre/post change cannot be measured",
                    at: "/items",
                    inFile: catalog.files[post.id],
                    hint: "reference common anchor items from the module's bank in both forms, or measure the same objectives"
                )
            }
        }
    }

    // MARK: - Programs

    private mutating func checkProgram(_ program: Program, in document: LoadedDocument) {
        var moduleUnits: [String: String] = [:]
        for (index, id) in program.modules.enumerated() {
            guard let module = catalog.modules[id] else {
                reportUnknown("module", id, known: Set(catalog.modules.keys), at: JSONPointer("/modules/\(index)"), in: document)
                continue
            }
            for unit in module.units { moduleUnits[unit.id] = module.id }
        }
        let allUnits = Set(catalog.modules.values.flatMap { $0.units.map(\.id) })
        var slotIDs: Set<String> = []
        var scheduledUnits: Set<String> = []
        var scheduledForms: [AssessmentForm] = []
        var previousDay = 0
        for (slotIndex, slot) in program.schedule.enumerated() {
            let slotPointer = JSONPointer("/schedule/\(slotIndex)")
            if !slotIDs.insert(slot.id).inserted {
                report(
                    .error,
                    "duplicate-id",
                    "the slot id '\(slot.id)' is used twice in this program",
                    at: slotPointer.appending("id"),
                    in: document
                )
            }
            if slot.day < previousDay {
                report(
                    .warning,
                    "schedule-order",
                    "day \(slot.day) comes after day \(previousDay)",
                    at: slotPointer.appending("day"),
                    in: document,
                    hint: "list slots in the order they happen"
                )
            }
            previousDay = max(previousDay, slot.day)
            guard let minutes = slot.minutes, minutes > 0 else {
                report(
                    .error,
                    "invalid-time-range",
                    "the slot ends (\(slot.end)) before it starts (\(slot.start))",
                    at: slotPointer.appending("end"),
                    in: document
                )
                continue
            }
            var planned = 0
            for (index, unitID) in slot.units.enumerated() {
                let pointer = slotPointer.appending("units").appending(index)
                scheduledUnits.insert(unitID)
                if let moduleID = moduleUnits[unitID] {
                    planned += catalog.modules[moduleID]?.units.first { $0.id == unitID }?.minutes ?? 0
                } else if allUnits.contains(unitID) {
                    report(
                        .error,
                        "unit-not-in-program",
                        "the unit '\(unitID)' belongs to a module this program does not list",
                        at: pointer,
                        in: document,
                        hint: "add its module to \"modules\" or remove the unit"
                    )
                } else {
                    reportUnknown("unit", unitID, known: Set(moduleUnits.keys), at: pointer, in: document)
                }
            }
            for (index, formID) in (slot.forms ?? []).enumerated() {
                let pointer = slotPointer.appending("forms").appending(index)
                guard let form = catalog.forms[formID] else {
                    reportUnknown("form", formID, known: Set(catalog.forms.keys), at: pointer, in: document)
                    continue
                }
                if !program.modules.contains(form.module) {
                    report(
                        .error,
                        "form-not-in-program",
                        "the form '\(formID)' assesses module '\(form.module)', which this program does not list",
                        at: pointer,
                        in: document
                    )
                }
                scheduledForms.append(form)
                planned += form.timeLimitMinutes ?? 0
            }
            if planned > minutes {
                report(
                    .warning,
                    "slot-overrun",
                    "the slot lasts \(minutes) minutes but its units and tests take \(planned)",
                    at: slotPointer,
                    in: document,
                    hint: "move a unit to another slot or lengthen the slot"
                )
            }
        }
        for (index, moduleID) in program.modules.enumerated() {
            guard let module = catalog.modules[moduleID] else { continue }
            if !module.units.contains(where: { scheduledUnits.contains($0.id) }) {
                report(
                    .warning,
                    "module-not-scheduled",
                    "no unit of module '\(moduleID)' is scheduled",
                    at: JSONPointer("/modules/\(index)"),
                    in: document
                )
            }
            if program.completion.requirePostTestPass && !scheduledForms.contains(where: { $0.module == moduleID && $0.phase == .post }) {
                report(
                    .error,
                    "post-test-not-scheduled",
                    "completion requires passing the post-test, but no post form of module '\(moduleID)' is scheduled",
                    at: "/completion/requirePostTestPass",
                    in: document,
                    hint: "add the post form to the last slot, or set requirePostTestPass to false"
                )
            }
        }
    }

    // MARK: - Reporting

    private mutating func reportUnknown(
        _ noun: String,
        _ id: String,
        known: Set<String>,
        at pointer: JSONPointer,
        in document: LoadedDocument,
        scope: String = ""
    ) {
        let sorted = known.sorted()
        var hint = Suggestion.closest(to: id, among: sorted).map { "did you mean '\($0)'? " } ?? ""
        hint +=
            sorted.isEmpty
            ? "none is defined" : "known: " + (sorted.count > 12 ? sorted.prefix(12).joined(separator: ", ") + ", …" : sorted.joined(separator: ", "))
        report(.error, "unknown-\(noun)", "no \(noun) '\(id)'\(scope.isEmpty ? "" : " " + scope)", at: pointer, in: document, hint: hint)
    }

    private mutating func report(
        _ severity: Diagnostic.Severity,
        _ code: String,
        _ message: String,
        at pointer: JSONPointer,
        in document: LoadedDocument,
        hint: String? = nil
    ) {
        diagnostics.append(
            Diagnostic(
                severity: severity,
                code: code,
                file: document.file,
                location: document.sourceMap.location(of: pointer),
                pointer: pointer,
                message: message,
                hint: hint
            )
        )
    }

    private mutating func report(
        _ severity: Diagnostic.Severity,
        _ code: String,
        _ message: String,
        at pointer: JSONPointer,
        inFile file: String?,
        hint: String? = nil
    ) {
        guard let file, let document = documentsByFile[file] else { return }
        report(severity, code, message, at: pointer, in: document, hint: hint)
    }
}
