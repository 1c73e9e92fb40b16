import Foundation

/// Commands of kitty's terminal graphics protocol (kitty, WezTerm, Ghostty, Konsole), as bytes.
///
/// A picture is sent once as PNG under an image id (`transmit`), then shown in a rectangle of
/// cells as often as needed (`place`: the terminal scales it to the cells), and its placement is
/// removed when something covers it or the view changes (`deletePlacement`). All commands ask
/// the terminal not to answer (`q=2`) and not to move the cursor (`C=1`), so they never disturb
/// the text screen that ncurses keeps.
///
/// ```swift
/// out += KittyGraphics.transmit(imageID: 7, png: try ImageEncoder.png(picture))
/// out += KittyGraphics.place(imageID: 7, columns: 40, rows: 12)
/// ```
public enum KittyGraphics {
    /// The most base64 bytes in one escape sequence (the protocol's limit).
    public static let chunkSize = 4096

    /// Asks whether the terminal understands the protocol: a kitty-capable terminal answers
    /// `ESC _ G i=31;OK ESC \` (or an error that still names the protocol); others ignore it.
    /// Send it followed by a device attributes request, which every terminal answers.
    public static let query: [UInt8] = Array("\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\".utf8)

    /// Sends a PNG under `imageID` (1…2³²−1) without showing it, in chunks of `chunkSize`.
    public static func transmit(imageID: UInt32, png: [UInt8]) -> [UInt8] {
        let payload = Array(Data(png).base64EncodedString().utf8)
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + payload.count / chunkSize * 16 + 64)
        var start = 0
        repeat {
            let end = min(payload.count, start + chunkSize)
            let more = end < payload.count ? 1 : 0
            let control = start == 0 ? "a=t,f=100,t=d,i=\(imageID),q=2,m=\(more)" : "m=\(more)"
            out += Array("\u{1B}_G\(control);".utf8)
            out += payload[start ..< end]
            out += [0x1B, 0x5C]
            start = end
        } while start < payload.count
        return out
    }

    /// Shows image `imageID` at the cursor, scaled to `columns` × `rows` cells, as placement
    /// `placementID` of that image (placing it again with the same ids moves it).
    public static func place(imageID: UInt32, placementID: UInt32 = 1, columns: Int, rows: Int) -> [UInt8] {
        Array("\u{1B}_Ga=p,i=\(imageID),p=\(placementID),c=\(columns),r=\(rows),C=1,q=2\u{1B}\\".utf8)
    }

    /// Removes one placement of an image; the image stays with the terminal for later placements.
    public static func deletePlacement(imageID: UInt32, placementID: UInt32 = 1) -> [UInt8] {
        Array("\u{1B}_Ga=d,d=i,i=\(imageID),p=\(placementID),q=2\u{1B}\\".utf8)
    }

    /// Removes an image and frees its data in the terminal.
    public static func deleteImage(imageID: UInt32) -> [UInt8] {
        Array("\u{1B}_Ga=d,d=I,i=\(imageID),q=2\u{1B}\\".utf8)
    }

    /// Removes every placement and frees every image this program sent (on leaving the screen).
    public static let deleteAll: [UInt8] = Array("\u{1B}_Ga=d,d=A,q=2\u{1B}\\".utf8)
}
