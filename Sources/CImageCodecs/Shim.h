#ifndef STOCKTERM_CIMAGECODECS_SHIM_H
#define STOCKTERM_CIMAGECODECS_SHIM_H

/* What the JPEG and PNG halves of the shim share; not part of the module's interface. */

#include "CImageCodecs.h"

/* A growing output buffer for the encoders. */
typedef struct stk_sink {
    unsigned char *bytes;
    size_t count;
    size_t capacity;
} stk_sink;

/* Makes room for `extra` more bytes; 0 when memory ran out (the buffer is then unchanged). */
int stk_sink_reserve(stk_sink *sink, size_t extra);

/* Copies `text` into the caller's message buffer, cut to fit, always NUL-terminated. */
void stk_set_message(char *message, size_t capacity, const char *text);

/* Clears a message buffer (so that success leaves ""). */
void stk_clear_message(char *message, size_t capacity);

/* The checks every encoder starts with: clears the message and the result, and refuses a missing
   buffer or a side outside 1...max_side (saying `format`'s range). STK_OK when it may go on. */
stk_status stk_encode_start(const unsigned char *rgb, unsigned width, unsigned height, unsigned long max_side,
                            const char *format, stk_encoded *out, char *message, size_t message_capacity);

#endif
