import AtelierKernel
import AtelierStore
import Foundation
import Hummingbird

/// The participant pages: join, the open forms, one item per page, review, submit, receipt, check-in.
///
/// No JavaScript: every step is a form post followed by a redirect. Answers are saved on the server at each
/// step (a draft), so a refresh or a dropped connection loses nothing; submitting twice gives the same receipt.
struct ParticipantController: Sendable {
    let dependencies: ServerDependencies
    var pages: PageRenderer { dependencies.pages }
    var store: any ServingStore { dependencies.store }

    func addRoutes(to router: Router<AtelierRequestContext>) {
        router.get("/", use: joinPage)
        router.post("join", use: join)
        router.get("p", use: home)
        router.get("p/language", use: language)
        router.post("p/checkin", use: checkIn)
        router.get("p/forms/:form", use: start)
        router.get("p/forms/:form/items/:n", use: itemPage)
        router.post("p/forms/:form/items/:n", use: saveItem)
        router.get("p/forms/:form/review", use: review)
        router.post("p/forms/:form/submit", use: submit)
        router.get("p/forms/:form/receipt", use: receipt)
        router.get("static/style.css") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            let css =
                Bundle.module.url(forResource: "style", withExtension: "css", subdirectory: "Public").flatMap { try? Data(contentsOf: $0) } ?? Data()
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: css)))
        }
    }

    // MARK: - Join

    @Sendable func joinPage(_ request: Request, context: AtelierRequestContext) async throws -> Response {
        if await dependencies.participantSessions.participant(from: request) != nil { return redirect("/p") }
        let language = supported(request.uri.queryParameters.get("lang")) ?? "fr"
        return pages.page("join", [:], language: language, participant: nil, path: "/")
    }

    @Sendable func join(_ request: Request, context: AtelierRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        let language = supported(form["lang"]) ?? "fr"
        try dependencies.participantSessions.checkRate(context.clientAddress)
        let joinCode = (form["join"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        let code = ParticipantCode.normalize(form["code"] ?? "")
        // The same work whatever is wrong (a malformed code, an unknown code, a right code with another session's
        // join code): two lookups and a constant-time comparison, so that timing tells nothing about which.
        let participant = try await store.participant(code)
        let session = try await store.session(participant?.sessionID ?? "")
        let joinMatches = SHA256.constantTimeEqual(Array((session?.joinCode ?? "").utf8), Array(joinCode.utf8))
        if ParticipantCode.isValid(code), participant != nil, let session, joinMatches {
            let signedIn = ParticipantSession(sessionID: session.id, code: code, language: language)
            var response = redirect("/p")
            response.headers[.setCookie] = dependencies.participantSessions.setCookie(for: signedIn)
            return response
        }
        dependencies.participantSessions.recordFailure(context.clientAddress)
        return pages.page(
            "join",
            ["error": pages.text("join.wrong", language)],
            language: language,
            participant: nil,
            path: "/",
            status: .unauthorized
        )
    }

    @Sendable func language(_ request: Request, context: AtelierRequestContext) async throws -> Response {
        guard var participant = await dependencies.participantSessions.participant(from: request) else { return redirect("/") }
        participant.language = supported(request.uri.queryParameters.get("lang")) ?? participant.language
        let requested: String = request.uri.queryParameters.get("back").map { String($0) } ?? "/p"
        let back = requested.hasPrefix("/p") && !requested.contains("//") ? requested : "/p"
        var response = redirect(back)
        response.headers[.setCookie] = dependencies.participantSessions.setCookie(for: participant)
        return response
    }

    // MARK: - Home and check-in

    @Sendable func home(_ request: Request, context: AtelierRequestContext) async throws -> Response {
        guard let participant = await dependencies.participantSessions.participant(from: request) else { return redirect("/") }
        return try await homePage(participant, message: nil, error: nil)
    }

    func homePage(_ participant: ParticipantSession, message: String?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = participant.language
        let open = try await store.sessionForms(participant.sessionID).filter(\.isOpen)
        let submitted = Set(try await store.submissions(in: participant.sessionID, participant: participant.code).map(\.formID))
        var forms: [[String: Any]] = []
        for sessionForm in open {
            guard let form = dependencies.catalog.resolvedForm(sessionForm.formID) else { continue }
            let done = submitted.contains(form.form.id)
            let answered = try await store.draft(session: participant.sessionID, participant: participant.code, form: form.form.id).count
            let action =
                done
                ? pages.text("home.done", language)
                : answered == 0
                    ? pages.text("home.start", language)
                    : pages.text("home.continue", language, ["n": String(answered), "total": String(form.items.count)])
            forms.append([
                "title": form.form.title.resolved(in: language), "href": "/p/forms/\(form.form.id)\(done ? "/receipt" : "")", "action": action,
                "submitted": done,
            ])
        }
        var context: [String: Any] = ["forms": forms, "csrf": dependencies.participantSessions.csrfToken(for: participant)]
        if let message { context["message"] = message }
        if let error { context["error"] = error }
        return pages.page("home", context, language: language, participant: participant.code, path: "/p", status: status)
    }

    @Sendable func checkIn(_ request: Request, context: AtelierRequestContext) async throws -> Response {
        guard let participant = await dependencies.participantSessions.participant(from: request) else { return redirect("/") }
        let form = try await FormBody.read(request, context: context)
        try dependencies.participantSessions.checkCSRF(form["csrf"], for: participant)
        try dependencies.participantSessions.checkRate(context.clientAddress)
        let typed = (form["day"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard let session = try await store.session(participant.sessionID),
            let slot = session.slots.first(where: { CheckInCode.code(secret: dependencies.secret, session: session.id, slot: $0.id) == typed })
        else {
            dependencies.participantSessions.recordFailure(context.clientAddress)
            return try await homePage(
                participant,
                message: nil,
                error: pages.text("checkin.wrong", participant.language),
                status: .unprocessableContent
            )
        }
        let existing = try await store.attendance(in: session.id).contains { $0.participantCode == participant.code && $0.slotID == slot.id }
        if !existing {
            try await store.mark(
                [
                    AttendanceRecord(
                        sessionID: session.id,
                        participantCode: participant.code,
                        slotID: slot.id,
                        status: "present",
                        source: .selfCheckIn,
                        recordedBy: participant.code
                    )
                ],
                actor: participant.code,
                action: "attendance.check-in",
                details: slot.id
            )
        }
        return try await homePage(
            participant,
            message: pages.text("checkin.done", participant.language, ["slot": "\(slot.date) \(slot.start)–\(slot.end)"]),
            error: nil
        )
    }

    // MARK: - Items

    /// The participant, the form, and whether it is open; or a response to send instead.
    func prepare(_ request: Request, context: AtelierRequestContext) async throws -> Result<(ParticipantSession, ResolvedForm), ResponseBox> {
        guard let participant = await dependencies.participantSessions.participant(from: request) else { return .failure(ResponseBox(redirect("/"))) }
        let formID = try context.parameters.require("form")
        guard let form = dependencies.catalog.resolvedForm(formID),
            let sessionForm = try await store.sessionForms(participant.sessionID).first(where: { $0.formID == formID })
        else { throw Problem.notFound("no assessment '\(formID)' in this session") }
        if try await submission(participant, formID) != nil { return .failure(ResponseBox(redirect("/p/forms/\(formID)/receipt"))) }
        guard sessionForm.isOpen else {
            return .failure(
                ResponseBox(
                    message(
                        participant,
                        heading: form.form.title.resolved(in: participant.language),
                        text: pages.text("closed", participant.language)
                    )
                )
            )
        }
        return .success((participant, form))
    }

    @Sendable func start(_ request: Request, context: AtelierRequestContext) async throws -> Response {
        let (participant, form): (ParticipantSession, ResolvedForm)
        switch try await prepare(request, context: context) {
        case .failure(let box): return box.response
        case .success(let value): (participant, form) = value
        }
        let draft = try await store.draft(session: participant.sessionID, participant: participant.code, form: form.form.id)
        let presented = form.presented(in: participant.language, seed: seed(participant))
        if let first = presented.items.firstIndex(where: { draft[$0.id] == nil }) { return redirect("/p/forms/\(form.form.id)/items/\(first + 1)") }
        return redirect("/p/forms/\(form.form.id)/review")
    }

    @Sendable func itemPage(_ request: Request, context: AtelierRequestContext) async throws -> Response {
        let (participant, form): (ParticipantSession, ResolvedForm)
        switch try await prepare(request, context: context) {
        case .failure(let box): return box.response
        case .success(let value): (participant, form) = value
        }
        let presented = form.presented(in: participant.language, seed: seed(participant))
        let index = try itemIndex(context, count: presented.items.count)
        let draft = try await store.draft(session: participant.sessionID, participant: participant.code, form: form.form.id)
        let item = presented.items[index]
        return renderItem(participant, form: form, presented: presented, index: index, answer: draft[item.id], error: nil)
    }

    @Sendable func saveItem(_ request: Request, context: AtelierRequestContext) async throws -> Response {
        let (participant, form): (ParticipantSession, ResolvedForm)
        switch try await prepare(request, context: context) {
        case .failure(let box): return box.response
        case .success(let value): (participant, form) = value
        }
        let body = try await FormBody.read(request, context: context)
        try dependencies.participantSessions.checkCSRF(body["csrf"], for: participant)
        let presented = form.presented(in: participant.language, seed: seed(participant))
        let index = try itemIndex(context, count: presented.items.count)
        let item = presented.items[index]
        var draft = try await store.draft(session: participant.sessionID, participant: participant.code, form: form.form.id)
        let answer: JSONValue?
        do {
            answer = try ItemForm.response(from: body, item: item)
        } catch let error as ItemForm.Unreadable {
            return renderItem(
                participant,
                form: form,
                presented: presented,
                index: index,
                answer: nil,
                error: error.reason,
                status: .unprocessableContent
            )
        }
        if let answer, let loaded = form.items.first(where: { $0.item.id == item.id }),
            case .invalid(let reason) = loaded.itemType.grade(answer, against: loaded.body, in: GradingContext())
        {
            return renderItem(participant, form: form, presented: presented, index: index, answer: nil, error: reason, status: .unprocessableContent)
        }
        draft[item.id] = answer
        try await store.saveDraft(draft, session: participant.sessionID, participant: participant.code, form: form.form.id)
        switch body["go"] {
        case "previous": return redirect("/p/forms/\(form.form.id)/items/\(max(1, index))")
        case "review": return redirect("/p/forms/\(form.form.id)/review")
        default:
            return redirect(index + 1 < presented.items.count ? "/p/forms/\(form.form.id)/items/\(index + 2)" : "/p/forms/\(form.form.id)/review")
        }
    }

    func renderItem(
        _ participant: ParticipantSession,
        form: ResolvedForm,
        presented: PresentedForm,
        index: Int,
        answer: JSONValue?,
        error: String?,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = participant.language
        let item = presented.items[index]
        var context = ItemForm.context(for: item, answer: answer, pages: pages, language: language)
        context["formTitle"] = presented.title
        context["position"] = pages.text("item.question", language, ["n": String(index + 1), "total": String(presented.items.count)])
        context["prompt"] = item.prompt
        context["itemID"] = item.id
        context["action"] = "/p/forms/\(form.form.id)/items/\(index + 1)"
        context["csrf"] = dependencies.participantSessions.csrfToken(for: participant)
        context["hasPrevious"] = index > 0
        if let error { context["error"] = pages.text("item.not-understood", language, ["reason": error]) }
        return pages.page(
            "item",
            context,
            language: language,
            participant: participant.code,
            path: "/p/forms/\(form.form.id)/items/\(index + 1)",
            status: status
        )
    }

    // MARK: - Review, submit, receipt

    @Sendable func review(_ request: Request, context: AtelierRequestContext) async throws -> Response {
        let (participant, form): (ParticipantSession, ResolvedForm)
        switch try await prepare(request, context: context) {
        case .failure(let box): return box.response
        case .success(let value): (participant, form) = value
        }
        let language = participant.language
        let draft = try await store.draft(session: participant.sessionID, participant: participant.code, form: form.form.id)
        let presented = form.presented(in: language, seed: seed(participant))
        let items: [[String: Any]] = presented.items.enumerated().map { index, item in
            [
                "prompt": item.prompt.count > 90 ? String(item.prompt.prefix(90)) + "…" : item.prompt,
                "state": pages.text(draft[item.id] == nil ? "review.unanswered" : "review.answered", language),
                "href": "/p/forms/\(form.form.id)/items/\(index + 1)",
            ]
        }
        return pages.page(
            "review",
            [
                "formTitle": presented.title, "items": items, "action": "/p/forms/\(form.form.id)/submit",
                "csrf": dependencies.participantSessions.csrfToken(for: participant),
            ],
            language: language,
            participant: participant.code,
            path: "/p/forms/\(form.form.id)/review"
        )
    }

    @Sendable func submit(_ request: Request, context: AtelierRequestContext) async throws -> Response {
        guard let participant = await dependencies.participantSessions.participant(from: request) else { return redirect("/") }
        let formID = try context.parameters.require("form")
        let body = try await FormBody.read(request, context: context)
        try dependencies.participantSessions.checkCSRF(body["csrf"], for: participant)
        if try await submission(participant, formID) != nil { return redirect("/p/forms/\(formID)/receipt") }
        let responses = try await store.draft(session: participant.sessionID, participant: participant.code, form: formID)
        let request = SubmissionRequest(
            id: SubmissionRequest.derivedID(channel: "web", session: participant.sessionID, participant: participant.code, form: formID),
            sessionID: participant.sessionID,
            participantCode: participant.code,
            formID: formID,
            responses: responses,
            source: .device
        )
        do {
            _ = try await dependencies.intake(request, phase: nil, requireOpenForm: true)
        } catch let problem as Problem where problem.status == .conflict {
            let title = dependencies.catalog.forms[formID]?.title.resolved(in: participant.language) ?? formID
            return message(participant, heading: title, text: pages.text("closed", participant.language))
        }
        return redirect("/p/forms/\(formID)/receipt")
    }

    @Sendable func receipt(_ request: Request, context: AtelierRequestContext) async throws -> Response {
        guard let participant = await dependencies.participantSessions.participant(from: request) else { return redirect("/") }
        let formID = try context.parameters.require("form")
        guard let form = dependencies.catalog.resolvedForm(formID) else { throw Problem.notFound("no assessment '\(formID)'") }
        guard let stored = try await submission(participant, formID) else { return redirect("/p/forms/\(formID)") }
        let language = participant.language
        let answered = stored.grade.items.filter { $0.status != .unanswered }.count
        var page: [String: Any] = [
            "formTitle": form.form.title.resolved(in: language), "receipt": String(stored.id.prefix(8)),
            "received": stored.receivedAt.iso8601UTC,
            "count": pages.text("receipt.count", language, ["n": String(answered), "total": String(stored.grade.items.count)]),
        ]
        let released = try await store.releasedAt(formID, in: participant.sessionID) != nil
        if Disclosure.showsResults(policy: form.form.feedback, released: released) {
            page["score"] = pages.text(
                "receipt.score",
                language,
                [
                    "score": JSONValue.number((stored.grade.score * 100).rounded() / 100).serialized(),
                    "max": JSONValue.number(stored.grade.maxScore).serialized(),
                    "percent": JSONValue.number(stored.grade.percent).serialized(),
                ]
            )
            let feedback: [[String: Any]] = form.items.compactMap { loaded in
                guard let grade = stored.grade.items.first(where: { $0.id == loaded.item.id }), loaded.itemType.isScored else { return nil }
                let status = grade.status == .correct ? "receipt.correct" : grade.status == .partial ? "receipt.partial" : "receipt.incorrect"
                var entry: [String: Any] = ["prompt": loaded.item.prompt.resolved(in: language), "status": pages.text(status, language)]
                if let explanation = loaded.item.feedback?.resolved(in: language) { entry["explanation"] = explanation }
                return entry
            }
            page["feedback"] = feedback
            page["hasFeedback"] = !feedback.isEmpty
        }
        return pages.page("receipt", page, language: language, participant: participant.code, path: "/p/forms/\(formID)/receipt")
    }

    // MARK: - Helpers

    func submission(_ participant: ParticipantSession, _ formID: String) async throws -> StoredSubmission? {
        try await store.submissions(in: participant.sessionID, participant: participant.code).filter { $0.formID == formID }.min {
            $0.attempt < $1.attempt
        }
    }

    func itemIndex(_ context: AtelierRequestContext, count: Int) throws -> Int {
        guard let number = Int(try context.parameters.require("n")), (1...count).contains(number) else {
            throw Problem.notFound("no such item; this form has \(count)")
        }
        return number - 1
    }

    func seed(_ participant: ParticipantSession) -> UInt64 {
        UInt64(truncatingIfNeeded: participant.code.utf8.reduce(UInt64(1_469_598_103_934_665_603)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 })
    }

    func supported(_ language: Substring?) -> String? { supported(language.map(String.init)) }

    func supported(_ language: String?) -> String? {
        guard let language, PageRenderer.languages.contains(where: { $0.code == language }) else { return nil }
        return language
    }

    func message(_ participant: ParticipantSession, heading: String, text: String) -> Response {
        pages.page(
            "message",
            ["heading": heading, "message": text, "back": "/p"],
            language: participant.language,
            participant: participant.code,
            path: "/p",
            status: .conflict
        )
    }

    func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

}

/// A response carried through a `Result`.
struct ResponseBox: Error {
    let response: Response
    init(_ response: Response) { self.response = response }
}

/// When a participant sees scores and feedback.
enum Disclosure {
    /// `on-submit`: at once; `after-release`: once the trainer releases; `none`: never.
    static func showsResults(policy: FeedbackPolicy, released: Bool) -> Bool {
        switch policy {
        case .onSubmit: true
        case .afterRelease: released
        case .none: false
        }
    }
}
