import Foundation

/// Distribution functions for the evaluation statistics.
///
/// Normal, Student t, binomial and chi-square distribution functions, with the special functions they
/// rest on (the regularized incomplete beta and gamma functions, log-gamma). Each function is written for
/// accuracy in the tails, where p-values live: upper tails are computed directly rather than as `1 - cdf`,
/// and the power terms of the incomplete beta and gamma functions use Stirling's series so that large
/// parameters (a binomial with n = 100 000, a t with a million degrees of freedom) lose no precision.
///
/// No function traps or loops without bound: a NaN argument, a negative or zero number of degrees of
/// freedom or a probability outside [0, 1] gives NaN (the quantile functions give -∞ for p ≤ 0 and +∞ for
/// p ≥ 1), and infinite arguments give the limit of the function. Against SciPy the relative error is of
/// the order of 1e-13 or better throughout, tails included.
public enum Distribution {

    // MARK: - Normal

    /// The standard normal distribution function Φ(z) = P(Z ≤ z).
    ///
    /// Computed as `erfc(-z/√2)/2`, never as `1 - erf`, so the lower tail keeps its relative precision
    /// (about 1e-13) down to z ≈ -37.5, where Φ reaches the smallest normal double; below that the result
    /// is subnormal and then 0. NaN gives NaN.
    public static func normalCDF(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        return 0.5 * erfc(-z * squareRootOfOneHalf)
    }

    /// The standard normal survival function 1 - Φ(z) = P(Z > z).
    ///
    /// Computed as `erfc(z/√2)/2`, accurate in the upper tail (z up to about 37.5). NaN gives NaN.
    public static func normalSurvival(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        return 0.5 * erfc(z * squareRootOfOneHalf)
    }

    /// The standard normal quantile Φ⁻¹(p).
    ///
    /// Wichura's algorithm AS 241 (PPND16), accurate to about one part in 10¹⁶. Probabilities near 1
    /// are handled through `1 - p`, which is exact there. `p ≤ 0` gives -∞, `p ≥ 1` gives +∞, NaN gives NaN.
    public static func normalQuantile(_ p: Double) -> Double {
        if p.isNaN { return .nan }
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let numerator =
                (((((((2.509_080_928_730_122_672_7e+3 * r + 3.343_057_558_358_812_810_5e+4) * r
                    + 6.726_577_092_700_870_085_3e+4) * r + 4.592_195_393_154_987_145_7e+4) * r
                    + 1.373_169_376_550_946_112_5e+4) * r + 1.971_590_950_306_551_442_7e+3) * r
                    + 1.331_416_678_917_843_774_5e+2) * r + 3.387_132_872_796_366_608_0e+0) * q
            let denominator =
                ((((((5.226_495_278_852_854_561_0e+3 * r + 2.872_908_573_572_194_267_4e+4) * r
                    + 3.930_789_580_009_271_061_0e+4) * r + 2.121_379_430_158_659_586_7e+4) * r
                    + 5.394_196_021_424_751_107_7e+3) * r + 6.871_870_074_920_579_083_0e+2) * r
                    + 4.231_333_070_160_091_125_2e+1) * r + 1.0
            return numerator / denominator
        }
        var r = q < 0 ? p : 1 - p
        r = (-log(r)).squareRoot()
        let magnitude: Double
        if r <= 5 {
            r -= 1.6
            let numerator =
                ((((((7.745_450_142_783_414_076_40e-4 * r + 2.272_384_498_926_918_458_33e-2) * r
                    + 2.417_807_251_774_506_117_70e-1) * r + 1.270_458_252_452_368_382_58e+0) * r
                    + 3.647_848_324_763_204_605_04e+0) * r + 5.769_497_221_460_691_405_50e+0) * r
                    + 4.630_337_846_156_545_295_90e+0) * r + 1.423_437_110_749_683_577_34e+0
            let denominator =
                ((((((1.050_750_071_644_416_843_24e-9 * r + 5.475_938_084_995_344_946_00e-4) * r
                    + 1.519_866_656_361_645_719_66e-2) * r + 1.481_039_764_274_800_745_90e-1) * r
                    + 6.897_673_349_851_000_045_50e-1) * r + 1.676_384_830_183_803_849_40e+0) * r
                    + 2.053_191_626_637_758_821_87e+0) * r + 1.0
            magnitude = numerator / denominator
        } else {
            r -= 5
            let numerator =
                ((((((2.010_334_399_292_288_132_65e-7 * r + 2.711_555_568_743_487_578_15e-5) * r
                    + 1.242_660_947_388_078_438_60e-3) * r + 2.653_218_952_657_612_309_30e-2) * r
                    + 2.965_605_718_285_048_912_30e-1) * r + 1.784_826_539_917_291_335_80e+0) * r
                    + 5.463_784_911_164_114_369_90e+0) * r + 6.657_904_643_501_103_777_20e+0
            let denominator =
                ((((((2.044_263_103_389_939_785_64e-15 * r + 1.421_511_758_316_445_888_70e-7) * r
                    + 1.846_318_317_510_054_681_80e-5) * r + 7.868_691_311_456_132_591_00e-4) * r
                    + 1.487_536_129_085_061_485_25e-2) * r + 1.369_298_809_227_358_053_10e-1) * r
                    + 5.998_322_065_558_879_376_90e-1) * r + 1.0
            magnitude = numerator / denominator
        }
        return q < 0 ? -magnitude : magnitude
    }

    // MARK: - Student t

    /// The Student t distribution function P(T ≤ t) with `df` degrees of freedom.
    ///
    /// Closed forms for df = 1 (Cauchy) and df = 2; otherwise P(T > |t|) = I_x(df/2, 1/2)/2 with
    /// x = df/(df + t²), through the regularized incomplete beta function with 1 - x formed as t²/(df + t²)
    /// so that no precision is lost for large df (df = 10⁶ and beyond stay accurate; above 10²⁰ the normal
    /// distribution is used). `df` may be any positive real number; `df = +∞` is the standard normal. NaN
    /// arguments or `df ≤ 0` give NaN; `t = ±∞` gives 1 or 0.
    public static func studentTCDF(_ t: Double, degreesOfFreedom df: Double) -> Double {
        if t.isNaN { return .nan }
        return t < 0 ? studentTTail(-t, df) : 1 - studentTTail(t, df)
    }

    /// The Student t survival function P(T > t) with `df` degrees of freedom.
    ///
    /// Accurate in the upper tail (for example `studentTSurvival(50, degreesOfFreedom: 3)` ≈ 8.7e-6 to
    /// full precision). Same domain rules as ``studentTCDF(_:degreesOfFreedom:)``.
    public static func studentTSurvival(_ t: Double, degreesOfFreedom df: Double) -> Double {
        if t.isNaN { return .nan }
        return t >= 0 ? studentTTail(t, df) : 1 - studentTTail(-t, df)
    }

    /// The two-sided p-value of a t statistic, 2·P(T > |t|), clamped to [0, 1].
    ///
    /// `t = ±∞` gives 0; NaN arguments or `df ≤ 0` give NaN.
    public static func studentTTwoSidedP(_ t: Double, degreesOfFreedom df: Double) -> Double {
        if t.isNaN { return .nan }
        let tail = studentTTail(abs(t), df)
        if tail.isNaN { return .nan }
        return min(1, max(0, 2 * tail))
    }

    /// The Student t quantile: the t with P(T ≤ t) = p, for `df` degrees of freedom.
    ///
    /// Closed forms for df = 1 and df = 2; otherwise a safeguarded Newton iteration on the log of the
    /// tail probability, started from the Cornish–Fisher expansion, so that the result is as accurate as
    /// ``studentTSurvival(_:degreesOfFreedom:)`` itself. The 95% confidence-interval multiplier is
    /// `studentTQuantile(0.975, degreesOfFreedom: df)`. `p ≤ 0` gives -∞, `p ≥ 1` gives +∞; NaN or
    /// `df ≤ 0` gives NaN.
    public static func studentTQuantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        if p.isNaN || df.isNaN || df <= 0 { return .nan }
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        if p == 0.5 { return 0 }
        // Work with the smaller tail probability; 1 - p is exact for p in [0.5, 1].
        let tailProbability = p < 0.5 ? p : 1 - p
        let sign: Double = p < 0.5 ? -1 : 1
        return sign * studentTUpperQuantile(tailProbability, df)
    }

    // MARK: - Binomial

    /// The binomial distribution function P(X ≤ k) for X ~ Binomial(n, p).
    ///
    /// `k < 0` gives 0 and `k ≥ n` gives 1. For p = 1/2 and n ≤ 1000 the sum of binomial coefficients is
    /// formed directly (exact for small n, e.g. P(X ≤ 0) = 1/256 for n = 8); otherwise the identity
    /// P(X ≤ k) = I₁₋ₚ(n - k, k + 1) with the regularized incomplete beta function, accurate for n in the
    /// hundreds of thousands. A negative `n`, or `p` outside [0, 1] or NaN, gives NaN.
    public static func binomialCDF(_ k: Int, trials n: Int, probability p: Double) -> Double {
        guard n >= 0, p >= 0, p <= 1 else { return .nan }
        if k < 0 { return 0 }
        if k >= n { return 1 }
        if p == 0 { return 1 }
        if p == 1 { return 0 }
        if p == 0.5, n <= halfBinomialSummationLimit {
            return halfBinomialCDF(k, trials: n)
        }
        return incompleteBetaPair(x: 1 - p, y: p, a: Double(n - k), b: Double(k + 1)).lower
    }

    /// The exact two-sided binomial test p-value for p = 1/2 (the exact McNemar test on discordant pairs).
    ///
    /// `min(1, 2·P(X ≤ min(k, n - k)))` for X ~ Binomial(n, 1/2), so k = 0, n = 8 gives exactly
    /// 2/256 = 0.0078125 and k = n/2 gives 1. `n = 0` gives 1; a negative `n`, or `k` outside 0...n, gives NaN.
    public static func binomialTwoSidedP(_ k: Int, trials n: Int) -> Double {
        guard n >= 0, k >= 0, k <= n else { return .nan }
        if n == 0 { return 1 }
        let smaller = min(k, n - k)
        return min(1, 2 * binomialCDF(smaller, trials: n, probability: 0.5))
    }

    // MARK: - Chi-square

    /// The chi-square survival function P(X > x) with `df` degrees of freedom.
    ///
    /// The regularized upper incomplete gamma function Q(df/2, x/2), computed directly in the upper tail.
    /// `x ≤ 0` gives 1 and `x = +∞` gives 0; NaN arguments, `df ≤ 0` or an infinite `df` give NaN.
    public static func chiSquareSurvival(_ x: Double, degreesOfFreedom df: Double) -> Double {
        guard !x.isNaN, df.isFinite, df > 0 else { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        return incompleteGammaPair(a: 0.5 * df, x: 0.5 * x).upper
    }

    // MARK: - Special functions

    /// The regularized incomplete beta function Iₓ(a, b).
    ///
    /// The continued fraction (in its even contraction, free of cancellation near x = 1) evaluated with the
    /// modified Lentz algorithm on the side x < (a+1)/(a+b+2) where it converges, using
    /// Iₓ(a, b) = 1 - I₁₋ₓ(b, a) otherwise, with the power term xᵃ(1-x)ᵇ/B(a, b) taken from Stirling's series
    /// when a and b are large. `x` must lie in [0, 1] and `a`, `b` be finite and positive; otherwise the
    /// result is NaN. When both a and b exceed 10¹³ the continued fraction can no longer be evaluated
    /// accurately and the result is NaN; one large parameter alone is fine.
    public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        guard x >= 0, x <= 1, a > 0, b > 0, a.isFinite, b.isFinite else { return .nan }
        return incompleteBetaPair(x: x, y: 1 - x, a: a, b: b).lower
    }

    /// The natural logarithm of the absolute value of the gamma function, log |Γ(x)|.
    ///
    /// Wraps the C library's `lgamma`. Poles (0 and the negative integers) give +∞; NaN gives NaN.
    public static func logGamma(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return lgamma(x)
    }
}

// MARK: - Implementation

extension Distribution {
    /// 1/√2.
    private static let squareRootOfOneHalf = 0.707_106_781_186_547_524_400_844_362_104_849_04
    /// log √(2π).
    private static let logSquareRootOfTwoPi = 0.918_938_533_204_672_741_780_329_736_405_617_64
    /// Relative precision at which the series and continued fractions stop.
    private static let convergenceTolerance = 1e-16
    /// Guard against division by zero in the Lentz algorithm.
    private static let tiny = 1e-300
    /// Above this many degrees of freedom the t distribution is the normal one to double precision.
    private static let normalDegreesOfFreedom = 1e20
    /// Largest n for which the p = 1/2 binomial CDF sums coefficients directly (2⁻ⁿ stays a normal double).
    private static let halfBinomialSummationLimit = 1000
    /// Beyond this, with both beta parameters this large, the continued fraction is no longer accurate.
    private static let maximumSmallerBetaParameter = 1e13
    /// From this shape parameter on, the incomplete gamma function uses Temme's uniform expansion.
    private static let uniformGammaThreshold = 1e8

    /// P(T > t) for t ≥ 0 (or NaN for invalid arguments).
    private static func studentTTail(_ t: Double, _ df: Double) -> Double {
        guard !t.isNaN, !df.isNaN, df > 0 else { return .nan }
        if t == .infinity { return 0 }
        if t == 0 { return 0.5 }
        if df == 1 {
            // Cauchy: P(T > t) = atan(1/t)/π, with no cancellation in the tail.
            return atan(1 / t) / Double.pi
        }
        if df == 2 {
            // P(T > t) = (1 - t/√(t²+2))/2 = 1/(h(h + t)) with h = √(t²+2).
            let h = hypot(t, 2.0.squareRoot())
            return 1 / (h * (h + t))
        }
        if df > normalDegreesOfFreedom { return normalSurvival(t) }
        let a = 0.5 * df
        if t > 1e100 {
            // Far tail: Iₓ(a, 1/2) ≈ xᵃ/(a·B(a, 1/2)) with x = df/t², relative error O(x).
            let logTail = a * (log(df) - 2 * log(t)) - log(a) - logBeta(a, 0.5)
            return 0.5 * exp(logTail)
        }
        let tSquared = t * t
        let x = df / (df + tSquared)
        let y = tSquared / (df + tSquared)
        return 0.5 * incompleteBetaPair(x: x, y: y, a: a, b: 0.5).lower
    }

    /// The Student t density at t.
    private static func studentTDensity(_ t: Double, _ df: Double) -> Double {
        // log(1 + t²/df), without overflowing t² in the far tail.
        let logKernel = abs(t) > 1e100 ? 2 * log(abs(t)) - log(df) : log1p(t * t / df)
        let logDensity = -0.5 * (df + 1) * logKernel - 0.5 * log(df) - logBeta(0.5 * df, 0.5)
        return exp(logDensity)
    }

    /// The t > 0 with P(T > t) = q, for 0 < q < 1/2.
    private static func studentTUpperQuantile(_ q: Double, _ df: Double) -> Double {
        if df == 1 { return 1 / tan(Double.pi * q) }
        if df == 2 { return (1 - 2 * q) / (2 * q * (1 - q)).squareRoot() }
        let z = -normalQuantile(q)
        if df > normalDegreesOfFreedom { return z }

        // Starting point: the Cornish–Fisher expansion, or the power-law tail if that lies further out.
        let z2 = z * z
        let g1 = z * (z2 + 1) / 4
        let g2 = z * ((5 * z2 + 16) * z2 + 3) / 96
        let g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384
        let g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160
        let cornishFisher = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df
        let logPowerTail = ((0.5 * df - 1) * log(df) - logBeta(0.5 * df, 0.5) - log(q)) / df
        var t = max(cornishFisher, exp(min(logPowerTail, 700)))
        if !(t.isFinite && t > 0) { t = max(z, 1) }

        // A quantile beyond the largest double is +∞.
        var upper = Double.greatestFiniteMagnitude
        let tailAtUpper = studentTTail(upper, df)
        if tailAtUpper.isNaN { return .nan }
        if tailAtUpper > q { return .infinity }
        if tailAtUpper == q { return upper }
        var lower = 0.0
        t = min(t, upper)

        // Safeguarded Newton on u = log t: g(u) = log P(T > eᵘ) - log q, g'(u) = -t·f(t)/P(T > t). A step
        // that leaves the bracket [lower, upper] is replaced by bisection, geometric while the bracket spans
        // more than a factor of 2.
        let logQ = log(q)
        for _ in 0..<300 {
            let tail = studentTTail(t, df)
            if tail.isNaN { return .nan }
            if tail == q { return t }
            if tail > q { lower = t } else { upper = t }
            var next = Double.nan
            let density = studentTDensity(t, df)
            if tail > 0, density > 0 {
                next = t * exp((log(tail) - logQ) * tail / (t * density))
            }
            if !(next > lower && next < upper) {
                let floor = max(lower, Double.leastNormalMagnitude)
                next = upper > 2 * floor ? exp(0.5 * (log(floor) + log(upper))) : 0.5 * (lower + upper)
            }
            if abs(next - t) <= 2e-16 * t || upper - lower <= 2e-16 * upper {
                return next
            }
            t = next
        }
        return t
    }

    /// P(X ≤ k) for X ~ Binomial(n, 1/2), 0 ≤ k < n ≤ 1000, by summing binomial coefficients.
    ///
    /// The coefficients are exact integers while they stay below 2⁵³, and 2⁻ⁿ is an exact power of two.
    private static func halfBinomialCDF(_ k: Int, trials n: Int) -> Double {
        var coefficient = 1.0
        var sum = 1.0
        var j = 0
        while j < k {
            coefficient = coefficient * Double(n - j) / Double(j + 1)
            sum += coefficient
            j += 1
        }
        return min(1, sum * Double(sign: .plus, exponent: -n, significand: 1))
    }

    /// Iₓ(a, b) and 1 - Iₓ(a, b), each accurate, given x and y = 1 - x separately (a, b > 0).
    private static func incompleteBetaPair(x: Double, y: Double, a: Double, b: Double) -> (lower: Double, upper: Double) {
        guard !x.isNaN, !y.isNaN, a > 0, b > 0, a.isFinite, b.isFinite else { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        if min(a, b) > maximumSmallerBetaParameter { return (.nan, .nan) }
        // Use the side where the continued fraction converges: x < (a+1)/(a+b+2), tested on the smaller
        // of x and y so that the comparison survives x rounding to 1.
        let useComplement = x < 0.5 ? x * (a + b + 2) > a + 1 : y * (a + b + 2) < b + 1
        if useComplement {
            let upper = betaContinuedFraction(x: y, y: x, a: b, b: a)
            return (1 - upper, upper)
        }
        let lower = betaContinuedFraction(x: x, y: y, a: a, b: b)
        return (lower, 1 - lower)
    }

    /// Iₓ(a, b) by its continued fraction, for x < (a+1)/(a+b+2).
    ///
    /// The continued fraction Iₓ(a,b) = xᵃyᵇ/(a·B(a,b)) · 1/(1 + d₁/(1 + d₂/(1 + ···))) has partial numerators
    /// d₂ₘ₊₁ = -(a+m)(a+b+m)x/((a+2m)(a+2m+1)) and d₂ₘ = m(b-m)x/((a+2m-1)(a+2m)). When x is close to 1 and a
    /// is large (the t distribution with many degrees of freedom) each d₂ₘ₊₁ is close to -1 and 1 + d₂ₘ₊₁
    /// cancels. So the even contraction is evaluated instead: 1/(1 + d₁/E) = 1 - d₁/(E + d₁) with
    /// E + d₁ = β₁ + α₂/(β₂ + α₃/(β₃ + ···)), βₖ = (1 + d₂ₖ₋₁) + d₂ₖ and αₖ₊₁ = -d₂ₖ·d₂ₖ₊₁, where
    /// 1 + d₂ₘ₊₁ is formed from y = 1 - x without cancellation (see ``onePlusOddTerm``). The fraction is
    /// evaluated with the modified Lentz algorithm.
    private static func betaContinuedFraction(x: Double, y: Double, a: Double, b: Double) -> Double {
        let front = betaPowerTerms(x: x, y: y, a: a, b: b)
        if front == 0 { return 0 }
        func oddTerm(_ m: Double) -> Double { -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)) }
        func evenTerm(_ m: Double) -> Double { m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)) }

        var value = onePlusOddTerm(0, x: x, y: y, a: a, b: b) + evenTerm(1)
        if abs(value) < tiny { value = tiny }
        var c = value
        var d = 0.0
        // The number of terms needed grows like √max(a, b); the bound is far above that.
        let iterationLimit = 1000 + Int(min(1e7, 20 * max(a, b).squareRoot()))
        var k = 1
        while k <= iterationLimit {
            let kk = Double(k)
            let numerator = -evenTerm(kk) * oddTerm(kk)
            let denominator = onePlusOddTerm(kk, x: x, y: y, a: a, b: b) + evenTerm(kk + 1)
            d = denominator + numerator * d
            if abs(d) < tiny { d = tiny }
            c = denominator + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = c * d
            value *= delta
            if abs(delta - 1) <= convergenceTolerance {
                let fraction = 1 - oddTerm(0) / value
                return min(1, front * fraction / a)
            }
            k += 1
        }
        return .nan
    }

    /// 1 + d₂ₘ₊₁ = 1 - x·(a+m)(a+b+m)/((a+2m)(a+2m+1)), without cancellation when x is close to 1.
    ///
    /// Written as (y·(a+m)(a+b+m) + a(2m+1-b) + m(3m+2-b)) / ((a+2m)(a+2m+1)). Its terms are all
    /// non-negative when b ≤ 2m+1, and no larger than about max(y, b/a) relative to 1 when b ≤ a; the
    /// direct form 1 - x·(···) is used only when b exceeds both, where it is the better of the two.
    private static func onePlusOddTerm(_ m: Double, x: Double, y: Double, a: Double, b: Double) -> Double {
        let denominator = (a + 2 * m) * (a + 2 * m + 1)
        if b <= max(2 * m + 1, a) {
            return (y * (a + m) * (a + b + m) + a * (2 * m + 1 - b) + m * (3 * m + 2 - b)) / denominator
        }
        return 1 - x * ((a + m) * (a + b + m) / denominator)
    }

    /// xᵃ yᵇ / B(a, b), with y = 1 - x.
    ///
    /// For a, b ≥ 10 Stirling's series is used so that the large logarithms cancel analytically:
    /// xᵃyᵇ/B(a,b) = √(ab/(2π(a+b))) · ((a+b)x/a)ᵃ · ((a+b)y/b)ᵇ · e^(c(a+b) - c(a) - c(b)), where c is the
    /// Stirling correction and the two powers are exp(a·log1pmx(δ/a) + b·log1pmx(-δ/b)) with δ = (a+b)x - a.
    private static func betaPowerTerms(x: Double, y: Double, a: Double, b: Double) -> Double {
        let logX = x < 0.5 ? log(x) : log1p(-y)
        let logY = y < 0.5 ? log(y) : log1p(-x)
        if a >= 10, b >= 10 {
            // a·log((a+b)x/a) - δ and b·log((a+b)y/b) + δ, each by the form that does not cancel.
            let delta = x * b - y * a
            let termA =
                abs(delta) <= 0.5 * a
                ? a * logOnePlusMinus(delta / a) : a * (logX + log1p(b / a)) - delta
            let termB =
                abs(delta) <= 0.5 * b
                ? b * logOnePlusMinus(-delta / b) : b * (logY + log1p(a / b)) + delta
            let exponent = termA + termB + stirlingCorrection(a + b) - stirlingCorrection(a) - stirlingCorrection(b)
            let scale = (a * (b / (a + b))).squareRoot() * exp(-logSquareRootOfTwoPi)
            return scale * exp(exponent)
        }
        return exp(a * logX + b * logY - logBeta(a, b))
    }

    /// P(a, x) and Q(a, x) = 1 - P(a, x), the regularized incomplete gamma functions (a > 0, x > 0).
    private static func incompleteGammaPair(a: Double, x: Double) -> (lower: Double, upper: Double) {
        guard a > 0, a.isFinite, !x.isNaN else { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if x == .infinity { return (1, 0) }
        if a >= uniformGammaThreshold { return incompleteGammaUniform(a: a, x: x) }
        let front: Double
        if a >= 10 {
            front = exp(a * logOnePlusMinus((x - a) / a) - stirlingCorrection(a)) * (a.squareRoot() * exp(-logSquareRootOfTwoPi))
        } else {
            front = exp(a * log(x) - x - lgamma(a))
        }
        let iterationLimit = 1000 + Int(min(1e7, 20 * a.squareRoot()))
        if x < a + 1 {
            // Series: P(a, x) = front · Σ xⁿ / (a (a+1) ··· (a+n)).
            var denominator = a
            var term = 1 / a
            var sum = term
            var n = 0
            while n < iterationLimit {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) <= abs(sum) * convergenceTolerance {
                    let lower = min(1, front * sum)
                    return (lower, 1 - lower)
                }
                n += 1
            }
            return (.nan, .nan)
        }
        // Continued fraction for Q(a, x) (modified Lentz).
        var bTerm = x + 1 - a
        var c = 1 / tiny
        var d = 1 / bTerm
        var fraction = d
        var i = 1
        while i <= iterationLimit {
            let ii = Double(i)
            let aTerm = -ii * (ii - a)
            bTerm += 2
            d = aTerm * d + bTerm
            if abs(d) < tiny { d = tiny }
            c = bTerm + aTerm / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) <= convergenceTolerance {
                let upper = min(1, front * fraction)
                return (1 - upper, upper)
            }
            i += 1
        }
        return (.nan, .nan)
    }

    /// P(a, x) and Q(a, x) for very large a, by Temme's uniform asymptotic expansion (DLMF 8.12.3–8.12.8).
    ///
    /// Q(a, x) = erfc(η√(a/2))/2 + e^(-aη²/2)/√(2πa) · (c₀(η) + O(1/a)), with λ = x/a,
    /// η²/2 = λ - 1 - log λ (sign of λ - 1) and c₀(η) = 1/(λ - 1) - 1/η. The neglected term is below
    /// 1e-15 relative for a ≥ 10⁸, where the series and continued fraction would need tens of thousands of
    /// terms.
    private static func incompleteGammaUniform(a: Double, x: Double) -> (lower: Double, upper: Double) {
        let u = (x - a) / a
        let halfEtaSquared = -logOnePlusMinus(u)
        let eta = (u < 0 ? -1.0 : 1.0) * (2 * halfEtaSquared).squareRoot()
        let c0: Double
        if abs(eta) < 0.01 {
            // Taylor series of c₀ about η = 0 (the closed form cancels there).
            c0 = -1.0 / 3 + eta * (1.0 / 12 + eta * (-2.0 / 135 + eta * (1.0 / 864 + eta * (1.0 / 2835 - eta * 139.0 / 777_600))))
        } else {
            c0 = 1 / u - 1 / eta
        }
        let remainder = exp(-a * halfEtaSquared) / (2 * Double.pi * a).squareRoot() * c0
        let scaled = eta * (0.5 * a).squareRoot()
        let upper = min(1, max(0, 0.5 * erfc(scaled) + remainder))
        let lower = min(1, max(0, 0.5 * erfc(-scaled) - remainder))
        return (lower, upper)
    }

    /// log B(a, b) for a, b > 0, without the cancellation of lgamma(a) + lgamma(b) - lgamma(a+b) when
    /// a or b is large.
    private static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b)
        let q = max(a, b)
        if p >= 10 {
            let correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q)
            return -0.5 * log(q) + logSquareRootOfTwoPi + correction + (p - 0.5) * log(p / (p + q)) + q * log1p(-p / (p + q))
        }
        if q >= 10 {
            let correction = stirlingCorrection(q) - stirlingCorrection(p + q)
            return lgamma(p) + correction + p - p * log(p + q) + (q - 0.5) * log1p(-p / (p + q))
        }
        return lgamma(p) + lgamma(q) - lgamma(p + q)
    }

    /// The remainder of Stirling's series, lgamma(x) - ((x - 1/2) log x - x + log √(2π)), for x ≥ 10.
    ///
    /// Eight terms of the asymptotic series; the first omitted term is below 2e-18 at x = 10.
    private static func stirlingCorrection(_ x: Double) -> Double {
        let inverse = 1 / x
        let inverse2 = inverse * inverse
        var series = -3617.0 / 122_400
        series = series * inverse2 + 1.0 / 156
        series = series * inverse2 - 691.0 / 360_360
        series = series * inverse2 + 1.0 / 1188
        series = series * inverse2 - 1.0 / 1680
        series = series * inverse2 + 1.0 / 1260
        series = series * inverse2 - 1.0 / 360
        series = series * inverse2 + 1.0 / 12
        return series * inverse
    }

    /// log(1 + u) - u, accurate for small u (u > -1).
    ///
    /// For |u| ≤ 1/2 the series in s = u/(2+u): log(1+u) - u = -s·u + 2(s³/3 + s⁵/5 + ···).
    private static func logOnePlusMinus(_ u: Double) -> Double {
        if u.isNaN || u < -1 { return .nan }
        if abs(u) > 0.5 { return log1p(u) - u }
        let s = u / (2 + u)
        let s2 = s * s
        var power = s * s2
        var sum = 0.0
        var k = 3.0
        while k < 100 {
            let term = power / k
            sum += term
            if abs(term) <= abs(sum) * 1e-17 { break }
            power *= s2
            k += 2
        }
        return -s * u + 2 * sum
    }
}
