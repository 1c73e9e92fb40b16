#ifndef STOCKTERM_CNCURSES_SHIM_H
#define STOCKTERM_CNCURSES_SHIM_H
/*
 * SwiftPM drops the -D flags that `pkg-config --cflags ncursesw` gives, so the wide-character
 * API must be switched on here, before the header is read (see TOOLCHAIN-NOTES.md).
 */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 cannot read these globals (shared mutable state) nor expand the lvalue macros. */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int cn_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int cn_getcury(WINDOW *w) { return getcury(w); }
static inline int cn_getcurx(WINDOW *w) { return getcurx(w); }

/* Attribute macros are cast-and-shift expressions Swift cannot import. */
static const attr_t CN_A_NORMAL = A_NORMAL;
static const attr_t CN_A_BOLD = A_BOLD;
static const attr_t CN_A_REVERSE = A_REVERSE;
static const attr_t CN_A_DIM = A_DIM;
static const attr_t CN_A_UNDERLINE = A_UNDERLINE;
static const attr_t CN_A_STANDOUT = A_STANDOUT;
/* X/Open's A_HORIZONTAL: no terminal capability draws it (the screen marks picture cells with it). */
static const attr_t CN_A_HORIZONTAL = A_HORIZONTAL;

static inline int cn_key_f(int n) { return KEY_F(n); }

/* Line-drawing characters are runtime table lookups; the wide forms draw under every TERM. */
static inline const cchar_t *cn_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *cn_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *cn_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *cn_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *cn_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *cn_wacs_lrcorner(void) { return WACS_LRCORNER; }

#endif
