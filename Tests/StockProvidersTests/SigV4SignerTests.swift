import Foundation
import StockHTTP
import Testing
@testable import StockProviders

/// AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite, as AWS distributed it in
/// 2015: credentials AKIDEXAMPLE, region us-east-1, service "service", 2015-08-30T12:36:00Z).
/// Each case: the `.req` file's request, and the `.authz` file's expected Authorization header.
@Suite struct SigV4SignerTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z
    static let base = URL(string: "https://example.amazonaws.com")!
    static let signer = SigV4Signer(region: "us-east-1", service: "service")
    static let stsToken = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

    static func authorization(_ request: HTTPRequest, credentials: AWSCredentials = credentials) -> String? {
        var r = request
        signer.sign(&r, baseURL: base, credentials: credentials, date: date)
        return r.header("Authorization")
    }

    static func expected(_ signedHeaders: String, _ signature: String) -> String {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    @Test func getVanilla() {
        #expect(Self.authorization(HTTPRequest(.get, "/"))
            == Self.expected("host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"))
    }

    @Test func getVanillaQueryOrderKeyCase() {
        let r = HTTPRequest(.get, "/", query: [QueryItem("Param2", "value2"), QueryItem("Param1", "value1")])
        #expect(Self.authorization(r) == Self.expected("host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"))
    }

    @Test func getVanillaQueryOrderKeySortsByValueToo() {
        let r = HTTPRequest(.get, "/", query: [QueryItem("Param1", "value2"), QueryItem("Param1", "Value1")])
        let (canonical, _) = Self.signer.canonicalRequest(r.signedForTest(), baseURL: Self.base)
        #expect(canonical == "GET\n/\nParam1=Value1&Param1=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.authorization(r) == Self.expected("host;x-amz-date", "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1"))
    }

    @Test func getVanillaQueryOrderValue() {
        let r = HTTPRequest(.get, "/", query: [QueryItem("Param1", "value2"), QueryItem("Param1", "value1")])
        #expect(Self.authorization(r) == Self.expected("host;x-amz-date", "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"))
    }

    @Test func getVanillaEmptyQueryKey() {
        let r = HTTPRequest(.get, "/", query: [QueryItem("Param1", "value1")])
        #expect(Self.authorization(r) == Self.expected("host;x-amz-date", "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"))
    }

    @Test func getVanillaQueryUnreserved() {
        let unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        let r = HTTPRequest(.get, "/", query: [QueryItem(unreserved, unreserved)])
        #expect(Self.authorization(r) == Self.expected("host;x-amz-date", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"))
    }

    @Test func getVanillaUTF8Query() {
        let r = HTTPRequest(.get, "/", query: [QueryItem("ሴ", "bar")])
        #expect(Self.authorization(r) == Self.expected("host;x-amz-date", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"))
    }

    @Test func getHeaderValueTrim() {
        let r = HTTPRequest(.get, "/", headers: [HTTPHeader("My-Header1", " value1"), HTTPHeader("My-Header2", " \"a   b   c\"")])
        #expect(Self.authorization(r)
            == Self.expected("host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"))
    }

    @Test func postVanilla() {
        #expect(Self.authorization(HTTPRequest(.post, "/"))
            == Self.expected("host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"))
    }

    @Test func postXWWWFormURLEncoded() {
        let r = HTTPRequest(.post, "/", headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
                            body: Data("Param1=value1".utf8))
        let (canonical, _) = Self.signer.canonicalRequest(r.signedForTest(), baseURL: Self.base)
        #expect(canonical.hasSuffix("content-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"))
        #expect(Self.authorization(r)
            == Self.expected("content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"))
    }

    @Test func postSTSHeaderBefore() {
        var creds = Self.credentials
        creds.sessionToken = Self.stsToken
        var r = HTTPRequest(.post, "/")
        Self.signer.sign(&r, baseURL: Self.base, credentials: creds, date: Self.date)
        #expect(r.header("X-Amz-Security-Token") == Self.stsToken)
        #expect(r.header("Authorization")
            == Self.expected("host;x-amz-date;x-amz-security-token", "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"))
    }

    @Test func stringToSignOfQueryOrderKey() {
        let r = HTTPRequest(.get, "/", query: [QueryItem("Param1", "value2"), QueryItem("Param1", "Value1")])
        let (canonical, _) = Self.signer.canonicalRequest(r.signedForTest(), baseURL: Self.base)
        #expect(Self.signer.stringToSign(canonicalRequest: canonical, amzDate: "20150830T123600Z", scope: "20150830/us-east-1/service/aws4_request")
            == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n704b4cef673542d84cdff252633f065e8daeba5f168b77116f8b1bcaf3d38f89")
    }

    @Test func hostCarriesANonDefaultPortAndTheBasePath() {
        var r = HTTPRequest(.get, "/assets/12345")
        SigV4Signer().sign(&r, baseURL: URL(string: "http://127.0.0.1:8080/stocksy/")!, credentials: Self.credentials, date: Self.date)
        let (canonical, signed) = SigV4Signer().canonicalRequest(r, baseURL: URL(string: "http://127.0.0.1:8080/stocksy/")!)
        #expect(canonical.hasPrefix("GET\n/stocksy/assets/12345\n\n"))
        #expect(canonical.contains("host:127.0.0.1:8080\n"))
        #expect(signed == "host;x-amz-date")
        #expect(r.header("Authorization")?.contains("/20150830/us-east-1/execute-api/aws4_request") == true)
    }
}

extension HTTPRequest {
    /// The request with the `X-Amz-Date` header the signer adds, for canonical-request checks.
    func signedForTest() -> HTTPRequest {
        var r = self
        r.setHeader("X-Amz-Date", "20150830T123600Z")
        return r
    }
}
