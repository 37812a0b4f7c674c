import AtelierKernel

/// IMS QTI 3.0 content packages.
///
/// The plugin writes items and forms as a QTI 3.0 package (``QTIPackageExporter``): a zip holding
/// `imsmanifest.xml`, one `qti-assessment-item` per item and one `qti-assessment-test`.
///
/// ```swift
/// let registry = try PluginRegistry(itemTypes: StandardItems.all, exporters: QTI.exporters)
/// ```
public enum QTI {
    /// The exporters of this plugin.
    public static let exporters: [any ContentExporter] = [QTIPackageExporter()]

    /// The namespace of items and tests (`qti-assessment-item`, `qti-assessment-test`).
    static let namespace = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
    /// Where the item and test schema is published, for `xsi:schemaLocation`.
    static let schemaLocation =
        "http://www.imsglobal.org/xsd/imsqtiasi_v3p0 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0p1_v1p0.xsd"
    /// The namespace of `imsmanifest.xml` (IMS Content Packaging as profiled by QTI 3.0).
    static let manifestNamespace = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
    /// Where the manifest schema is published.
    static let manifestSchemaLocation =
        "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd"
    /// The XML Schema instance namespace.
    static let schemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"
    /// The manifest resource type of an item.
    static let itemResourceType = "imsqti_item_xmlv3p0"
    /// The manifest resource type of a test.
    static let testResourceType = "imsqti_test_xmlv3p0"
    /// The standard template that scores 1 when the response equals the correct response, else 0.
    static let matchCorrectTemplate = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"
    /// The standard template that scores the sum of the response's mapped values, within the mapping's bounds.
    static let mapResponseTemplate = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml"
}
