import Testing
@testable import StockSandbox

/// The rate limiter, the fault injector and the small pieces every emulator shares.
@Suite struct SharedMachineryTests {
    @Test func theSlidingWindowAdmitsTheLimitThenTellsHowLongToWait() {
        var limiter = SlidingWindowLimiter(limit: 2, window: 60)
        #expect(limiter.admit("a", at: 0) == .admitted)
        #expect(limiter.admit("a", at: 10) == .admitted)
        #expect(limiter.admit("a", at: 20.5) == .refused(retryAfter: 40))
        #expect(limiter.admit("b", at: 20.5) == .admitted)
        // The first slot frees at 60; refusals are not counted.
        #expect(limiter.admit("a", at: 59.9) == .refused(retryAfter: 1))
        #expect(limiter.admit("a", at: 60.01) == .admitted)
        #expect(limiter.admit("a", at: 60.02) == .refused(retryAfter: 10))
    }

    @Test func requestsDecidedOutOfArrivalOrderCountByArrival() {
        // The emulator passes arrival times, and a slow credential check can decide them late.
        var limiter = SlidingWindowLimiter(limit: 2, window: 1)
        #expect(limiter.admit("k", at: 0.30) == .admitted)
        #expect(limiter.admit("k", at: 0.10) == .admitted)   // arrived first, decided second
        #expect(limiter.admit("k", at: 0.50) == .refused(retryAfter: 1))
        #expect(limiter.admit("k", at: 1.15) == .admitted)   // 0.10 has left the window
        #expect(limiter.admit("k", at: 1.20) == .refused(retryAfter: 1))
    }

    @Test func retryAfterIsRoundedUpToWholeSeconds() {
        var limiter = SlidingWindowLimiter(limit: 1, window: 1)
        #expect(limiter.admit("k", at: 0) == .admitted)
        #expect(limiter.admit("k", at: 0.1) == .refused(retryAfter: 1))
    }

    @Test func faultsFollowTheRateAndTheSeed() {
        var never = FaultInjector(rate: 0, seed: 1)
        #expect((0..<1000).allSatisfy { _ in never.next() == nil })
        var always = FaultInjector(rate: 1, seed: 1)
        let kinds = (0..<300).compactMap { _ in always.next() }
        #expect(kinds.count == 300)
        #expect(Set(kinds) == Set(SandboxFault.allCases))
        var half = FaultInjector(rate: 0.5, seed: 3)
        let fired = (0..<2000).filter { _ in half.next() != nil }.count
        #expect((850...1150).contains(fired))
        var a = FaultInjector(rate: 0.3, seed: 42), b = FaultInjector(rate: 0.3, seed: 42)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
    }

    @Test func faultKindsNarrowWhatIsInjected() {
        var malformed = FaultInjector(rate: 1, seed: 5, kinds: [.malformedJSON])
        #expect((0..<200).allSatisfy { _ in malformed.next() == .malformedJSON })
        var retryable = FaultInjector(rate: 1, seed: 5, kinds: [.badGateway, .unavailable])
        let drawn = (0..<300).compactMap { _ in retryable.next() }
        #expect(Set(drawn) == [.badGateway, .unavailable])
        // Every kind allowed: the original draw, so a seed gives the same faults as before.
        var all = FaultInjector(rate: 0.4, seed: 9, kinds: Set(SandboxFault.allCases)), plain = FaultInjector(rate: 0.4, seed: 9)
        #expect((0..<200).map { _ in all.next() } == (0..<200).map { _ in plain.next() })
        #expect(throws: SandboxError.self) { try SandboxOptions(api: .adobe, faultKinds: []).validate() }
    }

    @Test func queryItemsDecodePercentPlusAndRepeats() {
        let q = QueryItems(parsing: "search_parameters%5Bwords%5D=lake+ice&a=1&a=2,3&flag&x=%E2%82%BD")
        #expect(q["search_parameters[words]"] == "lake ice")
        #expect(q.all("a") == ["1", "2,3"])
        #expect(q.list("a") == ["1", "2", "3"])
        #expect(q.contains("flag"))
        #expect(q["x"] == "₽")
    }

    @Test func jsonNodesEscapeAndKeepOrder() {
        let node = JSONNode.members([("b", .string("a\"b\n\u{1}")), ("a", .double(15)), ("c", .array([.null, .bool(true), .int(3)]))])
        #expect(node.text == #"{"b":"a\"b\n\u0001","a":15.0,"c":[null,true,3]}"#)
    }

    @Test func secretsAreMaskedInTheLog() {
        #expect(SecretMask.mask("Bearer sf_at_0123456789abcdef") == "Bearer sf_at_…")
        #expect(SecretMask.mask("abc") == "…")
        let sig = "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=deadbeef"
        #expect(SecretMask.mask(sig).hasSuffix("Signature=…"))
        #expect(SecretMask.mask(sig).contains("SignedHeaders=host;x-amz-date"))
    }
}
