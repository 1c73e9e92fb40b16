import StockHTTP
import Testing

@Suite struct RedactorTests {
    let redactor = Redactor(secrets: ["sk_live_51ABCdef", "tok"])

    @Test func knownSecretsAreMaskedAnywhere() {
        #expect(redactor.redact("key sk_live_51ABCdef echoed") == "key ‹redacted› echoed")
        // Too short to mask safely: "tok" would eat "token".
        #expect(redactor.redact("token") == "token")
    }

    @Test func credentialHeadersAreAlwaysMasked() {
        #expect(redactor.redact(header: HTTPHeader("Authorization", "Bearer abc")) == "Authorization: ‹redacted›")
        #expect(redactor.redact(header: HTTPHeader("X-Api-Key", "whatever")) == "X-Api-Key: ‹redacted›")
        #expect(redactor.redact(header: HTTPHeader("x-product", "stockterm/1")) == "x-product: stockterm/1")
    }

    @Test func credentialQueryValuesAreMasked() {
        let url = "https://stock.adobe.com/Download/1?token=abc123&format=jpeg&X-Amz-Signature=ff00"
        #expect(redactor.redact(url: url) == "https://stock.adobe.com/Download/1?token=‹redacted›&format=jpeg&X-Amz-Signature=‹redacted›")
        #expect(redactor.redact(url: "http://h/p") == "http://h/p")
    }
}
