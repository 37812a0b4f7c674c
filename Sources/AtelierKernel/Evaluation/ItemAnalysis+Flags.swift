import Foundation

extension ItemFlag {
    /// Discrimination index below this: the item works against the rest of the test (CTT: check the key).
    public static let discriminationThreshold = 0.0
    /// Discriminative efficiency below this: Moodle's "dubious question" (< 15 %) [M3].
    public static let efficiencyThreshold = 0.15
    /// Facility at or above this: extremely easy (Moodle ≥ 95 %) [M13].
    public static let easyFacility = 0.95
    /// Facility at or below this: extremely difficult (Moodle ≤ 5 %) [M13].
    public static let hardFacility = 0.05
    /// Random guess score above this: unsatisfactory (Moodle > 40 %) [M13].
    public static let guessScoreThreshold = 0.40
    /// SD below this fraction of the item's maximum: unsatisfactory (Moodle < ~33 %) [M13].
    public static let itemSDThreshold = 0.33

    /// The flags an item's figures raise, in a fixed order; a nil figure raises nothing.
    ///
    /// - Parameter item: The item's statistics.
    /// - Returns: Negative discrimination, low discriminative efficiency, too easy or too hard, high
    ///   guess score, low SD, each when its figure crosses its threshold.
    public static func flags(for item: ItemStatistics) -> [ItemFlag] {
        var flags: [ItemFlag] = []
        if let discrimination = item.discriminationIndex, discrimination < discriminationThreshold {
            flags.append(
                ItemFlag(
                    kind: .negativeDiscrimination,
                    reason: "Discrimination is \(decimal(discrimination)): attempts that do well on the rest of the test "
                        + "do worse on this item; check the answer key."
                )
            )
        }
        if let efficiency = item.discriminativeEfficiency, efficiency < efficiencyThreshold {
            flags.append(
                ItemFlag(
                    kind: .lowDiscriminativeEfficiency,
                    reason: "Discriminative efficiency is \(decimal(efficiency)), below \(decimal(efficiencyThreshold)): "
                        + "Moodle marks this question as dubious."
                )
            )
        }
        if let facility = item.facility {
            if facility >= easyFacility {
                flags.append(
                    ItemFlag(
                        kind: .tooEasy,
                        reason:
                            "Facility is \(percent(facility)): almost every attempt gets full marks, so the item tells attempts apart very little."
                    )
                )
            } else if facility <= hardFacility {
                flags.append(
                    ItemFlag(
                        kind: .tooHard,
                        reason: "Facility is \(percent(facility)): almost no attempt scores on this item; check the key and the wording."
                    )
                )
            }
        }
        if let guess = item.randomGuessScore, guess > guessScoreThreshold {
            flags.append(
                ItemFlag(
                    kind: .highGuessScore,
                    reason:
                        "Random guess score is \(percent(guess)), above \(percent(guessScoreThreshold)): guessing alone earns too much of this item."
                )
            )
        }
        if let sd = item.sd, sd < itemSDThreshold {
            flags.append(
                ItemFlag(
                    kind: .lowItemSD,
                    reason: "Standard deviation is \(percent(sd)) of the item's maximum, below \(percent(itemSDThreshold)): "
                        + "the item spreads attempts very little."
                )
            )
        }
        return flags
    }

    /// A figure with two decimals and a true minus sign, e.g. "−0.31".
    private static func decimal(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        let text = String(format: "%.2f", abs(rounded))
        return rounded < 0 ? "\u{2212}" + text : text
    }

    /// A fraction as a whole percentage, e.g. "97%".
    private static func percent(_ value: Double) -> String {
        String(format: "%.0f%%", value * 100)
    }
}
