import Testing

@testable import MoodleXML

@Suite("Moodle texts: HTML, multilang blocks and ids")
struct MoodleTextTests {
    @Test(
        "HTML becomes plain text with its line breaks",
        arguments: [
            ("<p>Un</p><p>Deux</p>", "Un\nDeux"),
            ("Un<br>Deux<br />Trois", "Un\nDeux\nTrois"),
            ("<p>Un<br><br>Deux</p>", "Un\n\nDeux"),
            ("  Beaucoup   d'espaces\n  et de lignes  ", "Beaucoup d'espaces et de lignes"),
            ("&lt;b&gt; &amp; &eacute;t&#233; &#xE9;t&eacute; &laquo;&nbsp;oui&nbsp;&raquo;", "<b> & été été «\u{A0}oui\u{A0}»"),
            ("&unknown; & &#0; &", "&unknown; & &#0; &"),
            ("a < b et c > d", "a < b et c > d"),
            ("<script>alert('x')</script>Texte<style>p{}</style>", "Texte"),
            ("<!-- commentaire -->Visible", "Visible"),
            ("<a href=\"x\" title='y > z'>lien</a>", "lien"),
            ("<ul><li>Un</li><li>Deux</li></ul>", "Un\nDeux"),
            ("<p>Texte <img src=\"@@PLUGINFILE@@/carte%20routes.png\" alt=\"\"></p>", "Texte"),
            ("<p>Non fermé <b", "Non fermé"),
        ]
    )
    func htmlToPlainText(html: String, plain: String) {
        #expect(HTMLPlainText(html: html).text == plain)
    }

    @Test("images are reported with their source")
    func images() {
        let converted = HTMLPlainText(html: "<p>A <img src=\"@@PLUGINFILE@@/a.png\"> B <IMG SRC='b.jpg'></p>")
        #expect(converted.imageSources == ["@@PLUGINFILE@@/a.png", "b.jpg"])
        #expect(converted.text == "A B")
    }

    @Test("moodle_auto_format keeps newlines as line breaks")
    func autoFormat() {
        #expect(HTMLPlainText(html: "Un\nDeux", newlinesBreakLines: true).text == "Un\nDeux")
    }

    @Test("multilang blocks give one text per language, common text in all of them")
    func multilangBlocks() {
        let text = MultilangText(
            "Avant <span lang=\"fr\" class=\"multilang\">Bonjour</span>\n<span class=\"multilang\" lang=\"en\">Hello</span> après <lang lang=\"fr\">Un</lang><lang lang=\"pt_br\">Um</lang>"
        )
        #expect(text.isMultilingual)
        #expect(text.languages == ["fr", "en", "pt_br"])
        #expect(text.text(in: "fr") == "Avant Bonjour après Un")
        #expect(text.text(in: "en") == "Avant Hello après Un")
        #expect(text.text(in: "pt-BR") == "Avant Bonjour après Um")
    }

    @Test("a lone block, an unclosed block and an ordinary span are not multilang groups")
    func notMultilang() {
        #expect(!MultilangText("<span lang=\"fr\" class=\"multilang\">Seul</span>").isMultilingual)
        #expect(!MultilangText("<span lang=\"fr\" class=\"multilang\">Ouvert <span lang=\"en\" class=\"multilang\">Open").isMultilingual)
        #expect(!MultilangText("<span lang=\"fr\">Un</span><span lang=\"en\">One</span>").isMultilingual)
        #expect(
            MultilangText("<span lang=\"fr\" class=\"multilang\">Seul</span>").text(in: "en") == "<span lang=\"fr\" class=\"multilang\">Seul</span>"
        )
    }

    @Test(
        "ids are slugs of question names",
        arguments: [
            ("Éléments de la traite", "elements-de-la-traite"),
            ("Q1.2 — Œuvre & cœur", "q1.2-oeuvre-coeur"),
            ("  --Déjà vu!--  ", "deja-vu"),
            ("Straße", "strasse"),
            ("مثال", ""),
            (String(repeating: "mot ", count: 30), "mot-mot-mot-mot-mot-mot-mot-mot-mot-mot-mot-mot"),
        ]
    )
    func slugs(name: String, slug: String) {
        #expect(ItemIDAllocator.slug(name) == slug)
        #expect(slug.count <= ItemIDAllocator.maxLength)
    }

    @Test("ids stay unique and short")
    func uniqueIDs() {
        var allocator = ItemIDAllocator()
        let long = String(repeating: "a", count: 60)
        #expect(allocator.allocate(name: long, ordinal: 1) == String(repeating: "a", count: 48))
        #expect(allocator.allocate(name: long, ordinal: 2) == String(repeating: "a", count: 46) + "-2")
        #expect(allocator.allocate(name: nil, ordinal: 3) == "q-003")
        #expect(allocator.allocate(name: "q-003", ordinal: 4) == "q-003-2")
    }
}
