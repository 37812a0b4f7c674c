import Foundation
import Testing

@testable import XAPI

@Suite("Name-based UUIDs (version 5)")
struct NameBasedUUIDTests {
    /// Reference values from Python's `uuid.uuid5`.
    @Test(
        "match Python's uuid5",
        arguments: [
            ("python.org", UUID.dnsNamespace, "886313e1-3b8a-5372-9b90-0c9aee199e5d"),
            ("http://python.org/", UUID.urlNamespace, "4c565f0d-3f5a-5890-b41b-20cf47701c5e"),
            ("مرحبا.example", UUID.dnsNamespace, "2e15564a-cf2c-5780-9a62-2bd83eca3ad7"),
        ]
    )
    func referenceValues(name: String, namespace: UUID, expected: String) {
        #expect(UUID(nameBased: name, in: namespace).lowercasedString == expected)
    }

    @Test("the Atelier namespaces are the documented constants (uuid5(NAMESPACE_URL, \"urn:atelier:xapi:…\"))")
    func atelierNamespaces() {
        #expect(XAPIStatementExporter.statementNamespace.lowercasedString == "f9afee51-a556-5c1c-8e88-26c419ab0266")
        #expect(XAPIStatementExporter.registrationNamespace.lowercasedString == "cf2233ef-e91b-558f-87ef-6292269b63d8")
    }

    @Test("carry version 5 and the RFC 4122 variant, and differ for different names")
    func versionAndVariant() {
        let first = UUID(nameBased: "a", in: .dnsNamespace).lowercasedString
        let second = UUID(nameBased: "b", in: .dnsNamespace).lowercasedString
        #expect(first != second)
        for text in [first, second] {
            let characters = Array(text)
            #expect(characters[14] == "5")
            #expect("89ab".contains(characters[19]))
        }
    }
}
