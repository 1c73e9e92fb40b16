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

/// More of AWS's published suite (aws-sig-v4-test-suite, 2015, as above: `get-utf8`, `get-space`,
/// `normalize-path/get-slashes`), whose request lines carry the path as written on the wire
/// (raw characters included), so they go through the signer's wire-level canonical request.
/// Each expected signature was checked with botocore 1.43.11 before it was written here.
@Suite struct SigV4PublishedPathTests {
    static func authorization(path: String) -> (String, String) {
        let signer = SigV4SignerTests.signer
        let headers = [("host", "example.amazonaws.com"), ("x-amz-date", "20150830T123600Z")]
        let (canonical, signed) = SigV4Signer.canonicalRequest(method: "GET", wirePath: path, wireQuery: nil, headers: headers, body: Data())
        let toSign = signer.stringToSign(canonicalRequest: canonical, amzDate: "20150830T123600Z", scope: "20150830/us-east-1/service/aws4_request")
        return (canonical, SigV4SignerTests.expected(signed, signer.signature(of: toSign, secret: SigV4SignerTests.credentials.secretKey, day: "20150830")))
    }

    @Test func getUTF8() {
        let (canonical, authorization) = Self.authorization(path: "/ሴ")
        #expect(canonical.hasPrefix("GET\n/%E1%88%B4\n\n"))
        #expect(authorization == SigV4SignerTests.expected("host;x-amz-date", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"))
    }

    @Test func getSpace() {
        let (canonical, authorization) = Self.authorization(path: "/example space/")
        #expect(canonical.hasPrefix("GET\n/example%20space/\n\n"))
        #expect(authorization == SigV4SignerTests.expected("host;x-amz-date", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"))
    }

    @Test func getSlashes() {
        let (canonical, authorization) = Self.authorization(path: "//example//")
        #expect(canonical.hasPrefix("GET\n/example/\n\n"))
        #expect(authorization == SigV4SignerTests.expected("host;x-amz-date", "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"))
    }
}

/// Our signer against the requests botocore signed (`scripts/sigv4-vectors.py`, committed as
/// Tests/StockSandboxTests/SigV4Vectors/botocore-vectors.json): given the same logical request it
/// makes botocore's canonical request, string to sign and Authorization header; where botocore
/// signed a URL's query as written, the specification's.
@Suite struct SigV4SignerBotocoreMatrixTests {
    struct Document: Decodable {
        struct Signed: Decodable { var canonical_request: String; var string_to_sign: String; var authorization: String }
        struct Logical: Decodable { var method: String; var path: String; var query: [[String]]; var headers: [[String]]; var body: String }
        struct Vector: Decodable { var name: String; var logical: Logical; var botocore: Signed; var spec: Signed? }
        struct Credentials: Decodable { var access_key: String; var secret_key: String; var session_token: String }
        var credentials: Credentials
        var timestamp: String
        var origin: String
        var vectors: [Vector]
    }

    static let document: Document = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../StockSandboxTests/SigV4Vectors/botocore-vectors.json").standardized
        return try! JSONDecoder().decode(Document.self, from: Data(contentsOf: url))
    }()

    /// Our client writes `,` raw in a path segment, never `%2c`: that vector's wire differs.
    static let differentWire = ["path-lower-case-hex": "/assets/a%2Cb"]

    @Test(arguments: Self.document.vectors.map(\.name))
    func ourSignerMatchesTheSpecificationAndBotocore(_ name: String) throws {
        let document = Self.document
        let vector = try #require(document.vectors.first { $0.name == name })
        let logical = vector.logical
        var request = HTTPRequest(try #require(HTTPMethod(rawValue: logical.method)), logical.path,
                                  query: logical.query.map { QueryItem($0[0], $0[1]) },
                                  headers: logical.headers.map { HTTPHeader($0[0], $0[1]) },
                                  body: logical.body.isEmpty ? nil : Data(logical.body.utf8))
        let credentials = AWSCredentials(accessKeyID: document.credentials.access_key, secretKey: document.credentials.secret_key,
                                         sessionToken: document.credentials.session_token)
        let base = try #require(URL(string: document.origin))
        let date = try #require(ISO8601DateFormatter().date(from: "2026-11-23T03:27:42Z"))
        #expect(SigV4Signer.timestamps(date).0 == document.timestamp)
        let signer = SigV4Signer(region: "us-east-1", service: "execute-api")
        signer.sign(&request, baseURL: base, credentials: credentials, date: date)
        let (canonical, _) = signer.canonicalRequest(request, baseURL: base)
        let expected = vector.spec ?? vector.botocore
        if let uri = Self.differentWire[name] {
            var lines = expected.canonical_request.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[1] = uri
            #expect(canonical == lines.joined(separator: "\n"))
        } else {
            #expect(canonical == expected.canonical_request)
            #expect(request.header("Authorization") == expected.authorization)
        }
    }

    @Test func rawQueryIsSignedAsItIsSent() throws {
        var request = HTTPRequest(.get, "/search", query: [QueryItem("limit", "5")])
        request.rawQuery = "query=lake%2cice&flag"
        let (canonical, _) = SigV4Signer().canonicalRequest(request, baseURL: URL(string: "http://127.0.0.1:8080")!)
        #expect(canonical.hasPrefix("GET\n/search\nflag=&limit=5&query=lake%2Cice\n"))
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
