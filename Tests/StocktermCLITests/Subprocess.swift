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

    private static let spawnLock = NSLock()

    static func run(_ path: String, _ arguments: [String]) throws -> Output {
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
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
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
