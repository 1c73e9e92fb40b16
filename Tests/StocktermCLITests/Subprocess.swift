import Foundation

/// Runs a short command with posix_spawn and a blocking waitpid, returning its status and
/// standard output. Foundation's `Process` on Linux hung here when several tests spawned at once
/// and one child (tmux's client) forked a long-lived daemon (its server) that inherited another
/// test's pipe; this uses close-on-exec pipes and waits for the child itself.
enum Subprocess {
    struct Output {
        var status: Int32
        var stdout: String
    }

    static let spawnLock = NSLock()

    /// Runs `path` to its end with `environment` added to this process's (when not empty).
    static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        // Close-on-exec, so that a child spawned at the same moment by another test (a tmux server
        // that lives on) cannot inherit our pipe and keep it open forever; dup2 below clears the
        // flag on the child's own standard output.
        // (Glibc's pipe2 is not visible from Swift: pipe, then the flag, under a lock that every
        // spawn here takes, so no spawn can happen between the two.)
        spawnLock.lock()
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { spawnLock.unlock(); throw POSIXError(.EIO) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        var merged = ProcessInfo.processInfo.environment
        for (k, v) in environment { merged[k] = v }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.isEmpty ? [] : merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = environment.isEmpty ? posix_spawn(&pid, path, &actions, nil, argv, environ)
            : posix_spawn(&pid, path, &actions, nil, argv, envp)
        spawnLock.unlock()
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        // Read to the end first (the pipe closes when the child and anything it forked close it;
        // tmux's server closes its inherited descriptors when it daemonises).
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n > 0 { data.append(contentsOf: buffer[0..<n]) }
            else if n < 0, errno == EINTR { continue }
            else { break }
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: exitStatus, stdout: String(decoding: data, as: UTF8.self))
    }
}

extension Subprocess {
    /// A child left running (a server): its pid and the read end of its standard output.
    final class Running: @unchecked Sendable {
        // @unchecked: used by one test at a time.
        let pid: pid_t
        private let output: Int32
        private var buffer = Data()
        private var exitStatus: Int32?

        init(pid: pid_t, output: Int32) {
            self.pid = pid
            self.output = output
        }

        /// Standard output until a line satisfies `match`, or nil at the deadline or end of output.
        func readLine(matching match: (String) -> Bool, timeout: Duration) -> String? {
            let deadline = ContinuousClock.now + timeout
            while true {
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    if match(line) { return line }
                }
                let left = deadline - ContinuousClock.now
                guard left > .zero else { return nil }
                var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
                let millis = Int32(min(left.components.seconds * 1000 + 1, 1000))
                guard poll(&descriptor, 1, millis) >= 0 || errno == EINTR else { return nil }
                guard descriptor.revents != 0 else { continue }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = read(output, &chunk, chunk.count)
                if n > 0 { buffer.append(contentsOf: chunk[0..<n]) } else if n == 0 || errno != EINTR { return nil }
            }
        }

        /// Sends `signal` and waits for the exit status (128 + signal when it was killed by it).
        func stop(with signal: Int32, timeout: Duration = .seconds(20)) -> Int32? {
            kill(pid, signal)
            let deadline = ContinuousClock.now + timeout
            var status: Int32 = 0
            while ContinuousClock.now < deadline {
                let r = waitpid(pid, &status, WNOHANG)
                if r == pid {
                    close(output)
                    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                }
                usleep(20_000)
            }
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            close(output)
            return nil
        }
    }

    /// Starts `path` with `arguments` and `environment` added to this process's, standard error
    /// to /dev/null, and returns at once.
    static func start(_ path: String, _ arguments: [String], environment: [String: String]) throws -> Running {
        spawnLock.lock()
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { spawnLock.unlock(); throw POSIXError(.EIO) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var merged = ProcessInfo.processInfo.environment
        for (k, v) in environment { merged[k] = v }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        spawnLock.unlock()
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        return Running(pid: pid, output: fds[0])
    }
}
