import AtelierKernel
import Foundation

// `atelier report --format json`: a public contract documented in README.md ("Evaluation JSON").
// Participants appear by code only. Scores in percent, gains in points, facilities 0…1.

extension Evaluation.NotCompletedReason {
    /// `{"reason": "attendance"|"post-test-missing"|"post-test-below-pass-mark", …}`.
    public var jsonValue: JSONValue {
        switch self {
        case .attendance(let rate, let minimum):
            ["reason": "attendance", "attendanceRate": .figure(rate), "minimum": .figure(minimum)]
        case .postTestMissing(let form):
            ["reason": "post-test-missing", "form": .string(form)]
        case .postTestBelowPassMark(let form, let percent, let passMark):
            ["reason": "post-test-below-pass-mark", "form": .string(form), "percent": .figure(percent), "passMark": .figure(passMark)]
        }
    }
}

extension Evaluation {
    /// The whole evaluation as JSON.
    public var jsonValue: JSONValue {
        var cohortMembers = cohort.jsonMembers
        cohortMembers.insert(
            contentsOf: [
                ("registered", .number(Double(registered))), ("nPreOnly", .number(Double(preOnly))),
                ("nPostOnly", .number(Double(postOnly))), ("nNeither", .number(Double(neither))),
            ],
            at: 1
        )
        return [
            "sessions": .array(sessions.map { .string($0.id) }),
            "programs": .array(Array(Set(sessions.map(\.program))).sorted().map(JSONValue.string)),
            "smallGroupThreshold": .number(Double(options.smallGroup)),
            "cohort": .object(JSONObject(cohortMembers)),
            "attendance": [
                "meanRate": .figure(meanAttendanceRate), "meanSlotRate": .figure(meanSlotRate),
                "completed": .number(Double(completedCount)), "registered": .number(Double(registered)),
            ],
            "participants": .array(
                participants.map { participant in
                    [
                        "code": .string(participant.code), "session": .string(participant.session),
                        "pre": .figure(participant.pre), "post": .figure(participant.post), "gain": .figure(participant.gain),
                        "normalizedGain": .figure(participant.normalizedGain),
                        "attendanceRate": .figure(participant.attendanceRate),
                        "slotsAttended": .number(Double(participant.slotsAttended)), "slots": .number(Double(participant.slotsTotal)),
                        "passedPre": participant.passedPre.map(JSONValue.bool) ?? .null,
                        "passedPost": participant.passedPost.map(JSONValue.bool) ?? .null,
                        "completed": .bool(participant.completed),
                        "notCompleted": .array(participant.notCompletedReasons.map(\.jsonValue)),
                    ]
                }
            ),
            "objectives": .array(
                objectives.map { objective in
                    [
                        "module": .string(objective.module), "objective": .string(objective.objective), "n": .number(Double(objective.n)),
                        "preItems": .number(Double(objective.preItems)), "postItems": .number(Double(objective.postItems)),
                        "meanPre": .figure(objective.meanPre), "meanPost": .figure(objective.meanPost),
                        "masteryPre": .figure(objective.masteryPre), "masteryPost": .figure(objective.masteryPost),
                    ]
                }
            ),
            "modules": .array(
                modules.map { module in
                    [
                        "module": .string(module.module),
                        "preForm": module.preForm.map(JSONValue.string) ?? .null,
                        "postForm": module.postForm.map(JSONValue.string) ?? .null,
                        "items": .array(
                            module.items.map { item in
                                var value = item.jsonValue
                                if case .object(var object) = value {
                                    object["flags"] = .array((module.changeFlags[item.id] ?? []).map { .string($0.rawValue) })
                                    value = .object(object)
                                }
                                return value
                            }
                        ),
                        "itemAnalysis": .object(
                            JSONObject(module.analyses.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.jsonValue) })
                        ),
                    ]
                }
            ),
            "disaggregations": .array(
                disaggregations.map { disaggregation in
                    [
                        "by": .string(disaggregation.grouping.rawValue),
                        "groupsOverlap": .bool(disaggregation.grouping.groupsOverlap),
                        "groups": .array(
                            disaggregation.groups.map { group in
                                if group.suppressed {
                                    return [
                                        "value": .string(group.value), "suppressed": true,
                                        "registered": .string("<\(options.smallGroup)"),
                                    ]
                                }
                                var members: [(key: String, value: JSONValue)] = [
                                    ("value", .string(group.value)), ("suppressed", false),
                                    ("registered", .number(Double(group.registered))), ("nPreOnly", .number(Double(group.preOnly))),
                                    ("nPostOnly", .number(Double(group.postOnly))),
                                    ("completed", group.completed.map { .number(Double($0)) } ?? .null),
                                ]
                                if let comparison = group.comparison {
                                    members += comparison.jsonMembers
                                } else {
                                    members.append(
                                        ("n", .string(group.paired < options.smallGroup ? "<\(options.smallGroup)" : String(group.paired)))
                                    )
                                }
                                return .object(JSONObject(members))
                            }
                        ),
                    ]
                }
            ),
        ]
    }
}
