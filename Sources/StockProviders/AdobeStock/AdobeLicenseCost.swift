import Foundation
import StockCore

extension AdobeStockProfile {
    /// `cce_agency` as the licensing flow's reference fields, in Adobe's order.
    var referenceFields: [LicenseReferenceField] {
        (cceAgency?.elements ?? []).map { r in
            let id = String(Int64(r.id.value))
            return LicenseReferenceField(id: id, label: WireText.optionalField(r.text) ?? "License reference \(id)", required: r.required?.value ?? false)
        }
    }
}

/// What a license costs, read from Member/Profile. Adobe's answer has no cost field; its
/// message says it ("This will use 1 of your 48 licenses.", "This will use your last standard
/// credit.", "Would you like to license the image for $2.99?").
enum AdobeLicenseCost {
    /// Free assets cost nothing ("will not use"); else the N of "will use N of your", 1 for
    /// "will use your last", 1 when the message does not say.
    static func credits(message: String?, asset: Asset?) -> Int {
        if asset?.premiumLevel.isFree == true { return 0 }
        guard let m = message?.lowercased() else { return 1 }
        if m.contains("will not use") { return 0 }
        if let range = m.range(of: "will use ") {
            let digits = m[range.upperBound...].prefix { $0.isNumber }
            if let n = Int(digits), m[range.upperBound...].dropFirst(digits.count).hasPrefix(" of your") { return n }
        }
        return 1
    }

    /// The US-dollar price of an overage message ("… for $2.99?"), exactly, in cents.
    static func overagePrice(_ message: String?) -> Money? {
        guard let m = message, let dollar = m.firstIndex(of: "$") else { return nil }
        let text = m[m.index(after: dollar)...].prefix { $0.isNumber || $0 == "." || $0 == "," }.replacingOccurrences(of: ",", with: "")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int64(parts.first ?? ""), parts.count <= 2 else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let c = Int64(parts[1]) else { return nil }
            cents = c
        }
        // A price too large for cents in 64 bits is no price stockterm can show (found by fuzzing).
        let (hundreds, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow, hundreds <= Int64.max - cents else { return nil }
        return Money(amount: hundreds + cents, currency: "USD", decimals: 2)
    }
}
