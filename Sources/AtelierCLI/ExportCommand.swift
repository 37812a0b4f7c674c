import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// `atelier export moodle-xml|gift|qti ID` and `atelier export xapi`.
struct ExportCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a form or bank for Moodle (XML, GIFT) or a QTI 3.0 package; or the stored attempts as xAPI statements.",
        discussion: """
            moodle-xml, gift, qti: ID is a form (definitions.pre) or a bank (definitions-bank). Texts are written in --lang
            (default: the first language of the content); `--lang multilang` writes every language as Moodle multilang
            spans (moodle-xml), `--lang all` every language with xml:lang (qti). What a format cannot carry (for
            instance a case analysis in GIFT) is reported and left out.

            xapi: every stored attempt (of --session, or of all sessions) as xAPI statements, one JSON object per line:
            `answered` per item, `completed` and `passed` or `failed` per attempt; actors are accounts named by the
            participant's code on --home-page; statement ids are derived from the submission, so exporting twice gives
            the same ids.

            Examples:
              atelier export moodle-xml definitions.pre --lang fr --out definitions-pre.xml
              atelier export qti definitions.post --lang all --out definitions-post-qti.zip
              atelier export xapi --session demo-nouakchott --out statements.jsonl --home-page https://lrs.example.org
            """
    )
    @Argument(help: ArgumentHelp("The format: moodle-xml, gift, qti or xapi.", valueName: "format")) var format: String
    @Argument(help: ArgumentHelp("The form or bank to export (not for xapi).", valueName: "id")) var id: String?
    @Option(name: .long, help: ArgumentHelp("Write here (default: standard output; required for qti).", valueName: "path"))
    var out: String?
    @Option(name: .long, help: "The language to write (fr, en, ar; multilang for moodle-xml, all for qti).") var lang: String?
    @Option(name: .long, help: ArgumentHelp("xapi: the session (default: all).", valueName: "id")) var session: String?
    @Option(name: .long, help: ArgumentHelp("xapi: the base address of activities and accounts.", valueName: "url"))
    var homePage: String = "https://atelier.invalid"
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var contentOptions: ContentOptions

    func run(in environment: CLIEnvironment) async throws {
        let catalog = try contentOptions.loadCatalog(in: environment)
        let result: ExportResult
        if let exporter = environment.registry.attemptExporters.first(where: { $0.format == format }) {
            guard id == nil else { throw CLIError(message: "\(format) exports stored attempts, not a form", hint: "use --session ID") }
            guard let url = URL(string: homePage), url.scheme == "https" || url.scheme == "http", url.host != nil else {
                throw CLIError(message: "--home-page must be an http(s) address, not '\(homePage)'")
            }
            let store = try storeOptions.open(in: environment)
            let records = try await attemptRecords(catalog: catalog, store: store)
            result = exporter.export(
                records,
                context: AttemptExportContext(homePage: homePage.hasSuffix("/") ? String(homePage.dropLast()) : homePage, language: lang ?? "en")
            )
            environment.writeError("\(records.count) attempt(s) exported")
        } else if let exporter = environment.registry.exporters.first(where: { $0.format == format }) {
            guard let id else { throw CLIError(message: "which form or bank?", hint: "atelier export \(format) definitions.pre --out FILE") }
            if format == "qti" && out == nil { throw CLIError(message: "a QTI package is a zip file: pass --out FILE.zip") }
            if let form = catalog.resolvedForm(id) {
                result = exporter.export(form: form, language: lang ?? form.form.languages.first ?? "fr")
            } else {
                let (items, language) = try itemsToExport(id, catalog: catalog)
                result = exporter.export(items, language: lang ?? language)
            }
        } else {
            let formats = (environment.registry.exporters.map(\.format) + environment.registry.attemptExporters.map(\.format)).sorted()
            throw CLIError(message: "no exporter for '\(format)'", hint: "formats: \(formats.joined(separator: ", "))")
        }
        for loss in result.losses { environment.writeError("warning: \(loss)") }
        if let out {
            do {
                try result.data.write(to: URL(fileURLWithPath: environment.absolute(out)), options: .atomic)
            } catch {
                throw CLIError(message: "cannot write \(out): \(error.localizedDescription)")
            }
            environment.writeError("wrote \(out) (\(result.data.count) bytes)")
        } else {
            environment.writeOutput(bytes: result.data)
        }
    }

    /// The items of a form (in its order) or of a bank, and the content's first language.
    func itemsToExport(_ id: String, catalog: ContentCatalog) throws -> ([Item], String) {
        if let form = catalog.resolvedForm(id) { return (form.items.map(\.item), form.form.languages.first ?? "fr") }
        if let bank = catalog.banks[id] { return (bank.items, bank.languages.first ?? "fr") }
        throw CLIError(
            message: "no form or bank '\(id)'",
            hint: "forms: \(catalog.forms.keys.sorted().joined(separator: ", ")); banks: \(catalog.banks.keys.sorted().joined(separator: ", "))"
        )
    }

    /// Every stored attempt of the session (or of all sessions) as records for an attempt exporter.
    func attemptRecords(catalog: ContentCatalog, store: any TrainingStore) async throws -> [AttemptRecord] {
        let sessions = try await store.sessions()
        let chosen: [TrainingSession]
        if let session {
            guard let found = sessions.first(where: { $0.id == session }) else {
                throw StoreError.sessionNotFound(session, known: sessions.map(\.id))
            }
            chosen = [found]
        } else {
            chosen = sessions
        }
        var records: [AttemptRecord] = []
        for trainingSession in chosen {
            for submission in try await store.submissions(in: trainingSession.id) {
                let form = catalog.resolvedForm(submission.formID)
                let loaded = Dictionary((form?.items ?? []).map { ($0.item.id, $0) }, uniquingKeysWith: { first, _ in first })
                records.append(
                    AttemptRecord(
                        submissionID: submission.id,
                        sessionID: trainingSession.id,
                        programID: trainingSession.program,
                        participantCode: submission.participantCode,
                        formID: submission.formID,
                        formTitle: form?.form.title,
                        phase: submission.phase,
                        attempt: submission.attempt,
                        receivedAt: submission.receivedAt,
                        startedAt: nil,
                        score: submission.grade.score,
                        maxScore: submission.grade.maxScore,
                        passMark: submission.grade.passMark,
                        passed: submission.grade.passed,
                        items: submission.grade.items.map { item in
                            AttemptRecord.ItemRecord(
                                itemID: item.id,
                                type: item.type,
                                prompt: loaded[item.id]?.item.prompt,
                                response: submission.responses[item.id],
                                score: item.score,
                                maxScore: item.maxScore,
                                isScored: loaded[item.id]?.itemType.isScored ?? (item.maxScore > 0)
                            )
                        }
                    )
                )
            }
        }
        return records
    }
}
