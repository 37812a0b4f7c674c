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
                    let attempts = counted.values.filter { $0.phase == phase.rawValue }
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
        let index = ItemIndex()
        let moduleEvaluations = modules.map { module in
            evaluateModule(module, pairs: modulePairs[module] ?? [], attemptsByForm: attemptsByForm, catalog: catalog, index: index)
        }
        let objectives = modules.flatMap { module in
            objectiveMastery(module, pairs: modulePairs[module] ?? [], catalog: catalog, index: index)
        }
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

    /// Where each item is in attempts that share an item key (one form version): built once per key.
    final class ItemIndex {
        private var positions: [String: [String: Int]] = [:]

        /// The position of each item id in attempts with `key`.
        func positions(for key: String) -> [String: Int] {
            if let known = positions[key] { return known }
            let ids = key.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let made = Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
            positions[key] = made
            return made
        }

        /// The score and maximum of `item` in `attempt`, if it was graded.
        func mark(of item: String, in attempt: EvaluationAttempt) -> (score: Double, maxScore: Double)? {
            guard let position = positions(for: attempt.itemKey)[item], position < attempt.scores.count,
                position < attempt.maxScores.count
            else { return nil }
            return (attempt.scores[position], attempt.maxScores[position])
        }

        /// Whether `item` earned full points in `attempt`.
        func isCorrect(_ item: String, in attempt: EvaluationAttempt) -> Bool {
            guard let mark = mark(of: item, in: attempt) else { return false }
            return mark.maxScore > 0 && mark.score >= mark.maxScore - 1e-9
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
            let postItems = Set(postResolved.items.filter { $0.maxScore > 0 }.map(\.item.id))
            for loaded in preResolved.items where loaded.maxScore > 0 && postItems.contains(loaded.item.id) {
                let id = loaded.item.id
                let change = ItemChange(
                    id: id,
                    pre: pairs.map { index.isCorrect(id, in: $0.pre) },
                    post: pairs.map { index.isCorrect(id, in: $0.post) }
                )
                var itemFlags: [ChangeFlag] = []
                if let facility = change.preFacility, change.n >= 5, facility >= 0.9 { itemFlags.append(.nearlyAllCorrectBefore) }
                if change.b > change.c { itemFlags.append(.moreLostThanGained) }
                if !itemFlags.isEmpty { flags[id] = itemFlags }
                changes.append(change)
            }
        }
        var analyses: [String: ItemAnalysis] = [:]
        for form in [preForm, postForm].compactMap({ $0 }) {
            guard let resolved = catalog.resolvedForm(form.id) else { continue }
            analyses[form.id] = itemAnalysis(of: resolved, attempts: attemptsByForm[form.id] ?? [], index: index)
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
    static func itemAnalysis(of form: ResolvedForm, attempts: [EvaluationAttempt], index: ItemIndex) -> ItemAnalysis {
        let scored = form.items.filter { $0.maxScore > 0 }
        let context = GradingContext(multipleResponsePolicy: form.form.multipleResponsePolicy)
        let isChoice = scored.map { SubmissionDigest.choiceTypes.contains($0.item.type) }
        var marks: [[Double]] = []
        var choices: [[String?]] = []
        marks.reserveCapacity(attempts.count)
        choices.reserveCapacity(attempts.count)
        for attempt in attempts {
            let positions = index.positions(for: attempt.itemKey)
            let chosen = attempt.choicesText.split(separator: SubmissionDigest.choiceSeparator, omittingEmptySubsequences: false)
            marks.append(
                scored.map { loaded in positions[loaded.item.id].flatMap { $0 < attempt.scores.count ? attempt.scores[$0] : nil } ?? 0 }
            )
            choices.append(
                scored.indices.map { column in
                    guard isChoice[column], let position = positions[scored[column].item.id], position < chosen.count else { return nil }
                    return chosen[position].isEmpty ? nil : String(chosen[position])
                }
            )
        }
        return ItemAnalysis(
            ItemAnalysisInput(
                itemIDs: scored.map(\.item.id),
                maxMarks: scored.map(\.maxScore),
                marks: marks,
                randomGuessScores: scored.map { $0.itemType.randomGuessFraction(for: $0.body, in: context) },
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
        return definition.objectives.map { objective in
            let preItems = preResolved.items.filter { $0.maxScore > 0 && $0.item.objectives.contains(objective.id) }
            let postItems = postResolved.items.filter { $0.maxScore > 0 && $0.item.objectives.contains(objective.id) }
            func share(_ attempt: EvaluationAttempt, items: [LoadedItem]) -> Double? {
                let maxScore = items.reduce(0) { $0 + $1.maxScore }
                guard maxScore > 0 else { return nil }
                return items.reduce(0) { $0 + (index.mark(of: $1.item.id, in: attempt)?.score ?? 0) } / maxScore * 100
            }
            let before = pairs.compactMap { share($0.pre, items: preItems) }
            let after = pairs.compactMap { share($0.post, items: postItems) }
            func mastery(_ shares: [Double], passMark: Double) -> Double? {
                shares.isEmpty ? nil : Double(shares.filter { $0 >= passMark - 1e-9 }.count) / Double(shares.count) * 100
            }
            return ObjectiveMastery(
                module: module,
                objective: objective.id,
                text: objective.text,
                preItems: preItems.count,
                postItems: postItems.count,
                n: pairs.count,
                meanPre: Descriptive.mean(before),
                meanPost: Descriptive.mean(after),
                masteryPre: mastery(before, passMark: preForm.passMark * 100),
                masteryPost: mastery(after, passMark: postForm.passMark * 100)
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
