import Testing
import TerminalUI

/// Layout arithmetic: insets and splits, clamped so tiny terminals never trap.
@Suite struct RectTests {
    let screen = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test func insetShrinksEachSide() {
        #expect(screen.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(screen.inset(top: 1, left: 2, bottom: 3, right: 4) == Rect(x: 2, y: 1, width: 74, height: 20))
        #expect(Rect(x: 5, y: 5, width: 3, height: 2).inset(by: 2) == Rect(x: 7, y: 7, width: 0, height: 0))
        #expect(Rect(x: 5, y: 5, width: 3, height: 2).inset(by: 2).isEmpty)
    }

    @Test func splitsDivideWithoutOverlap() {
        let (body, status) = screen.split(bottomHeight: 1)
        #expect(body == Rect(x: 0, y: 0, width: 80, height: 23))
        #expect(status == Rect(x: 0, y: 23, width: 80, height: 1))
        let (search, rest) = body.split(topHeight: 1)
        #expect(search == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(rest == Rect(x: 0, y: 1, width: 80, height: 22))
        let (filters, results) = rest.split(leftWidth: 24)
        #expect(filters == Rect(x: 0, y: 1, width: 24, height: 22))
        #expect(results == Rect(x: 24, y: 1, width: 56, height: 22))
        let (main, side) = rest.split(rightWidth: 30)
        #expect(main == Rect(x: 0, y: 1, width: 50, height: 22))
        #expect(side == Rect(x: 50, y: 1, width: 30, height: 22))
    }

    @Test func splitsClampToTheSize() {
        let small = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(small.split(leftWidth: 40) == (left: small, right: Rect(x: 12, y: 3, width: 0, height: 4)))
        #expect(small.split(leftWidth: -1).left == Rect(x: 2, y: 3, width: 0, height: 4))
        #expect(small.split(topHeight: 9).bottom == Rect(x: 2, y: 7, width: 10, height: 0))
        #expect(small.row(2) == Rect(x: 2, y: 5, width: 10, height: 1))
        #expect(small.row(4).isEmpty)
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
    }

    @Test func intersectionAndContains() {
        let a = Rect(x: 0, y: 0, width: 10, height: 5)
        let b = Rect(x: 6, y: 3, width: 10, height: 10)
        #expect(a.intersection(b) == Rect(x: 6, y: 3, width: 4, height: 2))
        #expect(a.intersection(Rect(x: 20, y: 0, width: 2, height: 2)).isEmpty)
        #expect(a.contains(x: 9, y: 4))
        #expect(!a.contains(x: 10, y: 4))
        #expect(a.maxX == 10 && a.maxY == 5 && a.area == 50)
    }
}
