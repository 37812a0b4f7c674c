import AtelierKernel
import Foundation

extension Evaluation {
    /// Evaluates sessions.
    ///
    /// Each form counts one attempt per participant, chosen by the session's retake policy (as in
    /// ``SessionResults``). A participant's phase score is the percentage of points over the counted
    /// attempts of the phase's forms. An answer is correct when it earned the item's full points.
    ///
    /// - Parameters:
    ///   - data: the sessions' stored data.
    ///   - catalog: the content (programs, forms, items, objectives).
    ///   - options: the gain threshold, the small-group threshold and the disaggregations.
    public static func compute(_ data: [SessionData], catalog: ContentCatalog, options: Options = Options()) -> Evaluation {
        var participants: [ParticipantResult] = []
        var grouped: [[String]] = []  // per participant, per grouping: the values
        var attemptsByForm: [String: [EvaluationAttempt]] = [:]
        // Per module: participant index → (pre attempt, post attempt).
        var modulePairs: [String: [(pre: EvaluationAttempt, post: EvaluationAttempt)]] = [:]
        var modules: [String] = []

        for sessionData in data {
            let session = sessionData.session
            let program = catalog.programs[session.program]
            for module in program?.modules ?? [] where !modules.contains(module) { modules.append(module) }
            let postForms = (program?.modules ?? []).flatMap { catalog.forms(ofModule: $0).filter { $0.phase == .post } }
            let slotIDs = Set(session.slots.map(\.id))
            let attendanceByCode = Dictionary(grouping: sessionData.attendance, by: \.participantCode)
            let submissionsByCode = Dictionary(grouping: sessionData.submissions, by: \.participantCode)

            for participant in sessionData.participants {
                let records = attendanceByCode[participant.code] ?? []
                let rate = session.attendanceRate(records)
                let attendedSlots = Set(
                    records.filter { slotIDs.contains($0.slotID) && (session.weight(of: $0.status) ?? 0) > 0 }.map(\.slotID)
                )
                var counted: [String: EvaluationAttempt] = [:]
                for (formID, attempts) in Dictionary(grouping: submissionsByCode[participant.code] ?? [], by: \.formID) {
                    counted[formID] = SessionResults.countedAttempt(attempts, policy: session.retakePolicy)
                }
                func phase(_ phase: AssessmentPhase) -> (percent: Double?, passed: Bool?) {
                    // In form order, so that the sums (and so every figure) are the same from run to run.
                    let attempts = counted.keys.sorted().compactMap { counted[$0] }.filter { $0.phase == phase.rawValue }
                    let maxScore = attempts.reduce(0) { $0 + $1.maxScore }
                    guard !attempts.isEmpty, maxScore > 0 else { return (nil, nil) }
                    return (attempts.reduce(0) { $0 + $1.score } / maxScore * 100, attempts.allSatisfy(\.passed))
                }
                let pre = phase(.pre)
                let post = phase(.post)
                let rule = program?.completion
                var reasons: [NotCompletedReason] = []
                if let rule, rate + 1e-9 < rule.minimumAttendance {
                    reasons.append(.attendance(rate: rate, minimum: rule.minimumAttendance))
                }
                for form in postForms {
                    if let attempt = counted[form.id] {
                        if rule?.requirePostTestPass == true, !attempt.passed {
                            reasons.append(
                                .postTestBelowPassMark(form: form.id, percent: attempt.percent ?? 0, passMark: form.passMark * 100)
                            )
                        }
                    } else if rule?.requirePostTestPass == true {
                        reasons.append(.postTestMissing(form: form.id))
                    }
                }
                let passedPost = !postForms.isEmpty && postForms.allSatisfy { counted[$0.id]?.passed == true }
                let completed =
                    rate + 1e-9 >= (rule?.minimumAttendance ?? 0) && (rule?.requirePostTestPass == true ? passedPost : true)
                participants.append(
                    ParticipantResult(
                        code: participant.code,
                        session: session.id,
                        pre: pre.percent,
                        post: post.percent,
                        attendanceRate: rate,
                        slotsAttended: attendedSlots.count,
                        slotsTotal: session.slots.count,
                        passedPre: pre.passed,
                        passedPost: post.passed,
                        completed: completed,
                        notCompletedReasons: completed ? [] : reasons,
                        sex: participant.sex,
                        nationality: participant.nationality
                    )
                )
                grouped.append(options.groupings.map { $0.values(of: participant, in: session).joined(separator: "\u{1F}") })

                for attempt in counted.values { attemptsByForm[attempt.formID, default: []].append(attempt) }
                for module in program?.modules ?? [] {
                    let forms = catalog.forms(ofModule: module)
                    guard let preForm = forms.first(where: { $0.phase == .pre }), let postForm = forms.first(where: { $0.phase == .post }),
                        let preAttempt = counted[preForm.id], let postAttempt = counted[postForm.id]
                    else { continue }
                    modulePairs[module, default: []].append((preAttempt, postAttempt))
                }
            }
        }

        let paired = participants.filter { $0.pre != nil && $0.post != nil }
        let cohort = comparison(of: paired, catalog: catalog, sessions: data.map(\.session), gainThreshold: options.gainThreshold)
        // Modules are independent: each is evaluated on its own thread, with its own item index.
        let perModule = ModuleResults(count: modules.count)
        let moduleIDs = modules
        let formAttempts = attemptsByForm
        let pairsByModule = modulePairs
        DispatchQueue.concurrentPerform(iterations: moduleIDs.count) { position in
            let module = moduleIDs[position]
            let index = ItemIndex()
            let pairs = pairsByModule[module] ?? []
            perModule.store(
                position,
                evaluateModule(module, pairs: pairs, attemptsByForm: formAttempts, catalog: catalog, index: index),
                objectiveMastery(module, pairs: pairs, catalog: catalog, index: index)
            )
        }
        let moduleEvaluations = perModule.evaluations
        let objectives = perModule.objectives
        let disaggregations = options.groupings.enumerated().map { index, grouping in
            disaggregate(
                participants,
                by: grouping,
                values: grouped.map { $0[index].components(separatedBy: "\u{1F}") },
                options: options,
                catalog: catalog,
                sessions: data.map(\.session)
            )
        }
        return Evaluation(
            sessions: data.map(\.session),
            options: options,
            participants: participants,
            cohort: cohort,
            registered: participants.count,
            preOnly: participants.filter { $0.pre != nil && $0.post == nil }.count,
            postOnly: participants.filter { $0.pre == nil && $0.post != nil }.count,
            neither: participants.filter { $0.pre == nil && $0.post == nil }.count,
            objectives: objectives,
            modules: moduleEvaluations,
            disaggregations: disaggregations
        )
    }

    /// The paired comparison of participants with both scores; the shares passing come from each form's
    /// own pass mark, and the comparison names the pass mark when all forms share one.
    static func comparison(
        of paired: [ParticipantResult],
        catalog: ContentCatalog,
        sessions: [TrainingSession],
        gainThreshold: Double
    ) -> PairedComparison {
        var comparison = PairedComparison(
            pre: paired.compactMap(\.pre),
            post: paired.compactMap(\.post),
            passMark: nil,
            gainThreshold: gainThreshold
        )
        let passMarks = Set(
            sessions.compactMap { catalog.programs[$0.program] }.flatMap(\.modules).flatMap { catalog.forms(ofModule: $0) }.map { $0.passMark * 100 }
        )
        comparison.passMark = passMarks.count == 1 ? passMarks.first : nil
        if !paired.isEmpty {
            comparison.pctPassPre = Double(paired.filter { $0.passedPre == true }.count) / Double(paired.count) * 100
            comparison.pctPassPost = Double(paired.filter { $0.passedPost == true }.count) / Double(paired.count) * 100
        }
        return comparison
    }

    /// The results of modules evaluated concurrently, each written once into its own slot.
    final class ModuleResults: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [(ModuleEvaluation, [ObjectiveMastery])?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ position: Int, _ evaluation: ModuleEvaluation, _ objectives: [ObjectiveMastery]) {
            lock.withLock { slots[position] = (evaluation, objectives) }
        }

        var evaluations: [ModuleEvaluation] { lock.withLock { slots.compactMap { $0?.0 } } }
        var objectives: [ObjectiveMastery] { lock.withLock { slots.compactMap { $0?.1 }.flatMap { $0 } } }
    }

    /// Where a form's items are in stored attempts: attempts of one form version share their item key,
    /// so the columns are worked out once per key and form, not once per attempt and item.
    final class ItemIndex {
        private var columns: [String: [String: [Int?]]] = [:]
        private var last: (form: String, key: String, columns: [Int?])?

        /// For each of `items` (the form's scored items, by id), its position in attempts with `key`.
        func columns(of items: [String], form: String, key: String) -> [Int?] {
            if let last, last.form == form, last.key == key { return last.columns }
            let made: [Int?]
            if let known = columns[form]?[key] {
                made = known
            } else {
                var positions: [Substring: Int] = [:]
                for (offset, id) in key.split(separator: ",", omittingEmptySubsequences: false).enumerated() where positions[id] == nil {
                    positions[id] = offset
                }
                made = items.map { positions[Substring($0)] }
                columns[form, default: [:]][key] = made
            }
            last = (form, key, made)
            return made
        }
    }

    /// A form's scored items and each attempt's marks on them, aligned by column.
    struct AlignedForm {
        let form: ResolvedForm
        let scored: [LoadedItem]
        let ids: [String]

        init(_ form: ResolvedForm) {
            self.form = form
            scored = form.items.filter { $0.maxScore > 0 }
            ids = scored.map(\.item.id)
        }

        /// The attempt's score on each scored item (0 when not graded).
        func marks(of attempt: EvaluationAttempt, index: ItemIndex) -> [Double] {
            index.columns(of: ids, form: form.form.id, key: attempt.itemKey).map { column in
                column.flatMap { $0 < attempt.scores.count ? attempt.scores[$0] : nil } ?? 0
            }
        }

        /// Whether the attempt earned each scored item's full points.
        func correct(_ attempt: EvaluationAttempt, index: ItemIndex) -> [Bool] {
            index.columns(of: ids, form: form.form.id, key: attempt.itemKey).map { column in
                guard let column, column < attempt.scores.count, column < attempt.maxScores.count else { return false }
                return attempt.maxScores[column] > 0 && attempt.scores[column] >= attempt.maxScores[column] - 1e-9
            }
        }
    }

    static func evaluateModule(
        _ module: String,
        pairs: [(pre: EvaluationAttempt, post: EvaluationAttempt)],
        attemptsByForm: [String: [EvaluationAttempt]],
        catalog: ContentCatalog,
        index: ItemIndex
    ) -> ModuleEvaluation {
        let forms = catalog.forms(ofModule: module)
        let preForm = forms.first { $0.phase == .pre }
        let postForm = forms.first { $0.phase == .post }
        var changes: [ItemChange] = []
        var flags: [String: [ChangeFlag]] = [:]
        if let preForm, let postForm, let preResolved = catalog.resolvedForm(preForm.id), let postResolved = catalog.resolvedForm(postForm.id) {
            let before = AlignedForm(preResolved)
            let after = AlignedForm(postResolved)
            let shared = before.ids.enumerated().compactMap { column, id in after.ids.firstIndex(of: id).map { (id, column, $0) } }
            var correctBefore = Array(repeating: [Bool](), count: shared.count)
            var correctAfter = Array(repeating: [Bool](), count: shared.count)
            for pair in pairs {
                let pre = before.correct(pair.pre, index: index)
                let post = after.correct(pair.post, index: index)
                for (position, item) in shared.enumerated() {
                    correctBefore[position].append(pre[item.1])
                    correctAfter[position].append(post[item.2])
                }
            }
            for (position, item) in shared.enumerated() {
                let change = ItemChange(id: item.0, pre: correctBefore[position], post: correctAfter[position])
                var itemFlags: [ChangeFlag] = []
                if let facility = change.preFacility, change.n >= 5, facility >= 0.9 { itemFlags.append(.nearlyAllCorrectBefore) }
                if change.b > change.c { itemFlags.append(.moreLostThanGained) }
                if !itemFlags.isEmpty { flags[item.0] = itemFlags }
                changes.append(change)
            }
        }
        var analyses: [String: ItemAnalysis] = [:]
        for form in [preForm, postForm].compactMap({ $0 }) {
            guard let resolved = catalog.resolvedForm(form.id) else { continue }
            analyses[form.id] = itemAnalysis(of: AlignedForm(resolved), attempts: attemptsByForm[form.id] ?? [], index: index)
        }
        return ModuleEvaluation(
            module: module,
            preForm: preForm?.id,
            postForm: postForm?.id,
            items: ItemChange.holmAdjusted(changes),
            changeFlags: flags,
            analyses: analyses
        )
    }

    /// Item analysis of a form's counted attempts, with the chosen options for the distractor table.
    static func itemAnalysis(of aligned: AlignedForm, attempts: [EvaluationAttempt], index: ItemIndex) -> ItemAnalysis {
        let context = GradingContext(multipleResponsePolicy: aligned.form.form.multipleResponsePolicy)
        let isChoice = aligned.scored.map { SubmissionDigest.choiceTypes.contains($0.item.type) }
        let anyChoice = isChoice.contains(true)
        var marks: [[Double]] = []
        var choices: [[String?]] = []
        marks.reserveCapacity(attempts.count)
        choices.reserveCapacity(attempts.count)
        for attempt in attempts {
            marks.append(aligned.marks(of: attempt, index: index))
            guard anyChoice else {
                choices.append(Array(repeating: nil, count: aligned.ids.count))
                continue
            }
            let columns = index.columns(of: aligned.ids, form: aligned.form.form.id, key: attempt.itemKey)
            let chosen = attempt.choicesText.split(separator: SubmissionDigest.choiceSeparator, omittingEmptySubsequences: false)
            choices.append(
                columns.indices.map { column in
                    guard isChoice[column], let position = columns[column], position < chosen.count, !chosen[position].isEmpty else {
                        return nil
                    }
                    return String(chosen[position])
                }
            )
        }
        return ItemAnalysis(
            ItemAnalysisInput(
                itemIDs: aligned.ids,
                maxMarks: aligned.scored.map(\.maxScore),
                marks: marks,
                randomGuessScores: aligned.scored.map { $0.itemType.randomGuessFraction(for: $0.body, in: context) },
                choices: choices
            )
        )
    }

    static func objectiveMastery(
        _ module: String,
        pairs: [(pre: EvaluationAttempt, post: EvaluationAttempt)],
        catalog: ContentCatalog,
        index: ItemIndex
    ) -> [ObjectiveMastery] {
        let forms = catalog.forms(ofModule: module)
        guard let definition = catalog.modules[module], let preForm = forms.first(where: { $0.phase == .pre }),
            let postForm = forms.first(where: { $0.phase == .post }),
            let preResolved = catalog.resolvedForm(preForm.id), let postResolved = catalog.resolvedForm(postForm.id)
        else { return [] }
        let before = AlignedForm(preResolved)
        let after = AlignedForm(postResolved)
        let preMarks = pairs.map { before.marks(of: $0.pre, index: index) }
        let postMarks = pairs.map { after.marks(of: $0.post, index: index) }
        return definition.objectives.map { objective in
            let preColumns = before.scored.indices.filter { before.scored[$0].item.objectives.contains(objective.id) }
            let postColumns = after.scored.indices.filter { after.scored[$0].item.objectives.contains(objective.id) }
            func shares(_ marks: [[Double]], columns: [Int], form: AlignedForm) -> [Double] {
                let maxScore = columns.reduce(0) { $0 + form.scored[$1].maxScore }
                guard maxScore > 0 else { return [] }
                return marks.map { row in columns.reduce(0) { $0 + row[$1] } / maxScore * 100 }
            }
            let sharesBefore = shares(preMarks, columns: preColumns, form: before)
            let sharesAfter = shares(postMarks, columns: postColumns, form: after)
            func mastery(_ shares: [Double], passMark: Double) -> Double? {
                shares.isEmpty ? nil : Double(shares.filter { $0 >= passMark - 1e-9 }.count) / Double(shares.count) * 100
            }
            return ObjectiveMastery(
                module: module,
                objective: objective.id,
                text: objective.text,
                preItems: preColumns.count,
                postItems: postColumns.count,
                n: pairs.count,
                meanPre: Descriptive.mean(sharesBefore),
                meanPost: Descriptive.mean(sharesAfter),
                masteryPre: mastery(sharesBefore, passMark: preForm.passMark * 100),
                masteryPost: mastery(sharesAfter, passMark: postForm.passMark * 100)
            )
        }
    }

    static func disaggregate(
        _ participants: [ParticipantResult],
        by grouping: EvaluationGrouping,
        values: [[String]],
        options: Options,
        catalog: ContentCatalog,
        sessions: [TrainingSession]
    ) -> Disaggregation {
        var members: [String: [Int]] = [:]
        var order: [String] = []
        for (index, groupValues) in values.enumerated() {
            for value in groupValues {
                if members[value] == nil { order.append(value) }
                members[value, default: []].append(index)
            }
        }
        var groups = order.map { value -> Group in
            let group = (members[value] ?? []).map { participants[$0] }
            let paired = group.filter { $0.pre != nil && $0.post != nil }
            return Group(
                value: value,
                registered: group.count,
                paired: paired.count,
                preOnly: group.filter { $0.pre != nil && $0.post == nil }.count,
                postOnly: group.filter { $0.pre == nil && $0.post != nil }.count,
                comparison: comparison(of: paired, catalog: catalog, sessions: sessions, gainThreshold: options.gainThreshold),
                suppressed: false,
                completed: group.filter(\.completed).count
            )
        }
        groups.sort { ($0.registered, $1.value) > ($1.registered, $0.value) }
        // Primary suppression: small groups. Secondary: when exactly one group is withheld and groups do
        // not overlap, the next smallest is withheld too, so the total cannot reveal it.
        for index in groups.indices where groups[index].registered < options.smallGroup { groups[index].suppressed = true }
        let withheld = groups.filter(\.suppressed).count
        if withheld == 1, !grouping.groupsOverlap, groups.count > 1,
            let next = groups.indices.filter({ !groups[$0].suppressed }).min(by: { groups[$0].registered < groups[$1].registered })
        {
            groups[next].suppressed = true
        }
        for index in groups.indices {
            if groups[index].suppressed {
                groups[index].comparison = nil
                groups[index].completed = nil
            } else if groups[index].paired < options.smallGroup {
                groups[index].comparison = nil
            }
        }
        return Disaggregation(grouping: grouping, groups: groups)
    }
}
