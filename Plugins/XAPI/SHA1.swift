/// SHA-1 (FIPS 180-4, RFC 3174), only to derive name-based UUIDs (RFC 4122 version 5).
///
/// SHA-1 is broken for collision resistance; version 5 UUIDs use it as a fixed mixing function, not for
/// security. The kernel has SHA-256 only, and Foundation has no digest on Linux, hence this plain version,
/// tested against the RFC 3174 and FIPS 180 vectors.
enum SHA1 {
    /// The 20-byte digest of `message`.
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var state: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var padded = message
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) {
            padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        var schedule = [UInt32](repeating: 0, count: 80)
        for blockStart in stride(from: 0, to: padded.count, by: 64) {
            for index in 0..<16 {
                let byte = blockStart + 4 * index
                schedule[index] =
                    UInt32(padded[byte]) << 24 | UInt32(padded[byte + 1]) << 16 | UInt32(padded[byte + 2]) << 8 | UInt32(padded[byte + 3])
            }
            for index in 16..<80 {
                schedule[index] = rotateLeft(schedule[index - 3] ^ schedule[index - 8] ^ schedule[index - 14] ^ schedule[index - 16], by: 1)
            }
            compress(schedule, into: &state)
        }
        return state.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
    }

    /// Runs the 80 rounds over one block's message schedule and adds the result to `state`.
    private static func compress(_ schedule: [UInt32], into state: inout [UInt32]) {
        var a = state[0]
        var b = state[1]
        var c = state[2]
        var d = state[3]
        var e = state[4]
        for round in 0..<80 {
            let mixed: UInt32
            let constant: UInt32
            switch round {
            case 0..<20:
                mixed = (b & c) | (~b & d)
                constant = 0x5A82_7999
            case 20..<40:
                mixed = b ^ c ^ d
                constant = 0x6ED9_EBA1
            case 40..<60:
                mixed = (b & c) | (b & d) | (c & d)
                constant = 0x8F1B_BCDC
            default:
                mixed = b ^ c ^ d
                constant = 0xCA62_C1D6
            }
            let next = rotateLeft(a, by: 5) &+ mixed &+ e &+ constant &+ schedule[round]
            e = d
            d = c
            c = rotateLeft(b, by: 30)
            b = a
            a = next
        }
        state[0] &+= a
        state[1] &+= b
        state[2] &+= c
        state[3] &+= d
        state[4] &+= e
    }

    private static func rotateLeft(_ word: UInt32, by count: UInt32) -> UInt32 {
        (word << count) | (word >> (32 - count))
    }
}
