import BrowserModel
import Foundation
import Synchronization

/// The screen thread's mailbox: tasks post actions from any thread; the screen thread, waiting in
/// `poll()` on `fileDescriptor` beside the terminal, wakes up and takes them all with `drain()`.
///
/// One byte goes down the pipe when the queue turns non-empty, not one per action, so the pipe
/// never fills however many answers arrive between two frames.
///
/// ```swift
/// let inbox = try ActionInbox()
/// inbox.post(.debounceElapsed(token))           // from a task
/// // screen thread: poll([tty, inbox.fileDescriptor]) ... then
/// for action in inbox.drain() { effects += state.reduce(action) }
/// ```
public final class ActionInbox: Sendable {
    private let queue = Mutex<[BrowserAction]>([])
    private let readEnd: Int32
    private let writeEnd: Int32

    /// A mailbox with its wake-up pipe (both ends non-blocking and close-on-exec).
    public init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// The end to `poll()` for reading: readable when actions wait.
    public var fileDescriptor: Int32 { readEnd }

    /// Queues an action and wakes the screen thread. Safe from any thread.
    public func post(_ action: BrowserAction) {
        let wasEmpty = queue.withLock { actions -> Bool in
            actions.append(action)
            return actions.count == 1
        }
        if wasEmpty { wake() }
    }

    /// Takes every queued action, in the order posted, and empties the pipe.
    public func drain() -> [BrowserAction] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
        return queue.withLock { actions in
            defer { actions.removeAll(keepingCapacity: true) }
            return actions
        }
    }

    /// Wakes the screen thread without an action (a signal handler's task, a resize).
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)   // a full pipe already means "wake up"
    }
}
