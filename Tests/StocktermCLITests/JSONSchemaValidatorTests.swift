import Foundation
import StockCore
import Testing

/// The schema validator itself: it must reject what breaks a schema (or the schema tests of
/// every command prove nothing), and accept what conforms.
@Suite struct JSONSchemaValidatorTests {
    static let common = #"""
    {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.invalid/s/common.schema.json",
     "$defs": {
       "date": {"type": "string", "format": "date-time", "pattern": "Z$"},
       "money": {"type": "object", "properties": {"amount": {"type": "integer"}, "currency": {"type": "string", "pattern": "^[A-Z]{3}$"}},
                 "required": ["amount", "currency"], "additionalProperties": false},
       "credits": {"type": "object", "properties": {"credits": {"type": "integer", "minimum": 0}}, "required": ["credits"], "additionalProperties": false},
       "cost": {"oneOf": [{"$ref": "#/$defs/money"}, {"$ref": "#/$defs/credits"}]}
     }}
    """#
    static let receipt = #"""
    {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.invalid/s/receipt.schema.json",
     "type": "object",
     "properties": {
       "id": {"type": "integer", "minimum": 1, "maximum": 1000},
       "state": {"enum": ["confirmed", "failed"]},
       "version": {"const": 2},
       "date": {"$ref": "common.schema.json#/$defs/date"},
       "total": {"anyOf": [{"$ref": "common.schema.json#/$defs/cost"}, {"type": "null"}]},
       "tags": {"type": "array", "items": {"type": "string"}},
       "note": {"type": ["string", "null"]},
       "counts": {"type": "object", "additionalProperties": {"type": "integer"}}
     },
     "required": ["id", "state", "date", "total"],
     "additionalProperties": false}
    """#

    func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schemas: [try JSONParser.parse(Data(Self.common.utf8)), try JSONParser.parse(Data(Self.receipt.utf8))])
    }

    func problems(_ document: String) throws -> [JSONSchemaValidator.Violation] {
        try validator().validate(text: document, against: "receipt.schema.json")
    }

    static let valid = #"""
    {"id": 7, "state": "confirmed", "version": 2, "date": "2026-12-07T17:44:42Z", "total": {"amount": 7500, "currency": "USD"},
     "tags": ["a"], "note": null, "counts": {"photo": 3}}
    """#

    @Test func aConformingDocumentHasNoViolations() throws {
        #expect(try problems(Self.valid) == [])
        #expect(try problems(#"{"id": 1, "state": "failed", "date": "2024-02-29T00:00:00Z", "total": {"credits": 3}}"#) == [])
        #expect(try problems(#"{"id": 1, "state": "failed", "date": "2024-02-29T00:00:00Z", "total": null}"#) == [])
    }

    /// Each document breaks the schema in one way; each must be reported, at the right place.
    @Test(arguments: [
        (#"{"id": "7", "state": "confirmed", "date": "2026-12-07T17:44:42Z", "total": null}"#, "$.id", "expected integer, found string"),
        (#"{"id": 7.5, "state": "confirmed", "date": "2026-12-07T17:44:42Z", "total": null}"#, "$.id", "expected integer"),
        (#"{"id": 0, "state": "confirmed", "date": "2026-12-07T17:44:42Z", "total": null}"#, "$.id", "less than"),
        (#"{"id": 1001, "state": "confirmed", "date": "2026-12-07T17:44:42Z", "total": null}"#, "$.id", "more than"),
        (#"{"state": "confirmed", "date": "2026-12-07T17:44:42Z", "total": null}"#, "$", "missing required property \"id\""),
        (#"{"id": 7, "state": "confirmed", "date": "2026-12-07T17:44:42Z"}"#, "$", "missing required property \"total\""),
        (#"{"id": 7, "assetID": 7, "state": "confirmed", "date": "2026-12-07T17:44:42Z", "total": null}"#, "$", "property \"assetID\" is not allowed"),
        (#"{"id": 7, "state": "pending", "date": "2026-12-07T17:44:42Z", "total": null}"#, "$.state", "is not one of"),
        (#"{"id": 7, "state": "failed", "version": 3, "date": "2026-12-07T17:44:42Z", "total": null}"#, "$.version", "is not 2"),
        (#"{"id": 7, "state": "failed", "date": 818355678.25, "total": null}"#, "$.date", "expected string, found number"),
        (#"{"id": 7, "state": "failed", "date": "2026-13-07T17:44:42Z", "total": null}"#, "$.date", "not an RFC 3339 date-time"),
        (#"{"id": 7, "state": "failed", "date": "2026-02-29T10:00:00Z", "total": null}"#, "$.date", "not an RFC 3339 date-time"),
        (#"{"id": 7, "state": "failed", "date": "2026-12-07 17:44:42Z", "total": null}"#, "$.date", "not an RFC 3339 date-time"),
        (#"{"id": 7, "state": "failed", "date": "2026-12-07T17:44:42+03:00", "total": null}"#, "$.date", "does not match Z$"),
        (#"{"id": 7, "state": "failed", "date": "2026-12-07T17:44:42Z", "total": {"amount": 75.5, "currency": "USD"}}"#, "$.total", "matches none of anyOf"),
        (#"{"id": 7, "state": "failed", "date": "2026-12-07T17:44:42Z", "total": {"amount": 7500, "currency": "usd"}}"#, "$.total", "matches none of anyOf"),
        (#"{"id": 7, "state": "failed", "date": "2026-12-07T17:44:42Z", "total": {"amount": 1, "currency": "USD", "credits": 1}}"#, "$.total", "matches none of anyOf"),
        (#"{"id": 7, "state": "failed", "date": "2026-12-07T17:44:42Z", "total": null, "tags": ["a", 1]}"#, "$.tags[1]", "expected string"),
        (#"{"id": 7, "state": "failed", "date": "2026-12-07T17:44:42Z", "total": null, "note": false}"#, "$.note", "expected string or null"),
        (#"{"id": 7, "state": "failed", "date": "2026-12-07T17:44:42Z", "total": null, "counts": {"photo": "3"}}"#, "$.counts.photo", "expected integer"),
        (#"[]"#, "$", "expected object, found array"),
        (#"{"id": 7,"#, "$", "not JSON"),
    ])
    func aBrokenDocumentIsRejected(document: String, path: String, message: String) throws {
        let found = try problems(document)
        #expect(found.contains { $0.path == path && $0.message.contains(message) }, "\(found)")
    }

    @Test func oneOfRejectsADocumentMatchingBothOrNeither() throws {
        let both = #"""
        {"$id": "https://example.invalid/s/both.schema.json", "oneOf": [{"type": "integer"}, {"type": "number"}]}
        """#
        let v = try JSONSchemaValidator(schemas: [try JSONParser.parse(Data(both.utf8))])
        #expect(v.validate(text: "1.5", against: "both.schema.json") == [])
        #expect(v.validate(text: "2", against: "both.schema.json").first?.message.contains("matches 2 of oneOf") == true)
        #expect(v.validate(text: "\"x\"", against: "both.schema.json").first?.message.contains("matches 0 of oneOf") == true)
    }

    @Test func aReferenceToNothingIsAViolationAndAnUnsupportedKeyword() throws {
        let schema = try JSONParser.parse(Data(#"""
        {"$id": "https://example.invalid/s/x.schema.json", "properties": {"a": {"$ref": "other.schema.json#/$defs/a"}},
         "patternProperties": {"^x": {"type": "string"}}, "type": "objekt", "format": "email"}
        """#.utf8))
        let v = try JSONSchemaValidator(schemas: [schema])
        #expect(v.validate(text: #"{"a": 1}"#, against: "x.schema.json").contains { $0.path == "$.a" && $0.message.contains("no schema document") })
        let unsupported = v.unsupportedKeywords(in: schema, base: "https://example.invalid/s/x.schema.json")
        #expect(unsupported.contains { $0.hasPrefix("#/patternProperties: keyword not understood") }, "\(unsupported)")
        #expect(unsupported.contains { $0.hasPrefix("#/type: unknown type") }, "\(unsupported)")
        #expect(unsupported.contains { $0.hasPrefix("#/format: format not understood") }, "\(unsupported)")
        #expect(unsupported.contains { $0.hasPrefix("#/properties/a/$ref") }, "\(unsupported)")
    }

    @Test func dateTimesFollowRFC3339() {
        for good in ["2026-12-07T17:44:42Z", "2024-02-29T23:59:60Z", "2026-12-07T17:44:42.5+03:00", "2026-01-31t00:00:00z"] {
            #expect(JSONSchemaValidator.isDateTime(good), "\(good)")
        }
        for bad in ["2026-12-07", "2026-12-07T17:44Z", "2026-04-31T00:00:00Z", "1900-02-29T00:00:00Z", "2026-12-07T24:00:00Z",
                    "2026-12-07T17:44:42", "818355678.25", "2026-12-07T17:44:42+3:00"] {
            #expect(!JSONSchemaValidator.isDateTime(bad), "\(bad)")
        }
    }
}
