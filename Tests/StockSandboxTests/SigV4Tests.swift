import Foundation
import Testing
@testable import StockSandbox

/// The sandbox's sigv4 verifier and the tests' signer against signatures botocore computed
/// (botocore 1.43, `SigV4Auth(creds, "execute-api", "us-east-1")`, at 2026-11-23T03:27:42Z).
@Suite struct SigV4Tests {
    static let credentials = SigV4Verifier.Credentials(
        accessKeyID: "ASIASANDBOXEXAMPLE0001", secretKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        sessionToken: "SESSIONTOKEN/example+token==", expires: Date(timeIntervalSince1970: 1_900_000_000), userID: 6)
    static let signedAt = ISODateBridge.date("2026-11-23T03:27:42Z")!
    static let getSignature = "7c1f9403cbeec75838022f28bae820a10f262722ae5181f0fab59548e1c995f7"
    static let postSignature = "ba4ed9ef8c8f7639eb4ee88f8c28e8bcfc88b6cd146932d44dc7444a22fb5e60"

    static func getRequest(signature: String) -> SigV4Verifier.SignedRequest {
        SigV4Verifier.SignedRequest(
            method: "GET", rawPath: "/search", rawQuery: "query=lake%2Cice&limit=5&facet_orientation=tall&facet_orientation=square",
            headers: [("x-api-key", "stocksy-sandbox-key-6e21b9"), ("x-amz-date", "20261123T032742Z"),
                      ("x-amz-security-token", credentials.sessionToken), ("host", "127.0.0.1:8080"),
                      ("authorization", "AWS4-HMAC-SHA256 Credential=ASIASANDBOXEXAMPLE0001/20261123/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token;x-api-key, Signature=\(signature)")],
            body: [])
    }

    let verifier = SigV4Verifier(region: "us-east-1", service: "execute-api")

    @Test func botocoresGetSignatureVerifies() throws {
        let ok = try verifier.verify(Self.getRequest(signature: Self.getSignature), now: Self.signedAt) { _ in Self.credentials }
        #expect(ok.userID == 6)
    }

    @Test func botocoresPostSignatureWithABodyVerifies() throws {
        let request = SigV4Verifier.SignedRequest(
            method: "POST", rawPath: "/purchases", rawQuery: nil,
            headers: [("x-api-key", "k"), ("content-type", "application/json"), ("x-amz-date", "20261123T032742Z"),
                      ("x-amz-security-token", Self.credentials.sessionToken), ("host", "127.0.0.1:8080"),
                      ("authorization", "AWS4-HMAC-SHA256 Credential=ASIASANDBOXEXAMPLE0001/20261123/us-east-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-api-key, Signature=\(Self.postSignature)")],
            body: Array(#"{"products":[]}"#.utf8))
        _ = try verifier.verify(request, now: Self.signedAt) { _ in Self.credentials }
        var changed = request
        changed.body = Array(#"{"products":[1]}"#.utf8)
        #expect(throws: SigV4Verifier.Failure.signatureMismatch) { try verifier.verify(changed, now: Self.signedAt) { _ in Self.credentials } }
    }

    @Test func aWrongSignatureStaleDateOrExpiredTokenFails() {
        #expect(throws: SigV4Verifier.Failure.signatureMismatch) {
            try verifier.verify(Self.getRequest(signature: String(repeating: "0", count: 64)), now: Self.signedAt) { _ in Self.credentials }
        }
        #expect(throws: SigV4Verifier.Failure.self) {
            try verifier.verify(Self.getRequest(signature: Self.getSignature), now: Self.signedAt.addingTimeInterval(16 * 60)) { _ in Self.credentials }
        }
        var expired = Self.credentials
        expired.expires = Self.signedAt.addingTimeInterval(-1)
        #expect(throws: SigV4Verifier.Failure.expiredToken) {
            try verifier.verify(Self.getRequest(signature: Self.getSignature), now: Self.signedAt) { _ in expired }
        }
        #expect(throws: SigV4Verifier.Failure.invalidToken) {
            try verifier.verify(Self.getRequest(signature: Self.getSignature), now: Self.signedAt) { _ in nil }
        }
    }

    @Test func theTestSignerAgreesWithBotocore() {
        let signer = TestSigner(accessKey: Self.credentials.accessKeyID, secret: Self.credentials.secretKey, sessionToken: Self.credentials.sessionToken)
        let headers = signer.sign(method: "GET", host: "127.0.0.1:8080", path: "/search",
                                  query: "query=lake%2Cice&limit=5&facet_orientation=tall&facet_orientation=square",
                                  extraHeaders: [("x-api-key", "stocksy-sandbox-key-6e21b9")], date: Self.signedAt)
        #expect(headers.first { $0.0 == "Authorization" }?.1.hasSuffix("Signature=\(Self.getSignature)") == true)
    }
}
