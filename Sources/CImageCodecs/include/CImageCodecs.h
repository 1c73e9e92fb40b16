#ifndef STOCKTERM_CIMAGECODECS_H
#define STOCKTERM_CIMAGECODECS_H

/* The C side of StockImages: libjpeg-turbo and libpng behind functions that never longjmp into
   Swift, never abort, and refuse more bytes or pixels than the caller allows (docs/images.md). */

#include <stddef.h>

/* The libjpeg-turbo version this was compiled against, for diagnostics. */
int stk_jpeg_lib_version(void);

#endif
