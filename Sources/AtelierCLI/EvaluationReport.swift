import AtelierKernel
import AtelierStore
import Foundation

/// Turns an ``Evaluation`` into a ``ReportDocument`` in one language: the sentence for the donor report,
/// the cohort figures with their n, charts, objectives, items, disaggregations, attendance and method.
///
/// Words come from `Strings/<language>.json` (`report.*`), whole sentences with placeholders. Numbers
/// use Western digits in every language, with a decimal comma in French.
struct EvaluationReport {
    let evaluation: Evaluation
    let catalog: ContentCatalog
    let strings: UIStrings
    let generatedAt: Date

    private var language: String { strings.language }
    private var small: Int { evaluation.options.smallGroup }

    // MARK: Numbers

    /// A number with `digits` decimals in the report's language.
    func number(_ value: Double?, _ digits: Int = 0) -> String {
        guard let value, value.isFinite else { return "—" }
        let text = String(format: "%.\(digits)f", value)
        return language == "fr" ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A percentage (value already in 0…100).
    func percent(_ value: Double?, _ digits: Int = 0) -> String {
        guard value != nil else { return "—" }
        switch language {
        case "fr": return "\(number(value, digits))\u{202F}%"
        case "ar": return "\(number(value, digits))٪"
        default: return "\(number(value, digits))%"
        }
    }

    /// A signed number of points.
    func points(_ value: Double?, _ digits: Int = 1) -> String {
        guard let value, value.isFinite else { return "—" }
        // ASCII signs, so that spreadsheets read the CSV cells as numbers.
        return (value >= 0 ? "+" : "-") + number(abs(value), digits)
    }

    /// A p-value with its n.
    func pValue(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 0.001 ? "p < \(number(0.001, 3))" : "p = \(number(value, 3))"
    }

    /// A probability in a table cell: three decimals, "< 0.001" below that.
    func probability(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 0.001 ? "< \(number(0.001, 3))" : number(value, 3)
    }

    /// A count, or "<k" when under the small-group threshold.
    func count(_ value: Int) -> String { value < small && value > 0 ? "<\(small)" : String(value) }

    /// A group value in words where the report has them.
    func groupValue(_ value: String, grouping: EvaluationGrouping) -> String {
        switch grouping {
        case .sex, .disability:
            let key = "report.value.\(value)"
            let text = strings[key]
            return text == key ? value : text
        default:
            return value == "not-stated" ? strings["report.value.not-stated"] : value
        }
    }

    // MARK: Document

    /// The report.
    var document: ReportDocument {
        let sessions = evaluation.sessions
        let dates = sessions.isEmpty ? "—" : "\(sessions.map(\.startDate).min() ?? "") – \(sessions.map(\.endDate).max() ?? "")"
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let metadata = [
            ReportDocument.Field(label: strings["report.meta.sessions"], value: sessions.map(\.id).joined(separator: ", ")),
            ReportDocument.Field(
                label: strings["report.meta.programs"],
                value: Set(sessions.map(\.program)).sorted().map { catalog.programs[$0]?.title.resolved(in: language) ?? $0 }
                    .joined(separator: "; ")
            ),
            ReportDocument.Field(label: strings["report.meta.sites"], value: Set(sessions.map(\.site)).sorted().joined(separator: ", ")),
            ReportDocument.Field(label: strings["report.meta.dates"], value: dates),
            ReportDocument.Field(label: strings["report.meta.generated"], value: formatter.string(from: generatedAt)),
            ReportDocument.Field(
                label: strings["report.meta.protection"],
                value: strings["report.meta.protection.value", values: ["k": String(small)]]
            ),
        ]
        var sections = [summarySection, scoresSection]
        if !evaluation.objectives.isEmpty { sections.append(objectivesSection) }
        for module in evaluation.modules {
            if !module.items.isEmpty { sections.append(itemsSection(module)) }
            for form in [module.preForm, module.postForm].compactMap({ $0 }) {
                if let analysis = module.analyses[form], analysis.test.n > 0 { sections.append(analysisSection(form: form, analysis)) }
            }
        }
        sections += evaluation.disaggregations.map(groupsSection)
        sections.append(attendanceSection)
        sections.append(ReportDocument.Section(heading: strings["report.section.method"], blocks: [.paragraph(strings["report.method"])]))
        return ReportDocument(title: strings["report.title"], language: language, metadata: metadata, sections: sections)
    }

    /// The sentence a manager pastes into a donor report.
    var headline: String {
        let cohort = evaluation.cohort
        let registered = evaluation.participants
        guard cohort.n > 0 else { return strings["report.headline.none", values: ["registered": String(registered.count)]] }
        let nationalities = Set(registered.compactMap { $0.nationality.flatMap { $0.isEmpty ? nil : $0 } }).count
        func paired(_ share: Double?) -> String {
            share.map { String(Int(($0 / 100 * Double(cohort.n)).rounded())) } ?? "—"
        }
        return strings[
            "report.headline",
            values: [
                "registered": String(registered.count),
                "women": count(registered.filter { $0.sex == .female }.count),
                "men": count(registered.filter { $0.sex == .male }.count),
                "nationalities": String(nationalities),
                "paired": String(cohort.n),
                "direction": strings[(cohort.meanGain ?? 0) >= 0 ? "report.headline.rose" : "report.headline.fell"],
                "pre": percent(cohort.meanPre), "post": percent(cohort.meanPost),
                "gain": points(cohort.meanGain, 0),
                "low": number(cohort.gainCI95?.first), "high": number(cohort.gainCI95?.last),
                "improved": paired(cohort.pctImproved),
                "passedPost": paired(cohort.pctPassPost), "passedPre": paired(cohort.pctPassPre),
            ]
        ]
    }

    var summarySection: ReportDocument.Section {
        var blocks: [ReportDocument.Block] = [.highlight(headline)]
        let cohort = evaluation.cohort
        if cohort.n > 0 && cohort.n < 10 { blocks.append(.paragraph(strings["report.small-sample", values: ["n": String(cohort.n)]])) }
        blocks.append(
            .paragraph(
                strings[
                    "report.attrition",
                    values: [
                        "preOnly": String(evaluation.preOnly), "postOnly": String(evaluation.postOnly), "neither": String(evaluation.neither),
                    ]
                ]
            )
        )
        return ReportDocument.Section(heading: strings["report.section.summary"], blocks: blocks)
    }

    var scoresSection: ReportDocument.Section {
        let cohort = evaluation.cohort
        let n = String(cohort.n)
        var rows: [[String?]] = [
            [strings["report.fig.mean-pre"], "\(percent(cohort.meanPre, 1)) (\(number(cohort.sdPre, 1)))", n],
            [strings["report.fig.mean-post"], "\(percent(cohort.meanPost, 1)) (\(number(cohort.sdPost, 1)))", n],
            [
                strings["report.fig.mean-gain"],
                "\(points(cohort.meanGain)) (\(number(cohort.gainCI95?.first, 1)) – \(number(cohort.gainCI95?.last, 1)))", n,
            ],
            [strings["report.fig.median-gain"], points(cohort.medianGain), n],
            [strings["report.fig.ttest"], "t(\(cohort.df.map(String.init) ?? "—")) = \(number(cohort.t, 2)), \(pValue(cohort.pTTest))", n],
        ]
        if let wilcoxon = cohort.wilcoxon {
            let method = strings[wilcoxon.exact ? "report.fig.wilcoxon.exact" : "report.fig.wilcoxon.normal"]
            rows.append([
                strings["report.fig.wilcoxon"],
                "W+ = \(number(wilcoxon.wPlus, 1)), W− = \(number(wilcoxon.wMinus, 1)), \(pValue(wilcoxon.p)) (\(method)); r = \(number(wilcoxon.rankBiserial, 2))",
                "\(wilcoxon.n)",
            ])
        }
        rows += [
            [strings["report.fig.effect"], "\(number(cohort.dz, 2)) (\(number(cohort.gz, 2)))", n],
            [strings["report.fig.hake"], number(cohort.hakeG, 2), n],
            [strings["report.fig.individual-g"], number(cohort.meanIndividualG, 2), String(cohort.nIndividualG)],
            [strings["report.fig.improved"], percent(cohort.pctImproved), n],
            [
                strings["report.fig.gain-threshold", values: ["x": number(cohort.gainThreshold)]],
                percent(cohort.pctGainAtLeastThreshold), n,
            ],
            [strings["report.fig.passed-pre"], percent(cohort.pctPassPre), n],
            [strings["report.fig.passed-post"], percent(cohort.pctPassPost), n],
        ]
        let table = ReportDocument.Table(columns: [strings["report.col.figure"], strings["report.col.value"], strings["report.col.n"]], rows: rows)
        let scoreAxis = ReportDocument.Chart.Axis(label: strings["report.axis.score"], minimum: 0, maximum: 100, isPercent: true)
        let (level, dumbbellData) = dumbbellRows
        let dumbbell = ReportDocument.Chart(
            title: strings["report.chart.dumbbell.\(level)"],
            caption: strings["report.chart.dumbbell.\(level).caption"],
            content: .dumbbell(.init(axis: scoreAxis, fromName: strings["report.pre"], toName: strings["report.post"], rows: dumbbellData))
        )
        let edges = stride(from: 0.0, through: 100, by: 10).map { $0 }
        func counts(_ scores: [Double]) -> [Double?] {
            (0..<10).map { bin in Double(scores.filter { min(Int($0 / 10), 9) == bin }.count) }
        }
        let histogram = ReportDocument.Chart(
            title: strings["report.chart.histogram"],
            caption: strings["report.chart.histogram.caption"],
            content: .histogram(
                .init(
                    axis: scoreAxis,
                    edges: edges,
                    series: [
                        .init(name: strings["report.pre"], values: counts(evaluation.participants.compactMap(\.pre))),
                        .init(name: strings["report.post"], values: counts(evaluation.participants.compactMap(\.post))),
                    ]
                )
            )
        )
        return ReportDocument.Section(heading: strings["report.section.scores"], blocks: [.table(table), .chart(dumbbell), .chart(histogram)])
    }

    /// The most rows a dumbbell chart draws; above it, participants are pooled by session, then by site.
    static let dumbbellLimit = 60

    /// The dumbbell's level (`participants`, `sessions` or `sites`) and rows, largest gain first.
    var dumbbellRows: (String, [ReportDocument.Chart.Dumbbell.Row]) {
        let tested = evaluation.participants.filter { $0.pre != nil || $0.post != nil }
        if tested.count <= Self.dumbbellLimit {
            let sorted = tested.sorted { ($0.gain ?? -1000, $0.code) > ($1.gain ?? -1000, $1.code) }
            return ("participants", sorted.map { .init(label: $0.code, from: $0.pre, to: $0.post) })
        }
        let sites = Dictionary(evaluation.sessions.map { ($0.id, $0.site) }, uniquingKeysWith: { first, _ in first })
        let bySession = evaluation.sessions.count <= Self.dumbbellLimit
        let groups = Dictionary(grouping: tested.filter { $0.pre != nil && $0.post != nil }) { participant in
            bySession ? participant.session : sites[participant.session] ?? participant.session
        }
        let rows = groups.map { label, members in
            ReportDocument.Chart.Dumbbell.Row(
                label: label,
                from: Descriptive.mean(members.compactMap(\.pre)),
                to: Descriptive.mean(members.compactMap(\.post))
            )
        }
        let sorted = rows.sorted { (($0.to ?? 0) - ($0.from ?? 0), $0.label) > (($1.to ?? 0) - ($1.from ?? 0), $1.label) }
        return (bySession ? "sessions" : "sites", sorted)
    }

    var objectivesSection: ReportDocument.Section {
        let objectives = evaluation.objectives
        func label(_ objective: Evaluation.ObjectiveMastery) -> String {
            let text = objective.text?.resolved(in: language) ?? ""
            return text.isEmpty ? "\(objective.module) \(objective.objective)" : "\(objective.objective) — \(text)"
        }
        let table = ReportDocument.Table(
            columns: [
                strings["report.col.objective"], strings["report.col.mean-pre"], strings["report.col.mean-post"],
                strings["report.col.mastery-pre"], strings["report.col.mastery-post"], strings["report.col.n"],
            ],
            rows: objectives.map {
                [label($0), percent($0.meanPre), percent($0.meanPost), percent($0.masteryPre), percent($0.masteryPost), String($0.n)]
            },
            note: strings["report.objectives.note", values: ["n": objectives.map { String($0.n) }.uniquedJoined]]
        )
        let chart = ReportDocument.Chart(
            title: strings["report.chart.objectives"],
            caption: strings["report.chart.objectives.caption"],
            content: .bars(
                .init(
                    axis: .init(label: strings["report.axis.mastery"], minimum: 0, maximum: 100, isPercent: true),
                    categories: objectives.map(label),
                    series: [
                        .init(name: strings["report.pre"], values: objectives.map(\.masteryPre)),
                        .init(name: strings["report.post"], values: objectives.map(\.masteryPost)),
                    ]
                )
            )
        )
        return ReportDocument.Section(heading: strings["report.section.objectives"], blocks: [.chart(chart), .table(table)])
    }

    func itemsSection(_ module: Evaluation.ModuleEvaluation) -> ReportDocument.Section {
        let title = catalog.modules[module.module]?.title.resolved(in: language) ?? module.module
        let n = module.items.first?.n ?? 0
        let table = ReportDocument.Table(
            columns: [
                strings["report.col.item"], strings["report.col.facility-pre"], strings["report.col.facility-post"], "b", "c",
                strings["report.col.p"], strings["report.col.p-holm"], strings["report.col.flags"],
            ],
            rows: module.items.map { item in
                [
                    item.id, percent(item.preFacility.map { $0 * 100 }), percent(item.postFacility.map { $0 * 100 }), String(item.b),
                    String(item.c), probability(item.pMcNemar), probability(item.pHolm),
                    (module.changeFlags[item.id] ?? []).map { strings["report.flag.\($0.rawValue)"] }.joined(separator: "; "),
                ]
            },
            note: strings["report.items.note", values: ["m": String(module.items.count), "n": String(n)]]
        )
        let axisBefore = ReportDocument.Chart.Axis(label: strings["report.axis.correct-before"], minimum: 0, maximum: 100, isPercent: true)
        let axisAfter = ReportDocument.Chart.Axis(label: strings["report.axis.correct-after"], minimum: 0, maximum: 100, isPercent: true)
        let chart = ReportDocument.Chart(
            title: strings["report.chart.facility"],
            caption: strings["report.chart.facility.caption"],
            content: .scatter(
                .init(
                    xAxis: axisBefore,
                    yAxis: axisAfter,
                    points: module.items.compactMap { item in
                        guard let before = item.preFacility, let after = item.postFacility else { return nil }
                        return .init(label: item.id, x: before * 100, y: after * 100, flagged: module.changeFlags[item.id] != nil)
                    },
                    guides: [.init(label: strings["report.guide.no-change"], from: (0, 0), to: (100, 100))]
                )
            )
        )
        return ReportDocument.Section(heading: strings["report.section.items", values: ["module": title]], blocks: [.table(table), .chart(chart)])
    }

    func analysisSection(form: String, _ analysis: ItemAnalysis) -> ReportDocument.Section {
        let test = analysis.test
        let note = strings[
            "report.analysis.note",
            values: [
                "n": String(test.n), "alpha": number(test.cronbachAlpha, 2),
                "indicative": test.alphaIsIndicative ? strings["report.analysis.indicative"] : "",
                "kr20": number(test.kr20, 2), "se": percent(test.standardError.map { $0 * 100 }, 1),
            ]
        ]
        let table = ReportDocument.Table(
            columns: [
                strings["report.col.item"], strings["report.col.facility"], strings["report.col.discrimination"],
                strings["report.col.efficiency"], strings["report.col.upper-lower"], strings["report.col.flags"],
            ],
            rows: analysis.items.map { item in
                [
                    item.id, percent(item.facility.map { $0 * 100 }), number(item.discriminationIndex.map { $0 * 100 }),
                    percent(item.discriminativeEfficiency.map { $0 * 100 }), number(item.upperLowerD, 2),
                    item.flags.map { strings["report.flag.\($0.kind.rawValue)"] }.joined(separator: "; "),
                ]
            },
            note: note
        )
        let chart = ReportDocument.Chart(
            title: strings["report.chart.difficulty"],
            caption: strings["report.chart.difficulty.caption"],
            content: .scatter(
                .init(
                    xAxis: .init(label: strings["report.axis.facility"], minimum: 0, maximum: 100, isPercent: true),
                    yAxis: .init(label: strings["report.axis.discrimination"], minimum: -100, maximum: 100),
                    points: analysis.items.compactMap { item in
                        guard let facility = item.facility, let discrimination = item.discriminationIndex else { return nil }
                        // Marked: the flags that say the item does not separate who knows from who does not.
                        let serious = item.flags.contains { $0.kind == .negativeDiscrimination || $0.kind == .lowDiscriminativeEfficiency }
                        return .init(label: item.id, x: facility * 100, y: discrimination * 100, flagged: serious)
                    },
                    guides: [.init(label: strings["report.guide.weak"], from: (0, 20), to: (100, 20))]
                )
            )
        )
        var blocks: [ReportDocument.Block] = [.table(table), .chart(chart)]
        if !analysis.distractors.isEmpty {
            blocks.append(
                .table(
                    ReportDocument.Table(
                        columns: [
                            strings["report.col.item"], strings["report.col.choice"], strings["report.col.chosen"], strings["report.col.share"],
                            strings["report.col.mean-total"],
                        ],
                        rows: analysis.distractors.map { row in
                            [
                                row.item, row.choice.isEmpty ? strings["report.value.unanswered"] : row.choice, String(row.count),
                                percent(row.share * 100), percent(row.meanTotal.map { $0 * 100 }),
                            ]
                        },
                        note: strings["report.distractors.note"]
                    )
                )
            )
        }
        return ReportDocument.Section(heading: strings["report.section.analysis", values: ["form": form]], blocks: blocks)
    }

    func groupsSection(_ disaggregation: Evaluation.Disaggregation) -> ReportDocument.Section {
        let rows: [[String?]] = disaggregation.groups.map { group in
            let name = groupValue(group.value, grouping: disaggregation.grouping)
            if group.suppressed { return [name, "<\(small)", nil, nil, nil, nil, nil, nil, nil, nil] }
            let comparison = group.comparison
            let gain = comparison.map { "\(points($0.meanGain)) (\(number($0.gainCI95?.first, 1)) – \(number($0.gainCI95?.last, 1)))" }
            return [
                name, String(group.registered), group.paired < small ? "<\(small)" : String(group.paired), String(group.preOnly),
                String(group.postOnly), comparison.map { percent($0.meanPre) }, comparison.map { percent($0.meanPost) }, gain,
                comparison.map { percent($0.pctImproved) }, group.completed.map(String.init),
            ]
        }
        var notes = [strings["report.groups.note", values: ["k": String(small)]]]
        if disaggregation.grouping.groupsOverlap { notes.append(strings["report.groups.overlap"]) }
        let table = ReportDocument.Table(
            columns: [
                strings["report.col.group"], strings["report.col.registered"], strings["report.col.paired"], strings["report.col.pre-only"],
                strings["report.col.post-only"], strings["report.col.mean-pre"], strings["report.col.mean-post"], strings["report.col.gain"],
                strings["report.col.improved"], strings["report.col.completed"],
            ],
            rows: rows,
            note: notes.joined(separator: " ")
        )
        let field = strings["report.field.\(disaggregation.grouping.rawValue)"]
        return ReportDocument.Section(heading: strings["report.section.groups", values: ["field": field]], blocks: [.table(table)])
    }

    var attendanceSection: ReportDocument.Section {
        var blocks: [ReportDocument.Block] = [
            .paragraph(
                strings[
                    "report.attendance.summary",
                    values: [
                        "points": percent(evaluation.meanAttendanceRate.map { $0 * 100 }),
                        "slots": percent(evaluation.meanSlotRate.map { $0 * 100 }),
                        "completed": String(evaluation.completedCount), "registered": String(evaluation.registered),
                    ]
                ]
            )
        ]
        let notCompleted = evaluation.participants.filter { !$0.completed }
        if notCompleted.isEmpty {
            blocks.append(.paragraph(strings["report.all-completed"]))
            return ReportDocument.Section(heading: strings["report.section.attendance"], blocks: blocks)
        }
        var counts: [String: Int] = [:]
        for participant in notCompleted {
            for kind in Set(participant.notCompletedReasons.map(\.kind)) { counts[kind, default: 0] += 1 }
        }
        blocks.append(
            .table(
                ReportDocument.Table(
                    columns: [strings["report.col.reason"], strings["report.col.participants"]],
                    rows: ["attendance", "post-test-missing", "post-test-below-pass-mark"].compactMap { kind in
                        counts[kind].map { [strings["report.reason-kind.\(kind)"], String($0)] }
                    },
                    note: strings["report.reasons.note", values: ["n": String(notCompleted.count)]]
                )
            )
        )
        if notCompleted.count > Self.listLimit {
            blocks.append(.paragraph(strings["report.not-completed.too-many", values: ["n": String(notCompleted.count)]]))
        } else {
            blocks.append(
                .table(
                    ReportDocument.Table(
                        columns: [
                            strings["report.col.code"], strings["report.col.session"], strings["report.col.attendance"],
                            strings["report.col.slots"], strings["report.col.reasons"],
                        ],
                        rows: notCompleted.map { participant in
                            [
                                participant.code, participant.session, percent(participant.attendanceRate * 100),
                                "\(participant.slotsAttended)/\(participant.slotsTotal)",
                                participant.notCompletedReasons.map(reason).joined(separator: "; "),
                            ]
                        },
                        note: strings["report.not-completed"]
                    )
                )
            )
        }
        return ReportDocument.Section(heading: strings["report.section.attendance"], blocks: blocks)
    }

    /// The most participants the report lists by code; above it, only the counts (the JSON has them all).
    static let listLimit = 200

    func reason(_ reason: Evaluation.NotCompletedReason) -> String {
        switch reason {
        case .attendance(let rate, let minimum):
            strings["report.reason.attendance", values: ["rate": percent(rate * 100), "minimum": percent(minimum * 100)]]
        case .postTestMissing(let form):
            strings["report.reason.post-test-missing", values: ["form": form]]
        case .postTestBelowPassMark(let form, let value, let passMark):
            strings["report.reason.post-test-below-pass-mark", values: ["form": form, "percent": percent(value), "passMark": percent(passMark)]]
        }
    }
}

extension Array where Element == String {
    /// The distinct values joined by "/" (for notes whose n differs between modules).
    fileprivate var uniquedJoined: String {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }.joined(separator: "/")
    }
}
