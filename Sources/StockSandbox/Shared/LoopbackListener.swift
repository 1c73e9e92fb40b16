import Hummingbird
import Logging

/// Starts a Hummingbird application on 127.0.0.1 and returns once it listens: what every
/// emulator (`SandboxServer`) and the demo file server (`DemoFileServer`) share.
enum LoopbackListener {
    /// Runs `router` on 127.0.0.1 at `port` (0: a free one); returns the bound port and the task
    /// that serves until cancelled. `what` names the server in errors.
    static func start(router: Router<SandboxContext>, port: Int, logger: Logger,
                      what: String) async throws -> (port: Int, task: Task<Void, any Error>) {
        let listening = Locked<CheckedContinuation<Int, any Error>?>(nil)
        let resume: @Sendable (Result<Int, any Error>) -> Void = { result in
            listening.withLock { continuation in
                continuation?.resume(with: result)
                continuation = nil
            }
        }
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                resume(channel.localAddress?.port.map { .success($0) } ?? .failure(SandboxError.cannotListen("no local address")))
            },
            logger: logger)
        var task: Task<Void, any Error>?
        let bound = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            listening.withLock { $0 = continuation }
            task = Task {
                do {
                    try await app.run()
                    resume(.failure(SandboxError.cannotListen("\(what) stopped before listening")))
                } catch {
                    resume(.failure(SandboxError.cannotListen(String(describing: error))))
                    throw error
                }
            }
        }
        return (bound, task!)
    }
}
