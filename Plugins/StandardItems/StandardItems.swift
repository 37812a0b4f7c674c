import AtelierKernel

/// The standard item types, in the order authors see them listed.
public enum StandardItems {
    /// Single choice, multiple response, true/false, matching, ordering, numeric, short text and Likert.
    public static let all: [any ItemType] = [
        SingleChoice(), MultipleResponse(), TrueFalse(), Matching(), Ordering(), Numeric(), ShortText(), Likert(),
    ]
}
