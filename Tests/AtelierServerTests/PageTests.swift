import AtelierKernel
import AtelierServer
import AtelierStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A browser without JavaScript: cookies kept, redirects read by hand.
struct Browser {
    let client: any TestClientProtocol
    var cookie: String?

    mutating func get(_ uri: String) async throws -> TestResponse {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .get, headers: headers) { $0 }
    }

    mutating func post(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let cookie { headers[.cookie] = cookie }
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
        if let set = response.headers[.setCookie] { cookie = String(set.prefix { $0 != ";" }) }
        return response
    }

    /// The CSRF token of a page.
    static func csrf(_ page: TestResponse) -> String {
        guard let range = page.text.range(of: "name=\"csrf\" value=\"") else { return "" }
        return String(page.text[range.upperBound...].prefix { $0 != "\"" })
    }
}

@Suite("Participant pages")
struct PageTests {
    @Test("join, answer, refresh, review, submit twice: one submission, the same receipt, no score before release")
    func fullFlow() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            var browser = Browser(client: client)
            let first = try await browser.get("/?lang=ar")
            #expect(first.status == .ok)
            #expect(first.text.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(first.body.readableBytes < 50_000)
            #expect(!first.text.contains("<script"))
            let joined = try await browser.post("/join", [("join", "k7qm"), ("code", fixture.codes[0].lowercased()), ("lang", "fr")])
            #expect(joined.status == .seeOther)
            #expect(joined.headers[.location] == "/p")
            let home = try await browser.get("/p")
            #expect(home.text.contains("href=\"/p/forms/definitions.pre\""))
            let start = try await browser.get("/p/forms/definitions.pre")
            #expect(start.headers[.location] == "/p/forms/definitions.pre/items/1")
            let page = try await browser.get("/p/forms/definitions.pre/items/2")
            #expect(page.text.contains("Question 2 sur 16"))
            let csrf = Browser.csrf(page)
            let saved = try await browser.post("/p/forms/definitions.pre/items/2", [("csrf", csrf), ("answer", "a"), ("go", "next")])
            #expect(saved.headers[.location] == "/p/forms/definitions.pre/items/3")
            // A refresh (or another device of the same participant) shows the saved answer.
            let again = try await browser.get("/p/forms/definitions.pre/items/2")
            #expect(again.text.contains("value=\"a\" checked"))
            // A forged form is refused.
            #expect(try await browser.post("/p/forms/definitions.pre/items/2", [("csrf", "forged"), ("answer", "b")]).status == .forbidden)
            // An answer that is not understood is said so, on the same item.
            let numeric = try await browser.get("/p/forms/definitions.pre/items/6")
            let wrong = try await browser.post("/p/forms/definitions.pre/items/6", [("csrf", csrf), ("answer", "dix-huit"), ("go", "next")])
            #expect(numeric.text.contains("inputmode=\"decimal\""))
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("Réponse non comprise"))
            let review = try await browser.get("/p/forms/definitions.pre/review")
            #expect(review.text.contains("répondu"))
            let submitted = try await browser.post("/p/forms/definitions.pre/submit", [("csrf", Browser.csrf(review))])
            #expect(submitted.headers[.location] == "/p/forms/definitions.pre/receipt")
            let twice = try await browser.post("/p/forms/definitions.pre/submit", [("csrf", Browser.csrf(review))])
            #expect(twice.headers[.location] == "/p/forms/definitions.pre/receipt")
            let receipt = try await browser.get("/p/forms/definitions.pre/receipt")
            #expect(receipt.text.contains("Merci. Vos réponses sont enregistrées."))
            #expect(receipt.text.contains("Réponses données : 1 sur 16"))
            #expect(!receipt.text.contains("Résultat"))
            // Back to an item after submitting leads to the receipt.
            #expect(try await browser.get("/p/forms/definitions.pre/items/1").headers[.location] == "/p/forms/definitions.pre/receipt")
        }
        #expect(try await fixture.store.submissions(in: "nkc-1").count == 1)
        try await fixture.store.release("definitions.pre", in: "nkc-1", actor: "test")
        try await fixture.app.test(.router) { client in
            var browser = Browser(client: client)
            _ = try await browser.post("/join", [("join", "K7QM"), ("code", fixture.codes[0]), ("lang", "en")])
            let receipt = try await browser.get("/p/forms/definitions.pre/receipt")
            #expect(receipt.text.contains("Score: 1 of 15"))
            #expect(receipt.text.contains("right"))
        }
    }

    @Test("wrong codes are refused, and guessing is limited")
    func joinLimits() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            var browser = Browser(client: client)
            let wrong = try await browser.post("/join", [("join", "ZZZZ"), ("code", fixture.codes[0]), ("lang", "fr")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Ces codes ne correspondent pas"))
            var last = wrong.status
            for _ in 0..<12 { last = try await browser.post("/join", [("join", "ZZZZ"), ("code", "AAAAAA"), ("lang", "fr")]).status }
            #expect(last == .tooManyRequests)
            #expect(try await browser.get("/p").status == .seeOther)
        }
    }

    @Test("a closed form is said to be closed; check-in with the day's code records attendance once")
    func closedAndCheckIn() async throws {
        let fixture = try await ServerFixture.make(openForms: [])
        let secret = try await fixture.store.setting(CheckInCode.settingName) { "unused" }
        try await fixture.app.test(.router) { client in
            var browser = Browser(client: client)
            _ = try await browser.post("/join", [("join", "K7QM"), ("code", fixture.codes[1]), ("lang", "en")])
            let home = try await browser.get("/p")
            #expect(home.text.contains("No test is open at the moment"))
            let closed = try await browser.get("/p/forms/definitions.pre/items/1")
            #expect(closed.status == .conflict)
            let day = CheckInCode.code(secret: secret, session: "nkc-1", slot: "d1-pm")
            let checkedIn = try await browser.post("/p/checkin", [("csrf", Browser.csrf(home)), ("day", day.lowercased())])
            #expect(checkedIn.text.contains("Your attendance is recorded"))
            let bad = try await browser.post("/p/checkin", [("csrf", Browser.csrf(home)), ("day", "0000")])
            #expect(bad.status == .unprocessableContent)
        }
        let records = try await fixture.store.attendance(in: "nkc-1")
        #expect(records.map(\.slotID) == ["d1-pm"])
        #expect(records.first?.source == .selfCheckIn)
    }

    @Test("nothing secret reaches a participant before release: every item page of every shipped form, in every language")
    func noLeaks() async throws {
        let forms = ServerFixture.catalog.forms.keys.sorted()
        let fixture = try await ServerFixture.make(openForms: forms)
        try await fixture.app.test(.router) { client in
            for language in ["fr", "en", "ar"] {
                var browser = Browser(client: client)
                _ = try await browser.post("/join", [("join", "K7QM"), ("code", fixture.codes[2]), ("lang", language)])
                for formID in forms {
                    let form = try #require(ServerFixture.catalog.resolvedForm(formID))
                    var pages: [String] = []
                    var pageOfItem: [String: String] = [:]
                    for number in 1...form.items.count {
                        let page = try await browser.get("/p/forms/\(formID)/items/\(number)").text
                        pages.append(page)
                        if let range = page.range(of: "data-item=\"") { pageOfItem[String(page[range.upperBound...].prefix { $0 != "\"" })] = page }
                    }
                    #expect(pageOfItem.count == form.items.count)
                    pages.append(try await browser.get("/p/forms/\(formID)/review").text)
                    var headers = HTTPFields()
                    headers[.cookie] = browser.cookie
                    pages.append(
                        try await client.execute(uri: "/api/v1/assessments/\(formID)?lang=\(language)", method: .get, headers: headers) { $0.text }
                    )
                    let text = pages.joined(separator: "\n")
                    for loaded in form.items {
                        if let feedback = loaded.item.feedback?[language] { #expect(!text.contains(feedback), "\(loaded.item.id) feedback") }
                        for accepted in loaded.item.body.value(at: JSONPointer(tokens: ["accepted", language]))?.arrayValue ?? [] {
                            let value = accepted.stringValue ?? ""
                            #expect(pageOfItem[loaded.item.id]?.contains("value=\"\(value)\"") != true, "\(loaded.item.id) accepted answer")
                        }
                    }
                    for key in ["\"answer\":", "\"answers\":", "\"accepted\":", "\"key\":", "\"feedback\":", "\"tolerance\":"] {
                        #expect(!pages.last!.contains(key), "\(formID) API shows \(key)")
                    }
                }
            }
        }
    }
}
