/// Proleptic Gregorian calendar arithmetic in UTC, with integers only (Howard Hinnant's
/// `days_from_civil` and `civil_from_days`), so that dates format the same on every machine and
/// fast enough for a million lines.
enum CivilDate {
    /// Days since 1970-01-01 of a calendar date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Seconds since the Unix epoch at midnight UTC of a calendar date.
    static func unixSeconds(year: Int, month: Int, day: Int) -> Int64 {
        Int64(days(year: year, month: month, day: day)) * 86_400
    }

    /// The calendar date of a day count since 1970-01-01.
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Appends `2024-11-03T14:22:00Z` for whole seconds since the epoch (years 0 to 9999).
    static func appendISO8601(_ seconds: Int64, to out: inout [UInt8]) {
        var days = Int(seconds / 86_400)
        var rest = Int(seconds % 86_400)
        if rest < 0 { rest += 86_400; days -= 1 }
        let (year, month, day) = date(days: days)
        appendDigits(year, width: 4, to: &out); out.append(0x2D)
        appendDigits(month, width: 2, to: &out); out.append(0x2D)
        appendDigits(day, width: 2, to: &out); out.append(0x54)
        appendDigits(rest / 3600, width: 2, to: &out); out.append(0x3A)
        appendDigits(rest / 60 % 60, width: 2, to: &out); out.append(0x3A)
        appendDigits(rest % 60, width: 2, to: &out); out.append(0x5A)
    }

    private static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = value
        while divisor > 0 {
            out.append(UInt8(truncatingIfNeeded: 0x30 + v / divisor))
            v %= divisor
            divisor /= 10
        }
    }
}
