#include <stdio.h>
#include "Shim.h"
#include <stdlib.h>
#include <string.h>

void stk_free(void *buffer) { free(buffer); }

void stk_set_message(char *message, size_t capacity, const char *text) {
    if (message == NULL || capacity == 0) return;
    size_t length = text == NULL ? 0 : strlen(text);
    if (length >= capacity) length = capacity - 1;
    if (length > 0) memcpy(message, text, length);
    message[length] = '\0';
}

void stk_clear_message(char *message, size_t capacity) {
    if (message != NULL && capacity > 0) message[0] = '\0';
}

stk_status stk_encode_start(const unsigned char *rgb, unsigned width, unsigned height, unsigned long max_side,
                            const char *format, stk_encoded *out, char *message, size_t message_capacity) {
    stk_clear_message(message, message_capacity);
    if (out == NULL || rgb == NULL) {
        stk_set_message(message, message_capacity, "no pixels or no place for the result");
        return STK_INVALID_ARGUMENT;
    }
    out->bytes = NULL;
    out->count = 0;
    if (width < 1 || height < 1 || width > max_side || height > max_side) {
        char text[96];
        snprintf(text, sizeof text, "a %s is 1 to %lu pixels a side", format, max_side);
        stk_set_message(message, message_capacity, text);
        return STK_INVALID_ARGUMENT;
    }
    return STK_OK;
}

int stk_sink_reserve(stk_sink *sink, size_t extra) {
    if (extra <= sink->capacity - sink->count) return 1;
    size_t needed = sink->count + extra;
    if (needed < sink->count) return 0;
    size_t capacity = sink->capacity < 16384 ? 16384 : sink->capacity;
    while (capacity < needed) {
        if (capacity > ((size_t)-1) / 2) { capacity = needed; break; }
        capacity *= 2;
    }
    unsigned char *bytes = realloc(sink->bytes, capacity);
    if (bytes == NULL) return 0;
    sink->bytes = bytes;
    sink->capacity = capacity;
    return 1;
}
