/// Writes an optional as `null` rather than leaving its key out, so that every key of a
/// `--json` shape is always present and "unknown" reads as `null`.
///
/// ```swift
/// struct Example: Encodable { @Nullable var category: String? }   // {"category":null}
/// ```
@propertyWrapper
struct Nullable<Value: Encodable & Equatable>: Encodable, Equatable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}
