import Foundation

/// Writes bytes to a terminal descriptor whole, through short writes and interruptions: what the
/// screen sends outside ncurses (pictures, the goodbye) and what the graphics probe asks.
enum TerminalWrite {
    /// Writes every byte of `bytes` to `descriptor`; false when the descriptor fails.
    @discardableResult
    static func all(_ bytes: [UInt8], to descriptor: Int32 = STDOUT_FILENO) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 { offset += n } else if n < 0, errno == EINTR { continue } else { return false }
            }
            return true
        }
    }
}
