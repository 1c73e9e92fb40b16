#ifndef STOCKTERM_CIMAGECODECS_H
#define STOCKTERM_CIMAGECODECS_H

/* The C side of StockImages: libjpeg-turbo and libpng behind functions that never longjmp into
   Swift, never abort, never print, and refuse more pixels than the caller allows (docs/images.md).

   Every function here returns a status and, when it is not STK_OK, writes one line saying why into
   `message` (at most `message_capacity` bytes, NUL-terminated): the library's own words where it
   had some. Each call uses only its own state, so any number may run at once on different threads.
   Buffers these functions hand out are allocated with malloc and given back with stk_free. */

#include <stddef.h>

/* What a call came to. */
typedef enum stk_status {
    STK_OK = 0,
    /* The bytes do not start as this format does (another format, or not an image). */
    STK_NOT_THIS_FORMAT = 1,
    /* The data is damaged or ends early: a bad checksum, a bad code, a missing part. */
    STK_CORRUPT = 2,
    /* The header declares more pixels than `max_pixels`, or more than the format allows. */
    STK_TOO_LARGE = 3,
    /* A buffer could not be allocated. */
    STK_OUT_OF_MEMORY = 4,
    /* A valid file of a kind this build cannot read, e.g. 12-bit JPEG. */
    STK_UNSUPPORTED = 5,
    /* The caller's arguments are impossible: a null pointer, a zero or oversized dimension. */
    STK_INVALID_ARGUMENT = 6,
} stk_status;

/* A decoded picture. */
typedef struct stk_decoded {
    /* width * height * 3 bytes of 8-bit RGB, rows top to bottom; NULL unless the call succeeded.
       Give it back with stk_free. */
    unsigned char *pixels;
    /* The size of `pixels`: the source size, or a smaller one when a JPEG was decoded scaled. */
    unsigned width;
    unsigned height;
    /* The size the header declares; set as soon as the header has been read, also when the
       call then fails (so that STK_TOO_LARGE can say how large). 0 when no header was read. */
    unsigned source_width;
    unsigned source_height;
} stk_decoded;

/* An encoded file in memory. */
typedef struct stk_encoded {
    /* `count` bytes; NULL unless the call succeeded. Give it back with stk_free. */
    unsigned char *bytes;
    size_t count;
} stk_encoded;

/* The most scans a progressive JPEG may have before it is called corrupt (a hostile file can
   otherwise keep the decoder busy for minutes with thousands of tiny scans). */
#define STK_JPEG_MAX_SCANS 500

/* The largest ancillary PNG chunk (text, ICC profile …) that is read, decompressed, in bytes. */
#define STK_PNG_MAX_CHUNK_BYTES (8u * 1024u * 1024u)

/* Decodes a JPEG (baseline or progressive; grey, YCbCr, RGB, CMYK or YCCK) to 8-bit RGB.
   Refuses with STK_TOO_LARGE, before allocating anything for pixels, when the header declares more
   than `max_pixels` pixels. When `min_width` or `min_height` is not 0, decodes at the smallest of
   libjpeg's scales 1/8, 2/8 … 8/8 whose output is still at least that wide and that high (or at
   full size when none is). Damaged entropy-coded data and a file that ends early are STK_CORRUPT,
   not a grey-filled picture. */
stk_status stk_jpeg_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                           unsigned min_width, unsigned min_height, stk_decoded *out,
                           char *message, size_t message_capacity);

/* Decodes a PNG (any colour type and bit depth, interlaced or not) to 8-bit RGB. Transparency
   (an alpha channel or tRNS) is composited onto the background colour given; gamma chunks are
   ignored. Refuses with STK_TOO_LARGE, before allocating anything for pixels, when IHDR declares
   more than `max_pixels` pixels. A bad CRC in a critical chunk, a bad zlib stream and a file that
   ends early (even just before IEND) are STK_CORRUPT. */
stk_status stk_png_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                          unsigned char background_red, unsigned char background_green,
                          unsigned char background_blue, stk_decoded *out,
                          char *message, size_t message_capacity);

/* Encodes width * height * 3 bytes of 8-bit RGB as a baseline JPEG (4:2:0, optimised Huffman
   tables) at `quality` 1–100 (clamped). Each side must be 1 to 65500 pixels. */
stk_status stk_jpeg_encode(const unsigned char *rgb, unsigned width, unsigned height, int quality,
                           stk_encoded *out, char *message, size_t message_capacity);

/* Encodes width * height * 3 bytes of 8-bit RGB as a non-interlaced 8-bit RGB PNG. Each side must
   be 1 to 2^31 - 1 pixels. */
stk_status stk_png_encode(const unsigned char *rgb, unsigned width, unsigned height,
                          stk_encoded *out, char *message, size_t message_capacity);

/* Gives back a buffer from stk_decoded.pixels or stk_encoded.bytes (NULL is fine). */
void stk_free(void *buffer);

/* The libjpeg-turbo API version this was compiled against, for diagnostics (62 here). */
int stk_jpeg_lib_version(void);

/* The libpng version this runs with, e.g. "1.6.39", for diagnostics. */
const char *stk_png_lib_version(void);

#endif
