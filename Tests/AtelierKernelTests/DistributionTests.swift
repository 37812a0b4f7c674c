import Foundation
import Testing

@testable import AtelierKernel

// Reference values were computed with SciPy 1.17.1 (NumPy 2), printed with repr(); each line names the call.

/// Relative tolerance for reference values of ordinary size (probabilities ≥ 1e-4, quantiles, log-gamma).
private let centralTolerance = 1e-10

/// Relative tolerance for tail probabilities below 1e-4.
private let tailTolerance = 1e-9

/// |value - expected| / |expected| (absolute difference when expected is 0; NaN when value is NaN).
private func relativeError(_ value: Double, _ expected: Double) -> Double {
    if value == expected { return 0 }
    if expected == 0 { return abs(value) }
    return abs(value - expected) / abs(expected)
}

/// The tolerance for a reference probability: tighter in the body, looser in the tails.
private func probabilityTolerance(_ expected: Double) -> Double {
    abs(expected) >= 1e-4 ? centralTolerance : tailTolerance
}

// MARK: - Reference tables

private let normalCDFCases: [(Double, Double)] = [
    (0.0, 0.5),  // scipy.stats.norm.cdf(0.0) = 0.5
    (1.96, 0.9750021048517795),  // scipy.stats.norm.cdf(1.96) = 0.9750021048517795
    (-1.96, 0.024997895148220435),  // scipy.stats.norm.cdf(-1.96) = 0.024997895148220435
    (-3.5, 0.00023262907903552502),  // scipy.stats.norm.cdf(-3.5) = 0.00023262907903552502
    (-8.0, 6.22096057427174e-16),  // scipy.stats.norm.cdf(-8.0) = 6.22096057427174e-16
    (-20.0, 2.7536241186061556e-89),  // scipy.stats.norm.cdf(-20.0) = 2.7536241186061556e-89
    (-37.5, 4.605353009581954e-308),  // scipy.stats.norm.cdf(-37.5) = 4.605353009581954e-308
]

private let normalSurvivalCases: [(Double, Double)] = [
    (-1.96, 0.9750021048517795),  // scipy.stats.norm.sf(-1.96) = 0.9750021048517795
    (1.96, 0.024997895148220435),  // scipy.stats.norm.sf(1.96) = 0.024997895148220435
    (8.0, 6.22096057427174e-16),  // scipy.stats.norm.sf(8.0) = 6.22096057427174e-16
    (20.0, 2.7536241186061556e-89),  // scipy.stats.norm.sf(20.0) = 2.7536241186061556e-89
    (37.5, 4.605353009581954e-308),  // scipy.stats.norm.sf(37.5) = 4.605353009581954e-308
]

private let normalQuantileCases: [(Double, Double)] = [
    (0.5, 0.0),  // scipy.stats.norm.ppf(0.5) = 0.0
    (0.975, 1.959963984540054),  // scipy.stats.norm.ppf(0.975) = 1.959963984540054
    (0.025, -1.9599639845400545),  // scipy.stats.norm.ppf(0.025) = -1.9599639845400545
    (0.3, -0.5244005127080409),  // scipy.stats.norm.ppf(0.3) = -0.5244005127080409
    (1e-10, -6.361340902404056),  // scipy.stats.norm.ppf(1e-10) = -6.361340902404056
    (1 - 1e-12, 7.0344869100478356),  // scipy.stats.norm.ppf(1 - 1e-12) = 7.0344869100478356
    (1e-300, -37.0470962993612),  // scipy.stats.norm.ppf(1e-300) = -37.0470962993612
]

/// (t, df, P(T > t)).
private let studentTSurvivalCases: [(Double, Double, Double)] = [
    (-2.5, 1.0, 0.8788810584091566),  // scipy.stats.t.sf(-2.5, 1) = 0.8788810584091566
    (0.5, 1.0, 0.35241638234956674),  // scipy.stats.t.sf(0.5, 1) = 0.35241638234956674
    (1.96, 1.0, 0.15017144588801656),  // scipy.stats.t.sf(1.96, 1) = 0.15017144588801656
    (7.0, 1.0, 0.04516723530086655),  // scipy.stats.t.sf(7.0, 1) = 0.04516723530086655
    (50.0, 1.0, 0.006365349100972797),  // scipy.stats.t.sf(50.0, 1) = 0.006365349100972797
    (-2.5, 2.0, 0.9351941398892446),  // scipy.stats.t.sf(-2.5, 2) = 0.9351941398892446
    (0.5, 2.0, 0.33333333333333337),  // scipy.stats.t.sf(0.5, 2) = 0.33333333333333337
    (1.96, 2.0, 0.09452865480086614),  // scipy.stats.t.sf(1.96, 2) = 0.09452865480086614
    (7.0, 2.0, 0.00990197059019657),  // scipy.stats.t.sf(7.0, 2) = 0.00990197059019657
    (50.0, 2.0, 0.00019988007994404028),  // scipy.stats.t.sf(50.0, 2) = 0.00019988007994404028
    (-2.5, 3.0, 0.9561466764959672),  // scipy.stats.t.sf(-2.5, 3) = 0.9561466764959672
    (0.5, 3.0, 0.3257239824240755),  // scipy.stats.t.sf(0.5, 3) = 0.3257239824240755
    (1.96, 3.0, 0.07242610428242682),  // scipy.stats.t.sf(1.96, 3) = 0.07242610428242682
    (7.0, 3.0, 0.0029931278488535486),  // scipy.stats.t.sf(7.0, 3) = 0.0029931278488535486
    (50.0, 3.0, 8.808576020635984e-06),  // scipy.stats.t.sf(50.0, 3) = 8.808576020635984e-06
    (-2.5, 7.0, 0.9795038907071235),  // scipy.stats.t.sf(-2.5, 7) = 0.9795038907071235
    (0.5, 7.0, 0.3162035678446422),  // scipy.stats.t.sf(0.5, 7) = 0.3162035678446422
    (1.96, 7.0, 0.04540984768409056),  // scipy.stats.t.sf(1.96, 7) = 0.04540984768409056
    (7.0, 7.0, 0.00010577742597293623),  // scipy.stats.t.sf(7.0, 7) = 0.00010577742597293623
    (50.0, 7.0, 1.67562629777502e-10),  // scipy.stats.t.sf(50.0, 7) = 1.67562629777502e-10
    (-2.5, 29.0, 0.9908373278307869),  // scipy.stats.t.sf(-2.5, 29) = 0.9908373278307869
    (0.5, 29.0, 0.3104240420968906),  // scipy.stats.t.sf(0.5, 29) = 0.3104240420968906
    (1.96, 29.0, 0.029833897759795665),  // scipy.stats.t.sf(1.96, 29) = 0.029833897759795665
    (7.0, 29.0, 5.3501357651107e-08),  // scipy.stats.t.sf(7.0, 29) = 5.3501357651107e-08
    (50.0, 29.0, 5.374311992786222e-30),  // scipy.stats.t.sf(50.0, 29) = 5.374311992786222e-30
    (-2.5, 1000.0, 0.9937107160994546),  // scipy.stats.t.sf(-2.5, 1000) = 0.9937107160994546
    (0.5, 1000.0, 0.30859254041693734),  // scipy.stats.t.sf(0.5, 1000) = 0.30859254041693734
    (1.96, 1000.0, 0.025136592477874368),  // scipy.stats.t.sf(1.96, 1000) = 0.025136592477874368
    (7.0, 1000.0, 2.3437512833857203e-12),  // scipy.stats.t.sf(7.0, 1000) = 2.3437512833857203e-12
    (50.0, 1000.0, 1.379336206162586e-274),  // scipy.stats.t.sf(50.0, 1000) = 1.379336206162586e-274
    (-2.5, 1000000.0, 0.9937902552489184),  // scipy.stats.t.sf(-2.5, 1000000.0) = 0.9937902552489184
    (0.5, 1000000.0, 0.3085375937361857),  // scipy.stats.t.sf(0.5, 1000000.0) = 0.3085375937361857
    (1.96, 1000000.0, 0.024998033792634926),  // scipy.stats.t.sf(1.96, 1000000.0) = 0.024998033792634926
    (7.0, 1000000.0, 1.280612055687042e-12),  // scipy.stats.t.sf(7.0, 1000000.0) = 1.280612055687042e-12
    (12.0, 1000000.0, 1.785842562382547e-33),  // scipy.stats.t.sf(12.0, 1000000.0) = 1.785842562382547e-33
    // Far beyond a million degrees of freedom, where the plain continued fraction would lose digits.
    (1.96, 10000000000.0, 0.024997895162084886),  // scipy.stats.t.sf(1.96, 10000000000.0) = 0.024997895162084886
    (7.0, 10000000000.0, 1.2798126238146499e-12),  // scipy.stats.t.sf(7.0, 10000000000.0) = 1.2798126238146499e-12
    (1.96, 100000000000000.0, 0.024997895148221826),  // scipy.stats.t.sf(1.96, 100000000000000.0) = 0.024997895148221826
    (12.0, 100000000000000.0, 1.7764821121710915e-33),  // scipy.stats.t.sf(12.0, 100000000000000.0) = 1.7764821121710915e-33
    (3.0, 1e18, 0.0013498980316300954),  // scipy.stats.t.sf(3.0, 1e+18) = 0.0013498980316300954
]

/// (t, df, P(T ≤ t)).
private let studentTCDFCases: [(Double, Double, Double)] = [
    (-2.5, 1.0, 0.12111894159084341),  // scipy.stats.t.cdf(-2.5, 1) = 0.12111894159084341
    (-7.0, 2.0, 0.00990197059019657),  // scipy.stats.t.cdf(-7.0, 2) = 0.00990197059019657
    (-12.0, 3.0, 0.0006225079003946681),  // scipy.stats.t.cdf(-12.0, 3) = 0.0006225079003946681
    (-7.0, 7.0, 0.00010577742597293623),  // scipy.stats.t.cdf(-7.0, 7) = 0.00010577742597293623
    (-3.0, 29.0, 0.002749596066951706),  // scipy.stats.t.cdf(-3.0, 29) = 0.002749596066951706
    (-5.0, 1000.0, 3.3836281823243174e-07),  // scipy.stats.t.cdf(-5.0, 1000) = 3.3836281823243174e-07
    (-5.0, 1000000.0, 2.8669989354453723e-07),  // scipy.stats.t.cdf(-5.0, 1000000.0) = 2.8669989354453723e-07
    (1.5, 7.0, 0.911350756505015),  // scipy.stats.t.cdf(1.5, 7) = 0.911350756505015
    (0.0, 3.0, 0.5),  // scipy.stats.t.cdf(0.0, 3) = 0.5
    (-50.0, 3.0, 8.808576020635984e-06),  // scipy.stats.t.cdf(-50.0, 3) = 8.808576020635984e-06
    (-0.3, 4.5, 0.38876677351971567),  // scipy.stats.t.cdf(-0.3, 4.5) = 0.38876677351971567
]

/// (t, df, two-sided p).
private let studentTTwoSidedCases: [(Double, Double, Double)] = [
    (7.0, 7.0, 0.00021155485194587247),  // 2 * scipy.stats.t.sf(7.0, 7) = 0.00021155485194587247
    (-7.0, 7.0, 0.00021155485194587247),  // 2 * scipy.stats.t.sf(7.0, 7) = 0.00021155485194587247
    (2.045, 29.0, 0.050024075922411614),  // 2 * scipy.stats.t.sf(2.045, 29) = 0.050024075922411614
    (50.0, 3.0, 1.761715204127197e-05),  // 2 * scipy.stats.t.sf(50.0, 3) = 1.761715204127197e-05
    (0.1, 1.0, 0.936548965138893),  // 2 * scipy.stats.t.sf(0.1, 1) = 0.936548965138893
    (12.0, 3.0, 0.0012450158007893362),  // 2 * scipy.stats.t.sf(12.0, 3) = 0.0012450158007893362
    (3.0, 1000000.0, 0.0026998625414218),  // 2 * scipy.stats.t.sf(3.0, 1000000.0) = 0.0026998625414218
]

/// (p, df, quantile).
private let studentTQuantileCases: [(Double, Double, Double)] = [
    (0.975, 1.0, 12.706204736174694),  // scipy.stats.t.ppf(0.975, 1) = 12.706204736174694
    (0.975, 2.0, 4.302652729749462),  // scipy.stats.t.ppf(0.975, 2) = 4.302652729749462
    (0.975, 7.0, 2.364624251592784),  // scipy.stats.t.ppf(0.975, 7) = 2.364624251592784
    (0.975, 29.0, 2.045229642132703),  // scipy.stats.t.ppf(0.975, 29) = 2.045229642132703
    (0.975, 1000.0, 1.9623390808264083),  // scipy.stats.t.ppf(0.975, 1000) = 1.9623390808264083
    (0.975, 1000000.0, 1.959966356814107),  // scipy.stats.t.ppf(0.975, 1000000.0) = 1.959966356814107
    (0.025, 7.0, -2.3646242515927844),  // scipy.stats.t.ppf(0.025, 7) = -2.3646242515927844
    (1e-10, 3.0, -2225.769284683093),  // scipy.stats.t.ppf(1e-10, 3) = -2225.769284683093
    (0.6, 5.5, 0.2658994571379175),  // scipy.stats.t.ppf(0.6, 5.5) = 0.2658994571379175
    (1 - 1e-12, 7.0, 104.02215819037056),  // scipy.stats.t.ppf(1 - 1e-12, 7) = 104.02215819037056
    (0.995, 4.0, 4.604094871349992),  // scipy.stats.t.ppf(0.995, 4) = 4.604094871349992
    (1e-20, 1.5, -11245005997832.137),  // scipy.stats.t.ppf(1e-20, 1.5) = -11245005997832.137
]

/// (k, n, p, P(X ≤ k)).
private let binomialCDFCases: [(Int, Int, Double, Double)] = [
    (0, 8, 0.5, 0.00390625),  // scipy.stats.binom.cdf(0, 8, 0.5) = 0.00390625
    (3, 10, 0.5, 0.171875),  // scipy.stats.binom.cdf(3, 10, 0.5) = 0.171875
    (10, 20, 0.5, 0.5880985260009766),  // scipy.stats.binom.cdf(10, 20, 0.5) = 0.5880985260009766
    (40, 100, 0.3, 0.9875015928335618),  // scipy.stats.binom.cdf(40, 100, 0.3) = 0.9875015928335618
    (4900, 10000, 0.5, 0.023292763852473225),  // scipy.stats.binom.cdf(4900, 10000, 0.5) = 0.023292763852473225
    (49000, 100000, 0.5, 1.2943580191734472e-10),  // scipy.stats.binom.cdf(49000, 100000, 0.5) = 1.2943580191734472e-10
    (150, 100000, 0.001, 0.999998783094961),  // scipy.stats.binom.cdf(150, 100000, 0.001) = 0.999998783094961
    (950, 1000, 0.9, 0.9999999972132897),  // scipy.stats.binom.cdf(950, 1000, 0.9) = 0.9999999972132897
    (30000, 100000, 0.31, 3.5845069149624216e-12),  // scipy.stats.binom.cdf(30000, 100000, 0.31) = 3.5845069149624216e-12
    (2, 7, 0.01, 0.99996603746985),  // scipy.stats.binom.cdf(2, 7, 0.01) = 0.99996603746985
]

/// (k, n, two-sided p for p = 1/2).
private let binomialTwoSidedCases: [(Int, Int, Double)] = [
    (0, 8, 0.0078125),  // scipy.stats.binomtest(0, 8).pvalue = 0.0078125
    (0, 2, 0.5),  // scipy.stats.binomtest(0, 2).pvalue = 0.5
    (4, 8, 1.0),  // scipy.stats.binomtest(4, 8).pvalue = 1.0
    (1, 10, 0.021484375),  // scipy.stats.binomtest(1, 10).pvalue = 0.021484375
    (3, 10, 0.34375),  // scipy.stats.binomtest(3, 10).pvalue = 0.34375
    (7, 10, 0.34375),  // scipy.stats.binomtest(7, 10).pvalue = 0.34375
    (2, 20, 0.0004024505615234375),  // scipy.stats.binomtest(2, 20).pvalue = 0.0004024505615234375
    (30, 100, 7.85013964559367e-05),  // scipy.stats.binomtest(30, 100).pvalue = 7.85013964559367e-05
    (4900, 10000, 0.04658552770494645),  // scipy.stats.binomtest(4900, 10000).pvalue = 0.04658552770494645
    (400, 1000, 2.728464156065947e-10),  // scipy.stats.binomtest(400, 1000).pvalue = 2.728464156065947e-10
    (3, 1001, 1.5601181444447333e-293),  // scipy.stats.binomtest(3, 1001).pvalue = 1.5601181444447333e-293
]

/// (x, df, P(X > x)).
private let chiSquareSurvivalCases: [(Double, Double, Double)] = [
    (3.84, 1.0, 0.05004352124870519),  // scipy.stats.chi2.sf(3.84, 1) = 0.05004352124870519
    (10.0, 1.0, 0.001565402258002549),  // scipy.stats.chi2.sf(10.0, 1) = 0.001565402258002549
    (50.0, 1.0, 1.537459794428033e-12),  // scipy.stats.chi2.sf(50.0, 1) = 1.537459794428033e-12
    (7.5, 3.0, 0.0575584519726364),  // scipy.stats.chi2.sf(7.5, 3) = 0.0575584519726364
    (0.001, 5.0, 0.9999999983185123),  // scipy.stats.chi2.sf(0.001, 5) = 0.9999999983185123
    (120.0, 100.0, 0.08440668109369177),  // scipy.stats.chi2.sf(120.0, 100) = 0.08440668109369177
    (2000.0, 1000.0, 4.1436785914539184e-69),  // scipy.stats.chi2.sf(2000.0, 1000) = 4.1436785914539184e-69
    (1e-06, 1.0, 0.9992021155721779),  // scipy.stats.chi2.sf(1e-06, 1) = 0.9992021155721779
    (40.0, 2.0, 2.0611536224385566e-09),  // scipy.stats.chi2.sf(40.0, 2) = 2.0611536224385566e-09
]

/// (a, b, x, Iₓ(a, b)).
private let incompleteBetaCases: [(Double, Double, Double, Double)] = [
    (2.0, 3.0, 0.4, 0.5247999999999999),  // scipy.special.betainc(2.0, 3.0, 0.4) = 0.5247999999999999
    (0.5, 0.5, 0.1, 0.20483276469913345),  // scipy.special.betainc(0.5, 0.5, 0.1) = 0.20483276469913345
    (2.5, 1.5, 1e-10, 2.0371832715035044e-25),  // scipy.special.betainc(2.5, 1.5, 1e-10) = 2.0371832715035044e-25
    (10.0, 10.0, 0.99, 0.9999999999999991),  // scipy.special.betainc(10.0, 10.0, 0.99) = 0.9999999999999991
    (500.0, 400.0, 0.55, 0.3678576196996226),  // scipy.special.betainc(500.0, 400.0, 0.55) = 0.3678576196996226
    (1000.0, 1000.0, 0.48, 0.03677948327863959),  // scipy.special.betainc(1000.0, 1000.0, 0.48) = 0.03677948327863959
    (5000.0, 5000.0, 0.49, 0.02274203232457461),  // scipy.special.betainc(5000.0, 5000.0, 0.49) = 0.02274203232457461
    (0.5, 500000.0, 4e-06, 0.9544998980767369),  // scipy.special.betainc(0.5, 500000.0, 4e-06) = 0.9544998980767369
    (500000.0, 0.5, 0.99999, 0.0015653640065981895),  // scipy.special.betainc(500000.0, 0.5, 0.99999) = 0.0015653640065981895
    (30.0, 40.0, 0.01, 2.1646349506126083e-41),  // scipy.special.betainc(30.0, 40.0, 0.01) = 2.1646349506126083e-41
    (0.001, 0.001, 0.3, 0.4995769621396763),  // scipy.special.betainc(0.001, 0.001, 0.3) = 0.4995769621396763
]

/// (x, log |Γ(x)|).
private let logGammaCases: [(Double, Double)] = [
    (0.5, 0.5723649429247),  // scipy.special.gammaln(0.5) = 0.5723649429247
    (1.0, 0.0),  // scipy.special.gammaln(1.0) = 0.0
    (10.0, 12.801827480081469),  // scipy.special.gammaln(10.0) = 12.801827480081469
    (100.5, 361.43554046777757),  // scipy.special.gammaln(100.5) = 361.43554046777757
    (100000.0, 1051287.7089736569),  // scipy.special.gammaln(100000.0) = 1051287.7089736569
    (-2.5, -0.05624371649767401),  // scipy.special.gammaln(-2.5) = -0.05624371649767401
    (1e-08, 18.42068073818021),  // scipy.special.gammaln(1e-08) = 18.42068073818021
]

/// (n, w, P(W+ ≤ w), P(W+ ≥ w), two-sided p) for the ranks 1...n. The distribution values come from SciPy's
/// exact null distribution `scipy.stats._wilcoxon.WilcoxonDistribution(n)`, the p-value from
/// `scipy.stats.wilcoxon(d, method='exact')` with d the listed vector (|d| = 1...n, W+ = w).
private let signedRankCases: [(Int, Double, Double, Double, Double)] = [
    // WilcoxonDistribution(1).cdf(0) = 0.5, WilcoxonDistribution(1).sf(0) = 1.0
    // scipy.stats.wilcoxon([-1], method='exact').pvalue = 1.0
    (1, 0.0, 0.5, 1.0, 1.0),
    // WilcoxonDistribution(1).cdf(1) = 1.0, WilcoxonDistribution(1).sf(1) = 0.5
    // scipy.stats.wilcoxon([1], method='exact').pvalue = 1.0
    (1, 1.0, 1.0, 0.5, 1.0),
    // WilcoxonDistribution(2).cdf(0) = 0.25, WilcoxonDistribution(2).sf(0) = 1.0
    // scipy.stats.wilcoxon([-1, -2], method='exact').pvalue = 0.5
    (2, 0.0, 0.25, 1.0, 0.5),
    // WilcoxonDistribution(2).cdf(1) = 0.5, WilcoxonDistribution(2).sf(1) = 0.75
    // scipy.stats.wilcoxon([1, -2], method='exact').pvalue = 1.0
    (2, 1.0, 0.5, 0.75, 1.0),
    // WilcoxonDistribution(5).cdf(0) = 0.03125, WilcoxonDistribution(5).sf(0) = 1.0
    // scipy.stats.wilcoxon([-1, -2, -3, -4, -5], method='exact').pvalue = 0.0625
    (5, 0.0, 0.03125, 1.0, 0.0625),
    // WilcoxonDistribution(5).cdf(3) = 0.15625, WilcoxonDistribution(5).sf(3) = 0.90625
    // scipy.stats.wilcoxon([-1, -2, 3, -4, -5], method='exact').pvalue = 0.3125
    (5, 3.0, 0.15625, 0.90625, 0.3125),
    // WilcoxonDistribution(5).cdf(7) = 0.5, WilcoxonDistribution(5).sf(7) = 0.59375
    // scipy.stats.wilcoxon([-1, 2, -3, -4, 5], method='exact').pvalue = 1.0
    (5, 7.0, 0.5, 0.59375, 1.0),
    // WilcoxonDistribution(10).cdf(8) = 0.0244140625, WilcoxonDistribution(10).sf(8) = 0.9814453125
    // scipy.stats.wilcoxon([-1, -2, -3, -4, -5, -6, -7, 8, -9, -10], method='exact').pvalue = 0.048828125
    (10, 8.0, 0.0244140625, 0.9814453125, 0.048828125),
    // WilcoxonDistribution(10).cdf(27) = 0.5, WilcoxonDistribution(10).sf(27) = 0.5390625
    // scipy.stats.wilcoxon([-1, -2, -3, -4, -5, -6, -7, 8, 9, 10], method='exact').pvalue = 1.0
    (10, 27.0, 0.5, 0.5390625, 1.0),
    // WilcoxonDistribution(10).cdf(45) = 0.9677734375, WilcoxonDistribution(10).sf(45) = 0.0419921875
    // scipy.stats.wilcoxon([-1, -2, -3, -4, 5, 6, 7, 8, 9, 10], method='exact').pvalue = 0.083984375
    (10, 45.0, 0.9677734375, 0.0419921875, 0.083984375),
    // WilcoxonDistribution(20).cdf(40) = 0.006808280944824219, WilcoxonDistribution(20).sf(40) = 0.9939603805541992
    // scipy.stats.wilcoxon(d, method='exact').pvalue = 0.013616561889648438 with
    // d = [1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16, -17, -18, 19, 20]
    (20, 40.0, 0.006808280944824219, 0.9939603805541992, 0.013616561889648438),
    // WilcoxonDistribution(20).cdf(60) = 0.048653602600097656, WilcoxonDistribution(20).sf(60) = 0.9551525115966797
    // scipy.stats.wilcoxon(d, method='exact').pvalue = 0.09730720520019531 with
    // d = [-1, -2, 3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16, -17, 18, 19, 20]
    (20, 60.0, 0.048653602600097656, 0.9551525115966797, 0.09730720520019531),
    // WilcoxonDistribution(20).cdf(150) = 0.9551525115966797, WilcoxonDistribution(20).sf(150) = 0.048653602600097656
    // scipy.stats.wilcoxon(d, method='exact').pvalue = 0.09730720520019531 with
    // d = [-1, -2, -3, -4, -5, 6, -7, -8, -9, -10, -11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
    (20, 150.0, 0.9551525115966797, 0.048653602600097656, 0.09730720520019531),
    // WilcoxonDistribution(25).cdf(60) = 0.002302318811416626, WilcoxonDistribution(25).sf(60) = 0.9979124069213867
    // scipy.stats.wilcoxon(d, method='exact').pvalue = 0.004604637622833252 with
    // d = [-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, 11, -12, -13, -14, -15, -16, -17, -18, -19, -20, -21, -22, -23, 24, 25]
    (25, 60.0, 0.002302318811416626, 0.9979124069213867, 0.004604637622833252),
    // WilcoxonDistribution(25).cdf(101) = 0.050698697566986084, WilcoxonDistribution(25).sf(101) = 0.9521332681179047
    // scipy.stats.wilcoxon(d, method='exact').pvalue = 0.10139739513397217 with
    // d = [-1, -2, -3, -4, -5, -6, 7, -8, -9, -10, -11, -12, -13, -14, -15, -16, -17, -18, -19, -20, -21, 22, 23, 24, 25]
    (25, 101.0, 0.050698697566986084, 0.9521332681179047, 0.10139739513397217),
    // WilcoxonDistribution(25).cdf(300) = 0.9999772906303406, WilcoxonDistribution(25).sf(300) = 2.6941299438476562e-05
    // scipy.stats.wilcoxon(d, method='exact').pvalue = 5.3882598876953125e-05 with
    // d = [-1, -2, 3, -4, -5, -6, -7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]
    (25, 300.0, 0.9999772906303406, 2.6941299438476562e-05, 5.3882598876953125e-05),
]

// MARK: - Normal

@Suite("Distribution: normal")
struct NormalDistributionTests {
    @Test("normalCDF matches SciPy down to z = -37.5", arguments: normalCDFCases)
    func cdf(z: Double, expected: Double) {
        let value = Distribution.normalCDF(z)
        #expect(relativeError(value, expected) <= probabilityTolerance(expected), "Φ(\(z)) = \(value), SciPy \(expected)")
    }

    @Test("normalSurvival matches SciPy up to z = 37.5", arguments: normalSurvivalCases)
    func survival(z: Double, expected: Double) {
        let value = Distribution.normalSurvival(z)
        #expect(relativeError(value, expected) <= probabilityTolerance(expected), "1-Φ(\(z)) = \(value), SciPy \(expected)")
    }

    @Test("normalQuantile matches SciPy, including 1e-10 and 1 - 1e-12", arguments: normalQuantileCases)
    func quantile(p: Double, expected: Double) {
        let value = Distribution.normalQuantile(p)
        #expect(relativeError(value, expected) <= 1e-14, "Φ⁻¹(\(p)) = \(value), SciPy \(expected)")
    }

    @Test("normalQuantile inverts normalCDF across the range", arguments: [-37.0, -20.0, -8.5, -3.0, -0.4, 0.0, 0.7, 2.5, 3.0])
    func quantileRoundTrip(z: Double) {
        let p = Distribution.normalCDF(z)
        #expect(abs(Distribution.normalQuantile(p) - z) <= 1e-13 * max(1, abs(z)))
    }
}

// MARK: - Student t

@Suite("Distribution: Student t")
struct StudentTDistributionTests {
    @Test("studentTSurvival matches SciPy for df 1, 2, 3, 7, 29, 1000, 1e6 and beyond", arguments: studentTSurvivalCases)
    func survival(t: Double, df: Double, expected: Double) {
        let value = Distribution.studentTSurvival(t, degreesOfFreedom: df)
        #expect(relativeError(value, expected) <= probabilityTolerance(expected), "sf(\(t), \(df)) = \(value), SciPy \(expected)")
    }

    @Test("studentTCDF matches SciPy in the lower tail", arguments: studentTCDFCases)
    func cdf(t: Double, df: Double, expected: Double) {
        let value = Distribution.studentTCDF(t, degreesOfFreedom: df)
        #expect(relativeError(value, expected) <= probabilityTolerance(expected), "cdf(\(t), \(df)) = \(value), SciPy \(expected)")
    }

    @Test("studentTTwoSidedP matches 2·sf(|t|) from SciPy", arguments: studentTTwoSidedCases)
    func twoSided(t: Double, df: Double, expected: Double) {
        let value = Distribution.studentTTwoSidedP(t, degreesOfFreedom: df)
        #expect(relativeError(value, expected) <= probabilityTolerance(expected), "p(\(t), \(df)) = \(value), SciPy \(expected)")
    }

    @Test("t = 7 with df = 7 gives the two-sided p ≈ 0.000212 of the worked example")
    func workedExample() {
        let p = Distribution.studentTTwoSidedP(7, degreesOfFreedom: 7)
        #expect(p > 0.000_211 && p < 0.000_213)
    }

    @Test("studentTQuantile matches SciPy, including the 95% multipliers", arguments: studentTQuantileCases)
    func quantile(p: Double, df: Double, expected: Double) {
        let value = Distribution.studentTQuantile(p, degreesOfFreedom: df)
        #expect(relativeError(value, expected) <= centralTolerance, "ppf(\(p), \(df)) = \(value), SciPy \(expected)")
    }

    @Test(
        "studentTQuantile inverts studentTCDF",
        arguments: [1.0, 1.5, 2.0, 3.0, 4.5, 10.0, 29.0, 1e5],
        [1e-12, 0.001, 0.3, 0.499, 0.8, 0.975, 1 - 1e-9]
    )
    func quantileRoundTrip(df: Double, p: Double) {
        let t = Distribution.studentTQuantile(p, degreesOfFreedom: df)
        let tail = p < 0.5 ? Distribution.studentTCDF(t, degreesOfFreedom: df) : Distribution.studentTSurvival(t, degreesOfFreedom: df)
        let expectedTail = p < 0.5 ? p : 1 - p
        #expect(relativeError(tail, expectedTail) <= 1e-11, "t = \(t)")
    }

    @Test("the cdf and the survival function add up to 1", arguments: [-30.0, -2.0, -0.1, 0.0, 0.3, 4.0], [1.0, 2.0, 2.5, 11.0, 1e4])
    func complement(t: Double, df: Double) {
        let sum = Distribution.studentTCDF(t, degreesOfFreedom: df) + Distribution.studentTSurvival(t, degreesOfFreedom: df)
        #expect(abs(sum - 1) <= 1e-15)
    }

    @Test("the closed forms for df = 1 and df = 2 agree with the incomplete beta function", arguments: [0.01, 0.5, 1.96, 7.0, 50.0, 1e5])
    func closedForms(t: Double) {
        // P(T > t) = I_x(df/2, 1/2)/2 with x = df/(df + t²).
        let cauchy = Distribution.regularizedIncompleteBeta(1 / (1 + t * t), a: 0.5, b: 0.5) / 2
        #expect(relativeError(Distribution.studentTSurvival(t, degreesOfFreedom: 1), cauchy) <= 1e-12)
        #expect(relativeError(Distribution.studentTSurvival(t, degreesOfFreedom: 1), atan(1 / t) / Double.pi) <= 1e-14)
        let two = Distribution.regularizedIncompleteBeta(2 / (2 + t * t), a: 1, b: 0.5) / 2
        #expect(relativeError(Distribution.studentTSurvival(t, degreesOfFreedom: 2), two) <= 1e-12)
        if t <= 50 {
            // The textbook form, which cancels for large t.
            #expect(relativeError(Distribution.studentTSurvival(t, degreesOfFreedom: 2), 0.5 * (1 - t / (t * t + 2).squareRoot())) <= 1e-11)
        }
        // The general algorithm next to the closed forms.
        #expect(relativeError(Distribution.studentTSurvival(t, degreesOfFreedom: 1 + 1e-10), cauchy) <= 1e-8)
        #expect(relativeError(Distribution.studentTSurvival(t, degreesOfFreedom: 2 - 1e-10), two) <= 1e-8)
    }

    @Test("for very large df the t distribution approaches the normal one")
    func largeDegreesOfFreedom() {
        for t in [0.5, 1.96, 3.0, 6.0] {
            let normal = Distribution.normalSurvival(t)
            let million = Distribution.studentTSurvival(t, degreesOfFreedom: 1e6)
            // The first-order difference is φ(t)(t³ + t)/(4 df).
            let firstOrder = exp(-t * t / 2) / (2 * Double.pi).squareRoot() * (t * t * t + t) / 4e6
            #expect(relativeError(million - normal, firstOrder) <= 1e-3, "t = \(t)")
            #expect(relativeError(Distribution.studentTSurvival(t, degreesOfFreedom: 1e21), normal) <= 1e-15)
            #expect(relativeError(Distribution.studentTSurvival(t, degreesOfFreedom: .infinity), normal) <= 1e-15)
        }
        #expect(relativeError(Distribution.studentTQuantile(0.975, degreesOfFreedom: 1e21), Distribution.normalQuantile(0.975)) <= 1e-15)
    }
}

// MARK: - Binomial

@Suite("Distribution: binomial")
struct BinomialDistributionTests {
    @Test("binomialCDF matches SciPy up to n = 100 000", arguments: binomialCDFCases)
    func cdf(k: Int, n: Int, p: Double, expected: Double) {
        let value = Distribution.binomialCDF(k, trials: n, probability: p)
        #expect(relativeError(value, expected) <= probabilityTolerance(expected), "P(X ≤ \(k); \(n), \(p)) = \(value), SciPy \(expected)")
    }

    @Test("binomialTwoSidedP matches scipy.stats.binomtest", arguments: binomialTwoSidedCases)
    func twoSided(k: Int, n: Int, expected: Double) {
        let value = Distribution.binomialTwoSidedP(k, trials: n)
        #expect(relativeError(value, expected) <= probabilityTolerance(expected), "p(\(k), \(n)) = \(value), SciPy \(expected)")
    }

    /// Exact references from rational arithmetic in Python (`fractions.Fraction`):
    /// sum(comb(n, j) * p**j * (1 - p)**(n - j) for j in range(k + 1)), p the double given, rounded to a double.
    /// The tolerance is tight enough to require the Stirling form of the incomplete beta power term.
    @Test(
        "binomialCDF for large n agrees with exact rational sums to 5e-14",
        arguments: [
            (4900, 10_000, 0.5, 0.023292763852473693),
            (49_000, 100_000, 0.5, 1.294358019173449e-10),
            (50_100, 100_000, 0.5, 0.7374871178414346),
            (9000, 20_000, 0.47, 7.345981997322957e-09),
        ]
    )
    func exactRationalReference(k: Int, n: Int, p: Double, expected: Double) {
        let value = Distribution.binomialCDF(k, trials: n, probability: p)
        #expect(relativeError(value, expected) <= 5e-14, "P(X ≤ \(k); \(n), \(p)) = \(value), exact \(expected)")
    }

    @Test("the exact McNemar p-values are exact")
    func exactValues() {
        #expect(Distribution.binomialTwoSidedP(0, trials: 8) == 0.007_812_5)
        #expect(Distribution.binomialTwoSidedP(8, trials: 8) == 0.007_812_5)
        #expect(Distribution.binomialTwoSidedP(0, trials: 2) == 0.5)
        #expect(Distribution.binomialTwoSidedP(4, trials: 8) == 1)
        #expect(Distribution.binomialTwoSidedP(5, trials: 10) == 1)
        #expect(Distribution.binomialTwoSidedP(0, trials: 0) == 1)
        #expect(Distribution.binomialCDF(0, trials: 8, probability: 0.5) == 1.0 / 256)
        #expect(Distribution.binomialCDF(3, trials: 10, probability: 0.5) == 176.0 / 1024)
    }

    @Test("the coefficient sum for p = 1/2 agrees with the incomplete beta function", arguments: [0, 1, 17, 250, 480, 499, 500, 700, 998])
    func summationAgreesWithBeta(k: Int) {
        let n = 999
        let summed = Distribution.binomialCDF(k, trials: n, probability: 0.5)
        let beta = Distribution.regularizedIncompleteBeta(0.5, a: Double(n - k), b: Double(k + 1))
        #expect(relativeError(summed, beta) <= 1e-12)
    }

    @Test(
        "the cdf for p and the cdf for 1 - p are complementary",
        arguments: [(3, 10, 0.3), (40, 100, 0.45), (4900, 10_000, 0.5), (20, 100_000, 0.0004)]
    )
    func reflection(k: Int, n: Int, p: Double) {
        // P(X ≤ k; n, p) + P(X ≤ n - k - 1; n, 1 - p) = 1.
        let sum = Distribution.binomialCDF(k, trials: n, probability: p) + Distribution.binomialCDF(n - k - 1, trials: n, probability: 1 - p)
        #expect(abs(sum - 1) <= 1e-13)
    }
}

// MARK: - Chi-square and special functions

@Suite("Distribution: chi-square and special functions")
struct SpecialFunctionTests {
    @Test("chiSquareSurvival matches SciPy", arguments: chiSquareSurvivalCases)
    func chiSquare(x: Double, df: Double, expected: Double) {
        let value = Distribution.chiSquareSurvival(x, degreesOfFreedom: df)
        #expect(relativeError(value, expected) <= probabilityTolerance(expected), "sf(\(x), \(df)) = \(value), SciPy \(expected)")
    }

    @Test("chi-square with 1 and 2 degrees of freedom has closed forms", arguments: [1e-8, 0.2, 3.84, 10.0, 50.0, 300.0, 1400.0])
    func chiSquareClosedForms(x: Double) {
        #expect(relativeError(Distribution.chiSquareSurvival(x, degreesOfFreedom: 1), erfc((x / 2).squareRoot())) <= 1e-13)
        #expect(relativeError(Distribution.chiSquareSurvival(x, degreesOfFreedom: 2), exp(-x / 2)) <= 1e-13)
    }

    @Test("chi-square with a very large df stays accurate near its mean")
    func chiSquareLargeDegreesOfFreedom() {
        // scipy.stats.chi2.sf(1e10, 1e10) = 0.4999981193680548
        #expect(relativeError(Distribution.chiSquareSurvival(1e10, degreesOfFreedom: 1e10), 0.4999981193680548) <= 1e-11)
        // scipy.stats.chi2.sf(1e17, 1e17) = 0.49999999940529194
        #expect(relativeError(Distribution.chiSquareSurvival(1e17, degreesOfFreedom: 1e17), 0.49999999940529194) <= 1e-11)
    }

    @Test("regularizedIncompleteBeta matches SciPy, for tiny x and large a, b", arguments: incompleteBetaCases)
    func incompleteBeta(a: Double, b: Double, x: Double, expected: Double) {
        let value = Distribution.regularizedIncompleteBeta(x, a: a, b: b)
        #expect(relativeError(value, expected) <= probabilityTolerance(expected), "I(\(x); \(a), \(b)) = \(value), SciPy \(expected)")
    }

    // Dyadic x, so that 1 - x is exact and the symmetry is tested without rounding in the argument.
    @Test("regularizedIncompleteBeta satisfies its identities", arguments: [0x1p-30, 0x1p-7, 0.3125, 0.5, 0.765625, 1 - 0x1p-10])
    func incompleteBetaIdentities(x: Double) {
        for (a, b) in [(0.5, 0.5), (2.0, 7.5), (30.0, 12.0), (1e4, 2e4), (3e5, 0.5)] {
            let sum = Distribution.regularizedIncompleteBeta(x, a: a, b: b) + Distribution.regularizedIncompleteBeta(1 - x, a: b, b: a)
            #expect(abs(sum - 1) <= 1e-13, "a = \(a), b = \(b)")
        }
        for a in [0.3, 1.0, 4.0, 25.0] {
            #expect(relativeError(Distribution.regularizedIncompleteBeta(x, a: a, b: 1), pow(x, a)) <= 1e-13)
            #expect(relativeError(Distribution.regularizedIncompleteBeta(x, a: 1, b: a), -expm1(a * log1p(-x))) <= 1e-13)
        }
    }

    @Test("logGamma matches SciPy's gammaln", arguments: logGammaCases)
    func logGamma(x: Double, expected: Double) {
        #expect(relativeError(Distribution.logGamma(x), expected) <= 1e-14)
    }
}

// MARK: - Signed-rank distribution

@Suite("Signed-rank distribution")
struct SignedRankDistributionTests {
    @Test("matches SciPy's exact null distribution and wilcoxon p-values for n = 1…25", arguments: signedRankCases)
    func matchesSciPy(n: Int, w: Double, cumulative: Double, upperTail: Double, twoSided: Double) {
        for distribution in [SignedRankDistribution(count: n), SignedRankDistribution(ranks: (1...n).map(Double.init))] {
            #expect(distribution.count == n)
            #expect(relativeError(distribution.cumulative(w), cumulative) <= 1e-14)
            #expect(relativeError(distribution.upperTail(w), upperTail) <= 1e-14)
            #expect(relativeError(distribution.twoSidedP(wPlus: w), twoSided) <= 1e-14)
        }
    }

    @Test("ranks 1…8 give the worked example's p = 2/256 when every difference has the same sign")
    func workedExample() {
        let distribution = SignedRankDistribution(count: 8)
        #expect(distribution.twoSidedP(wPlus: 0) == 0.007_812_5)
        #expect(distribution.twoSidedP(wPlus: 36) == 0.007_812_5)
        #expect(distribution.cumulative(0) == 1.0 / 256)
        #expect(distribution.upperTail(36) == 1.0 / 256)
        #expect(distribution.upperTail(37) == 0)
        #expect(distribution.cumulative(36) == 1)
        #expect(distribution.twoSidedP(wPlus: 18) == 1)
    }

    @Test("matches SciPy for n = 300")
    func largerCount() {
        let distribution = SignedRankDistribution(count: 300)
        // scipy.stats._wilcoxon.WilcoxonDistribution(300).cdf(15000) = 1.7329679289837186e-07
        #expect(relativeError(distribution.cumulative(15000), 1.7329679289837186e-07) <= 1e-12)
        // scipy.stats._wilcoxon.WilcoxonDistribution(300).sf(15000) = 0.9999998273345895
        #expect(relativeError(distribution.upperTail(15000), 0.9999998273345895) <= 1e-12)
        // scipy.stats._wilcoxon.WilcoxonDistribution(300).cdf(22575) = 0.5001324503873432
        #expect(relativeError(distribution.cumulative(22575), 0.5001324503873432) <= 1e-12)
        // scipy.stats._wilcoxon.WilcoxonDistribution(300).sf(22575) = 0.5001324503873432
        #expect(relativeError(distribution.upperTail(22575), 0.5001324503873432) <= 1e-12)
    }

    @Test(
        "tied mid-ranks match a brute-force enumeration of all 2ⁿ sign patterns",
        arguments: [
            [1, 2.5, 2.5, 4, 6, 6, 6, 8.5, 8.5, 10, 11, 12],
            [1.5, 1.5, 3, 4.5, 4.5, 6, 7],
            [2, 2, 2, 4.5, 4.5, 6],
            [0, 2.5, 2.5, 4, 5, 6.5, 6.5, 8, 9, 10],
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        ]
    )
    func bruteForce(ranks: [Double]) {
        let distribution = SignedRankDistribution(ranks: ranks)
        let n = ranks.count
        let doubledRanks = ranks.map { Int(2 * $0) }
        let doubledTotal = doubledRanks.reduce(0, +)
        var patterns = [Int](repeating: 0, count: doubledTotal + 1)
        for mask in 0..<(1 << n) {
            var doubledSum = 0
            for index in 0..<n where mask & (1 << index) != 0 {
                doubledSum += doubledRanks[index]
            }
            patterns[doubledSum] += 1
        }
        let all = Double(1 << n)
        for doubled in -1...(doubledTotal + 1) {
            let w = Double(doubled) / 2
            let atMost = Double(patterns.indices.filter { $0 <= doubled }.map { patterns[$0] }.reduce(0, +)) / all
            let atLeast = Double(patterns.indices.filter { $0 >= doubled }.map { patterns[$0] }.reduce(0, +)) / all
            #expect(distribution.cumulative(w) == atMost, "P(W+ ≤ \(w))")
            #expect(distribution.upperTail(w) == atLeast, "P(W+ ≥ \(w))")
            #expect(distribution.twoSidedP(wPlus: w) == min(1, 2 * min(atMost, atLeast)), "p at \(w)")
            // Between grid points the probabilities are those of the grid points around w.
            #expect(distribution.cumulative(w + 0.25) == atMost)
            #expect(distribution.upperTail(w - 0.25) == atLeast)
        }
    }

    @Test("ranks are rounded to the nearest multiple of 0.5, and W+ near a grid point counts as on it")
    func rounding() {
        let exact = SignedRankDistribution(ranks: [1, 2.5, 2.5, 4])
        let noisy = SignedRankDistribution(ranks: [1.000_000_1, 2.499_9, 2.500_1, 4.2])
        for doubled in 0...20 {
            let w = Double(doubled) / 2
            #expect(noisy.cumulative(w) == exact.cumulative(w))
            #expect(noisy.upperTail(w) == exact.upperTail(w))
        }
        #expect(exact.cumulative(3.5 - 1e-9) == exact.cumulative(3.5))
        #expect(exact.upperTail(3.5 + 1e-9) == exact.upperTail(3.5))
    }

    @Test("n = 25 is built at once, and the table stops at the maximum count")
    func sizes() {
        for _ in 0..<10 {
            #expect(SignedRankDistribution(count: 25).isAvailable)
        }

        let largest = SignedRankDistribution(count: SignedRankDistribution.maximumCount)
        #expect(largest.isAvailable)
        #expect(largest.cumulative(0) == Double(sign: .plus, exponent: -1000, significand: 1))
        #expect(largest.twoSidedP(wPlus: 500_500) == Double(sign: .plus, exponent: -999, significand: 1))
        #expect(largest.twoSidedP(wPlus: 250_250) == 1)

        let tooLarge = SignedRankDistribution(count: SignedRankDistribution.maximumCount + 1)
        #expect(!tooLarge.isAvailable)
        #expect(tooLarge.count == 1001)
        #expect(tooLarge.twoSidedP(wPlus: 10).isNaN)
        #expect(SignedRankDistribution(count: Int.max).cumulative(3).isNaN)
    }

    @Test("an empty or all-zero set of ranks puts all mass on W+ = 0")
    func empty() {
        for distribution in [SignedRankDistribution(count: 0), SignedRankDistribution(ranks: [0, 0, 0]), SignedRankDistribution(count: -4)] {
            #expect(distribution.isAvailable)
            #expect(distribution.cumulative(0) == 1)
            #expect(distribution.upperTail(0) == 1)
            #expect(distribution.upperTail(0.5) == 0)
            #expect(distribution.twoSidedP(wPlus: 0) == 1)
        }
    }
}

// MARK: - Invalid and infinite arguments

/// One call with an invalid or infinite argument and the result it must give (NaN, a limit or a bound).
struct EdgeCase: Sendable, CustomTestStringConvertible {
    let label: String
    let expected: Double
    let evaluate: @Sendable () -> Double

    var testDescription: String { label }

    init(_ label: String, _ expected: Double, _ evaluate: @escaping @Sendable () -> Double) {
        self.label = label
        self.expected = expected
        self.evaluate = evaluate
    }
}

private let edgeCases: [EdgeCase] = [
    EdgeCase("normalCDF(NaN)", .nan) { Distribution.normalCDF(.nan) },
    EdgeCase("normalCDF(-∞)", 0) { Distribution.normalCDF(-.infinity) },
    EdgeCase("normalCDF(+∞)", 1) { Distribution.normalCDF(.infinity) },
    EdgeCase("normalCDF(-38) is a positive subnormal", 1) { Distribution.normalCDF(-38) > 0 ? 1 : 0 },
    EdgeCase("normalCDF(-40) underflows to 0", 0) { Distribution.normalCDF(-40) },
    EdgeCase("normalSurvival(NaN)", .nan) { Distribution.normalSurvival(.nan) },
    EdgeCase("normalSurvival(+∞)", 0) { Distribution.normalSurvival(.infinity) },
    EdgeCase("normalQuantile(NaN)", .nan) { Distribution.normalQuantile(.nan) },
    EdgeCase("normalQuantile(0)", -.infinity) { Distribution.normalQuantile(0) },
    EdgeCase("normalQuantile(1)", .infinity) { Distribution.normalQuantile(1) },
    EdgeCase("normalQuantile(-0.5)", -.infinity) { Distribution.normalQuantile(-0.5) },
    EdgeCase("normalQuantile(1.5)", .infinity) { Distribution.normalQuantile(1.5) },
    EdgeCase("normalQuantile(0.5)", 0) { Distribution.normalQuantile(0.5) },
    EdgeCase("studentTCDF(NaN, 5)", .nan) { Distribution.studentTCDF(.nan, degreesOfFreedom: 5) },
    EdgeCase("studentTCDF(1, NaN)", .nan) { Distribution.studentTCDF(1, degreesOfFreedom: .nan) },
    EdgeCase("studentTCDF(1, -3)", .nan) { Distribution.studentTCDF(1, degreesOfFreedom: -3) },
    EdgeCase("studentTCDF(1, 0)", .nan) { Distribution.studentTCDF(1, degreesOfFreedom: 0) },
    EdgeCase("studentTCDF(+∞, 5)", 1) { Distribution.studentTCDF(.infinity, degreesOfFreedom: 5) },
    EdgeCase("studentTCDF(-∞, 5)", 0) { Distribution.studentTCDF(-.infinity, degreesOfFreedom: 5) },
    EdgeCase("studentTCDF(0, 3)", 0.5) { Distribution.studentTCDF(0, degreesOfFreedom: 3) },
    EdgeCase("studentTSurvival(-0, 1)", 0.5) { Distribution.studentTSurvival(-0.0, degreesOfFreedom: 1) },
    EdgeCase("studentTSurvival(+∞, 0.5)", 0) { Distribution.studentTSurvival(.infinity, degreesOfFreedom: 0.5) },
    EdgeCase("studentTSurvival(-∞, 0.5)", 1) { Distribution.studentTSurvival(-.infinity, degreesOfFreedom: 0.5) },
    EdgeCase("studentTSurvival(NaN, 3)", .nan) { Distribution.studentTSurvival(.nan, degreesOfFreedom: 3) },
    EdgeCase("studentTSurvival(1e200, 3) underflows to 0", 0) { Distribution.studentTSurvival(1e200, degreesOfFreedom: 3) },
    EdgeCase("studentTTwoSidedP(+∞, 5)", 0) { Distribution.studentTTwoSidedP(.infinity, degreesOfFreedom: 5) },
    EdgeCase("studentTTwoSidedP(-∞, 5)", 0) { Distribution.studentTTwoSidedP(-.infinity, degreesOfFreedom: 5) },
    EdgeCase("studentTTwoSidedP(NaN, 5)", .nan) { Distribution.studentTTwoSidedP(.nan, degreesOfFreedom: 5) },
    EdgeCase("studentTTwoSidedP(1, -1)", .nan) { Distribution.studentTTwoSidedP(1, degreesOfFreedom: -1) },
    EdgeCase("studentTTwoSidedP(1, NaN)", .nan) { Distribution.studentTTwoSidedP(1, degreesOfFreedom: .nan) },
    EdgeCase("studentTTwoSidedP(0, 5)", 1) { Distribution.studentTTwoSidedP(0, degreesOfFreedom: 5) },
    EdgeCase("studentTQuantile(NaN, 5)", .nan) { Distribution.studentTQuantile(.nan, degreesOfFreedom: 5) },
    EdgeCase("studentTQuantile(0.975, NaN)", .nan) { Distribution.studentTQuantile(0.975, degreesOfFreedom: .nan) },
    EdgeCase("studentTQuantile(0.975, -2)", .nan) { Distribution.studentTQuantile(0.975, degreesOfFreedom: -2) },
    EdgeCase("studentTQuantile(0, 5)", -.infinity) { Distribution.studentTQuantile(0, degreesOfFreedom: 5) },
    EdgeCase("studentTQuantile(1, 5)", .infinity) { Distribution.studentTQuantile(1, degreesOfFreedom: 5) },
    EdgeCase("studentTQuantile(0.5, 5)", 0) { Distribution.studentTQuantile(0.5, degreesOfFreedom: 5) },
    EdgeCase("studentTQuantile(least nonzero, 1) overflows to -∞", -.infinity) {
        Distribution.studentTQuantile(Double.leastNonzeroMagnitude, degreesOfFreedom: 1)
    },
    EdgeCase("binomialCDF(3, -1, 0.5)", .nan) { Distribution.binomialCDF(3, trials: -1, probability: 0.5) },
    EdgeCase("binomialCDF(3, 10, NaN)", .nan) { Distribution.binomialCDF(3, trials: 10, probability: .nan) },
    EdgeCase("binomialCDF(3, 10, -0.1)", .nan) { Distribution.binomialCDF(3, trials: 10, probability: -0.1) },
    EdgeCase("binomialCDF(3, 10, 1.5)", .nan) { Distribution.binomialCDF(3, trials: 10, probability: 1.5) },
    EdgeCase("binomialCDF(-1, 10, 0.3)", 0) { Distribution.binomialCDF(-1, trials: 10, probability: 0.3) },
    EdgeCase("binomialCDF(10, 10, 0.3)", 1) { Distribution.binomialCDF(10, trials: 10, probability: 0.3) },
    EdgeCase("binomialCDF(12, 10, 0.3)", 1) { Distribution.binomialCDF(12, trials: 10, probability: 0.3) },
    EdgeCase("binomialCDF(0, 10, 0)", 1) { Distribution.binomialCDF(0, trials: 10, probability: 0) },
    EdgeCase("binomialCDF(9, 10, 1)", 0) { Distribution.binomialCDF(9, trials: 10, probability: 1) },
    EdgeCase("binomialTwoSidedP(-1, 5)", .nan) { Distribution.binomialTwoSidedP(-1, trials: 5) },
    EdgeCase("binomialTwoSidedP(6, 5)", .nan) { Distribution.binomialTwoSidedP(6, trials: 5) },
    EdgeCase("binomialTwoSidedP(0, -3)", .nan) { Distribution.binomialTwoSidedP(0, trials: -3) },
    EdgeCase("binomialTwoSidedP(0, 5000) underflows to 0", 0) { Distribution.binomialTwoSidedP(0, trials: 5000) },
    EdgeCase("chiSquareSurvival(NaN, 3)", .nan) { Distribution.chiSquareSurvival(.nan, degreesOfFreedom: 3) },
    EdgeCase("chiSquareSurvival(1, NaN)", .nan) { Distribution.chiSquareSurvival(1, degreesOfFreedom: .nan) },
    EdgeCase("chiSquareSurvival(1, -1)", .nan) { Distribution.chiSquareSurvival(1, degreesOfFreedom: -1) },
    EdgeCase("chiSquareSurvival(1, 0)", .nan) { Distribution.chiSquareSurvival(1, degreesOfFreedom: 0) },
    EdgeCase("chiSquareSurvival(1, +∞)", .nan) { Distribution.chiSquareSurvival(1, degreesOfFreedom: .infinity) },
    EdgeCase("chiSquareSurvival(-5, 3)", 1) { Distribution.chiSquareSurvival(-5, degreesOfFreedom: 3) },
    EdgeCase("chiSquareSurvival(0, 3)", 1) { Distribution.chiSquareSurvival(0, degreesOfFreedom: 3) },
    EdgeCase("chiSquareSurvival(+∞, 3)", 0) { Distribution.chiSquareSurvival(.infinity, degreesOfFreedom: 3) },
    EdgeCase("regularizedIncompleteBeta(NaN; 2, 3)", .nan) { Distribution.regularizedIncompleteBeta(.nan, a: 2, b: 3) },
    EdgeCase("regularizedIncompleteBeta(-0.1; 2, 3)", .nan) { Distribution.regularizedIncompleteBeta(-0.1, a: 2, b: 3) },
    EdgeCase("regularizedIncompleteBeta(1.1; 2, 3)", .nan) { Distribution.regularizedIncompleteBeta(1.1, a: 2, b: 3) },
    EdgeCase("regularizedIncompleteBeta(0.5; 0, 1)", .nan) { Distribution.regularizedIncompleteBeta(0.5, a: 0, b: 1) },
    EdgeCase("regularizedIncompleteBeta(0.5; -1, 1)", .nan) { Distribution.regularizedIncompleteBeta(0.5, a: -1, b: 1) },
    EdgeCase("regularizedIncompleteBeta(0.5; ∞, 1)", .nan) { Distribution.regularizedIncompleteBeta(0.5, a: .infinity, b: 1) },
    EdgeCase("regularizedIncompleteBeta(0.5; 2, NaN)", .nan) { Distribution.regularizedIncompleteBeta(0.5, a: 2, b: .nan) },
    EdgeCase("regularizedIncompleteBeta(0.5; 1e20, 1e20) is out of range", .nan) {
        Distribution.regularizedIncompleteBeta(0.5, a: 1e20, b: 1e20)
    },
    EdgeCase("regularizedIncompleteBeta(0; 2, 3)", 0) { Distribution.regularizedIncompleteBeta(0, a: 2, b: 3) },
    EdgeCase("regularizedIncompleteBeta(1; 2, 3)", 1) { Distribution.regularizedIncompleteBeta(1, a: 2, b: 3) },
    EdgeCase("logGamma(NaN)", .nan) { Distribution.logGamma(.nan) },
    EdgeCase("logGamma(0)", .infinity) { Distribution.logGamma(0) },
    EdgeCase("logGamma(+∞)", .infinity) { Distribution.logGamma(.infinity) },
    EdgeCase("signed rank cumulative(NaN)", .nan) { SignedRankDistribution(count: 10).cumulative(.nan) },
    EdgeCase("signed rank upperTail(NaN)", .nan) { SignedRankDistribution(count: 10).upperTail(.nan) },
    EdgeCase("signed rank twoSidedP(NaN)", .nan) { SignedRankDistribution(count: 10).twoSidedP(wPlus: .nan) },
    EdgeCase("signed rank cumulative(-∞)", 0) { SignedRankDistribution(count: 10).cumulative(-.infinity) },
    EdgeCase("signed rank cumulative(+∞)", 1) { SignedRankDistribution(count: 10).cumulative(.infinity) },
    EdgeCase("signed rank upperTail(+∞)", 0) { SignedRankDistribution(count: 10).upperTail(.infinity) },
    EdgeCase("signed rank upperTail(-∞)", 1) { SignedRankDistribution(count: 10).upperTail(-.infinity) },
    EdgeCase("signed rank with a NaN rank", .nan) { SignedRankDistribution(ranks: [1, .nan, 3]).twoSidedP(wPlus: 1) },
    EdgeCase("signed rank with an infinite rank", .nan) { SignedRankDistribution(ranks: [1, .infinity]).cumulative(1) },
    EdgeCase("signed rank with a negative rank", .nan) { SignedRankDistribution(ranks: [-1, 2]).upperTail(1) },
    EdgeCase("signed rank with a huge rank", .nan) { SignedRankDistribution(ranks: [1, 1e300]).cumulative(1) },
]

@Suite("Distribution: invalid and infinite arguments")
struct DistributionEdgeCaseTests {
    @Test("returns NaN or the documented limit without trapping", arguments: edgeCases)
    func edge(_ edgeCase: EdgeCase) {
        let value = edgeCase.evaluate()
        if edgeCase.expected.isNaN {
            #expect(value.isNaN, "\(edgeCase.label) = \(value)")
        } else {
            #expect(value == edgeCase.expected, "\(edgeCase.label) = \(value)")
        }
    }

    @Test("extreme arguments return (no endless loop) and stay within [0, 1]")
    func extremes() {
        let values: [Double] = [-.infinity, -1e300, -1e20, -50, -1, -1e-300, 0, 1e-300, 0.5, 1, 3, 1e6, 1e20, 1e300, .infinity]
        let degrees: [Double] = [1e-300, 1e-3, 0.5, 1, 2, 2.5, 1e8, 1e15, 1e19, 1e300]
        do {
            for t in values {
                for df in degrees {
                    for probability in [
                        Distribution.studentTCDF(t, degreesOfFreedom: df), Distribution.studentTSurvival(t, degreesOfFreedom: df),
                        Distribution.studentTTwoSidedP(t, degreesOfFreedom: df), Distribution.chiSquareSurvival(t, degreesOfFreedom: df),
                    ] {
                        #expect(probability >= 0 && probability <= 1, "t = \(t), df = \(df): \(probability)")
                    }
                }
            }
            for p in [Double.leastNonzeroMagnitude, 1e-300, 1e-20, 0.3, 0.5, 0.9, 1 - 1e-16] {
                for df in degrees {
                    #expect(!Distribution.studentTQuantile(p, degreesOfFreedom: df).isNaN, "p = \(p), df = \(df)")
                }
            }
        }
    }
}
