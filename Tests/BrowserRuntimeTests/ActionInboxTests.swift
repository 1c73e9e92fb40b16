import BrowserModel
import BrowserRuntime
import Foundation
import Testing

/// The mailbox and its wake-up pipe.
@Suite struct ActionInboxTests {
    private func readable(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) == 1
    }

    @Test func thePipeIsReadableExactlyWhileActionsWait() throws {
        let inbox = try ActionInbox()
        #expect(!readable(inbox.fileDescriptor))
        inbox.post(.home)
        inbox.post(.end)
        #expect(readable(inbox.fileDescriptor))
        #expect(inbox.drain() == [.home, .end])
        #expect(!readable(inbox.fileDescriptor))
        #expect(inbox.drain() == [])
    }

    @Test func manyThreadsPostingLoseNothingAndKeepEachThreadsOrder() async throws {
        let inbox = try ActionInbox()
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<4 {
                group.addTask {
                    for i in 0..<2_000 { inbox.post(.moveSelection(thread * 10_000 + i)) }
                }
            }
        }
        let all = inbox.drain()
        #expect(all.count == 8_000)
        for thread in 0..<4 {
            let mine = all.compactMap { action -> Int? in
                if case .moveSelection(let n) = action, n / 10_000 == thread { return n % 10_000 }
                return nil
            }
            #expect(mine == Array(0..<2_000))
        }
        #expect(!readable(inbox.fileDescriptor))
    }

    @Test func manualClockWakesSleepersInDeadlineOrderAndCancelsAtOnce() async throws {
        let clock = ManualClock()
        let woke = WokeList()
        let late = Task { try await clock.sleep(milliseconds: 300); await woke.add("late") }
        let early = Task { try await clock.sleep(milliseconds: 100); await woke.add("early") }
        let cancelled = Task { try await clock.sleep(milliseconds: 200); await woke.add("cancelled") }
        while clock.sleeperCount < 3 { await Task.yield() }
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        await clock.advance(by: 99)
        #expect(await woke.names == [])
        await clock.advance(by: 250)
        try await early.value
        try await late.value
        #expect(await woke.names == ["early", "late"])
    }
}

private actor WokeList {
    var names: [String] = []
    func add(_ name: String) { names.append(name) }
}
