import Foundation

/// A stable least-significant-digit radix sort of doubles, through order-preserving 64-bit keys.
///
/// Six passes of 11 bits at most; a pass is skipped when every key has the same digit, which is the
/// common case for marks (small integers and halves leave the low mantissa bits at 0), so sorting a
/// column of marks usually takes two linear passes. Being stable, it keeps tied values in input order.
enum AscendingRadixSort {
    /// Bits per digit.
    private static let digitBits: UInt64 = 11
    /// Buckets per digit.
    private static let radix = 1 << 11
    /// Passes needed for 64 bits.
    private static let passes = 6
    /// The sign bit of a double.
    private static let signBit: UInt64 = 1 << 63

    /// The key of a double: unsigned order of keys is numeric order of values (−0 is taken as +0).
    @inline(__always)
    static func key(_ value: Double) -> UInt64 {
        let bits = (value == 0 ? 0 : value).bitPattern
        return bits & signBit != 0 ? ~bits : bits | signBit
    }

    /// The double whose key this is.
    @inline(__always)
    static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & signBit != 0 ? key & ~signBit : ~key)
    }

    /// Sorts keys ascending in place; `spare` is scratch space of at least the same count.
    static func sort(_ keys: UnsafeMutableBufferPointer<UInt64>, spare: UnsafeMutableBufferPointer<UInt64>) {
        sort(keys, spare: spare, payload: nil, sparePayload: nil)
    }

    /// The permutation that sorts `values` ascending, ties in input order (a stable sort).
    static func stableOrder(of values: UnsafeBufferPointer<Double>) -> [Int] {
        let count = values.count
        var keys = values.map { key($0) }
        var spare = [UInt64](repeating: 0, count: count)
        var order = Array(0..<count)
        var spareOrder = [Int](repeating: 0, count: count)
        keys.withUnsafeMutableBufferPointer { keys in
            spare.withUnsafeMutableBufferPointer { spare in
                order.withUnsafeMutableBufferPointer { order in
                    spareOrder.withUnsafeMutableBufferPointer { spareOrder in
                        sort(keys, spare: spare, payload: order, sparePayload: spareOrder)
                    }
                }
            }
        }
        return order
    }

    /// Sorts keys, and moves payload entries along with their keys when a payload is given.
    private static func sort(
        _ keys: UnsafeMutableBufferPointer<UInt64>,
        spare: UnsafeMutableBufferPointer<UInt64>,
        payload: UnsafeMutableBufferPointer<Int>?,
        sparePayload: UnsafeMutableBufferPointer<Int>?
    ) {
        let count = keys.count
        guard count > 1, spare.count >= count else { return }
        var histogram = [Int](repeating: 0, count: passes * radix)
        histogram.withUnsafeMutableBufferPointer { histogram in
            let mask = UInt64(radix - 1)
            for key in keys {
                for pass in 0..<passes {
                    let digit = Int(truncatingIfNeeded: (key >> (UInt64(pass) &* digitBits)) & mask)
                    histogram[pass &* radix &+ digit] &+= 1
                }
            }
            var source = keys
            var target = UnsafeMutableBufferPointer(rebasing: spare[0..<count])
            var sourcePayload = payload
            var targetPayload = sparePayload.map { UnsafeMutableBufferPointer(rebasing: $0[0..<count]) }
            for pass in 0..<passes {
                let shift = UInt64(pass) &* digitBits
                let base = pass &* radix
                let firstDigit = Int(truncatingIfNeeded: (source[0] >> shift) & mask)
                if histogram[base &+ firstDigit] == count { continue }
                var offset = 0
                for bucket in base..<(base + radix) {
                    let size = histogram[bucket]
                    histogram[bucket] = offset
                    offset &+= size
                }
                if let from = sourcePayload, let to = targetPayload {
                    for position in 0..<count {
                        let key = source[position]
                        let bucket = base &+ Int(truncatingIfNeeded: (key >> shift) & mask)
                        let destination = histogram[bucket]
                        histogram[bucket] = destination &+ 1
                        target[destination] = key
                        to[destination] = from[position]
                    }
                    swap(&sourcePayload, &targetPayload)
                } else {
                    for key in source {
                        let bucket = base &+ Int(truncatingIfNeeded: (key >> shift) & mask)
                        let destination = histogram[bucket]
                        histogram[bucket] = destination &+ 1
                        target[destination] = key
                    }
                }
                swap(&source, &target)
            }
            if source.baseAddress != keys.baseAddress {
                for position in 0..<count { keys[position] = source[position] }
                if let from = sourcePayload, let payload {
                    for position in 0..<count { payload[position] = from[position] }
                }
            }
        }
    }
}
