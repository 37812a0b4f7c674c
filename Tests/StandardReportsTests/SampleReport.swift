import AtelierKernel

/// A realistic evaluation report, as the evaluation code would build it: 29 participants with pre and
/// post scores (two with a missing test), 5 objectives, 16 items, in French, English or Arabic.
///
/// Its HTML is written to the temporary directory by the tests, for looking at in a browser.
enum SampleReport {
    /// The languages the sample exists in.
    static let languages = ["fr", "en", "ar"]

    /// Pre-test scores (%) of participants P01…P29; P17 missed the pre-test.
    static let pre: [Double?] = [
        42, 55, 38, 61, 47, 33, 50, 44, 58, 36, 52, 29, 64, 41, 48, 39, nil, 45, 53, 35, 60, 46, 40, 51, 31, 56, 43, 49, 37,
    ]
    /// Post-test scores (%); P08 missed the post-test, P19 did worse.
    static let post: [Double?] = [
        78, 81, 70, 85, 74, 62, 79, nil, 88, 66, 80, 58, 83, 72, 77, 69, 84, 71, 48, 64, 90, 75, 68, 82, 55, 86, 73, 76, 67,
    ]
    /// Percentage of participants mastering each objective, before and after.
    static let mastery: [(pre: Double, post: Double?)] = [(35, 82), (28, 76), (21, 64), (14, nil), (39, 85)]
    /// Each item's objective, facility before and after (%), and discrimination index.
    static let items: [(objective: Int, pre: Double, post: Double, discrimination: Double)] = [
        (1, 52, 88, 0.41), (1, 61, 92, 0.35), (1, 38, 79, 0.48), (2, 45, 83, 0.52),
        (2, 33, 71, 0.44), (2, 57, 60, 0.12), (3, 29, 66, 0.39), (3, 41, 74, 0.46),
        (3, 24, 58, 0.31), (4, 36, 77, 0.55), (4, 48, 45, 0.08), (4, 30, 69, 0.37),
        (5, 55, 90, 0.29), (5, 62, 94, 0.22), (5, 44, 81, 0.43), (5, 70, 76, -0.05),
    ]

    /// Rows of the dumbbell: both scores known.
    static var pairedCount: Int { zip(pre, post).filter { $0 != nil && $1 != nil }.count }

    /// The report in `language` (`fr`, `en` or `ar`).
    static func document(language: String) -> ReportDocument {
        let words = SampleWords.forLanguage(language)
        let paired = zip(pre, post).compactMap { pair -> (Double, Double)? in
            guard let before = pair.0, let after = pair.1 else { return nil }
            return (before, after)
        }
        let meanPre = paired.map(\.0).reduce(0, +) / Double(paired.count)
        let meanPost = paired.map(\.1).reduce(0, +) / Double(paired.count)
        let percent = { (value: Double) in format(value, decimals: 0, language: language) + words.percentSuffix }
        let points = { (value: Double) in (value >= 0 ? "+" : "") + format(value, decimals: 0, language: language) }
        let masteryPre = paired.filter { $0.0 >= 70 }.count
        let masteryPost = paired.filter { $0.1 >= 70 }.count
        let edges = stride(from: 0.0, through: 100, by: 10).map { $0 }
        let histogram = { (scores: [Double?]) in
            edges.dropLast().indices.map { bin in
                Double(scores.compactMap { $0 }.filter { $0 >= edges[bin] && ($0 < edges[bin + 1] || bin == edges.count - 2) }.count)
            }
        }
        let percentAxis = ReportDocument.Chart.Axis(label: words.score, minimum: 0, maximum: 100, isPercent: true)

        return ReportDocument(
            title: words.title,
            language: language,
            metadata: zip(words.metadataLabels, words.metadataValues).map { ReportDocument.Field(label: $0, value: $1) },
            sections: [
                .init(
                    heading: words.summaryHeading,
                    blocks: [
                        .paragraph(words.summaryParagraph),
                        .highlight(words.highlight(percent(meanPre), percent(meanPost), points(meanPost - meanPre), paired.count)),
                        .table(
                            .init(
                                columns: words.summaryColumns,
                                rows: [
                                    [words.summaryRows[0], "\(pre.compactMap { $0 }.count)", "\(post.compactMap { $0 }.count)", nil],
                                    [words.summaryRows[1], percent(meanPre), percent(meanPost), points(meanPost - meanPre)],
                                    [words.summaryRows[2], "\(masteryPre)", "\(masteryPost)", points(Double(masteryPost - masteryPre))],
                                    [words.summaryRows[3], nil, nil, format(0.5, decimals: 2, language: language)],
                                ],
                                note: words.pairedNote
                            )
                        ),
                    ]
                ),
                .init(
                    heading: words.participantsHeading,
                    blocks: [
                        .chart(
                            .init(
                                title: words.dumbbellTitle,
                                caption: words.dumbbellCaption,
                                content: .dumbbell(
                                    .init(
                                        axis: percentAxis,
                                        fromName: words.preName,
                                        toName: words.postName,
                                        rows: pre.indices.map { index in
                                            .init(label: participantCode(index), from: pre[index], to: post[index])
                                        }
                                    )
                                )
                            )
                        ),
                        .chart(
                            .init(
                                title: words.histogramTitle,
                                caption: words.histogramCaption,
                                content: .histogram(
                                    .init(
                                        axis: percentAxis,
                                        edges: edges,
                                        series: [
                                            .init(name: words.preName, values: histogram(pre)), .init(name: words.postName, values: histogram(post)),
                                        ]
                                    )
                                )
                            )
                        ),
                    ]
                ),
                .init(
                    heading: words.objectivesHeading,
                    blocks: [
                        .paragraph(words.objectivesParagraph),
                        .chart(
                            .init(
                                title: words.barsTitle,
                                caption: words.barsCaption,
                                content: .bars(
                                    .init(
                                        axis: .init(label: words.masteryAxis, minimum: 0, maximum: 100, isPercent: true),
                                        categories: words.objectives,
                                        series: [
                                            .init(name: words.preName, values: mastery.map(\.pre)),
                                            .init(name: words.postName, values: mastery.map(\.post)),
                                        ]
                                    )
                                )
                            )
                        ),
                        .table(
                            .init(
                                columns: words.objectiveColumns,
                                rows: words.objectives.enumerated().map { index, objective in
                                    [
                                        "OBJ-\(index + 1)", objective, "\(items.filter { $0.objective == index + 1 }.count)",
                                        percent(mastery[index].pre), mastery[index].post.map(percent),
                                    ]
                                },
                                note: words.suppressedNote
                            )
                        ),
                    ]
                ),
                .init(
                    heading: words.itemsHeading,
                    blocks: [
                        .chart(
                            .init(
                                title: words.facilityTitle,
                                caption: words.facilityCaption,
                                content: .scatter(
                                    .init(
                                        xAxis: .init(label: words.facilityPre, minimum: 0, maximum: 100, isPercent: true),
                                        yAxis: .init(label: words.facilityPost, minimum: 0, maximum: 100, isPercent: true),
                                        points: items.enumerated().map { index, item in
                                            .init(label: itemCode(index), x: item.pre, y: item.post, flagged: item.post - item.pre < 10)
                                        },
                                        guides: [.init(label: words.noChange, from: (0, 0), to: (100, 100))]
                                    )
                                )
                            )
                        ),
                        .chart(
                            .init(
                                title: words.discriminationTitle,
                                caption: words.discriminationCaption,
                                content: .scatter(
                                    .init(
                                        xAxis: .init(label: words.facilityPost, minimum: 0, maximum: 100, isPercent: true),
                                        yAxis: .init(label: words.discrimination, minimum: -0.2, maximum: 1),
                                        points: items.enumerated().map { index, item in
                                            .init(label: itemCode(index), x: item.post, y: item.discrimination, flagged: item.discrimination < 0.2)
                                        },
                                        guides: [.init(label: words.threshold, from: (0, 0.2), to: (100, 0.2))]
                                    )
                                )
                            )
                        ),
                        .table(
                            .init(
                                columns: words.itemColumns,
                                rows: items.enumerated().map { index, item in
                                    [
                                        itemCode(index), "OBJ-\(item.objective)", percent(item.pre), percent(item.post),
                                        format(item.discrimination, decimals: 2, language: language),
                                    ]
                                }
                            )
                        ),
                    ]
                ),
            ]
        )
    }

    static func participantCode(_ index: Int) -> String {
        index < 9 ? "P0\(index + 1)" : "P\(index + 1)"
    }

    static func itemCode(_ index: Int) -> String {
        index < 9 ? "Q0\(index + 1)" : "Q\(index + 1)"
    }

    /// `value` with no or two decimals, Western digits and the language's decimal separator.
    static func format(_ value: Double, decimals: Int, language: String) -> String {
        let scaled = Int((abs(value) * (decimals == 2 ? 100 : 1)).rounded())
        let separator = language == "fr" ? "," : "."
        let text = decimals == 2 ? "\(scaled / 100)\(separator)\(scaled % 100 < 10 ? "0" : "")\(scaled % 100)" : "\(scaled)"
        return value < 0 && scaled != 0 ? "-" + text : text
    }
}
