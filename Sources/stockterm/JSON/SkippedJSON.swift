import StockCore

/// One record of a service's answer left out because it could not be read (`SkippedRecord`):
/// where it was and why. Both are sanitised, as they quote the service.
///
/// ```json
/// {"path": "files[3]", "reason": "field \"files[3].id\" is missing"}
/// ```
struct SkippedJSON: Encodable, Equatable {
    var path: String
    var reason: String

    init(_ record: SkippedRecord) {
        path = SafeText.sanitize(record.path)
        reason = SafeText.sanitize(record.reason)
    }

    static func list(_ records: [SkippedRecord]) -> [SkippedJSON] { records.map(SkippedJSON.init) }
}
