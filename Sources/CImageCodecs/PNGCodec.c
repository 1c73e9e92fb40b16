/* PNG through libpng. libpng reports a fatal error by calling the error function, which must not
   return; ours longjmps back to the setjmp in the function that called libpng, all of it C, so no
   Swift frame is ever skipped. Warnings (an unknown chunk, a bad ancillary CRC …) are not printed;
   the last one is kept only to explain libpng's catch-all "Invalid IHDR data". */

#include "Shim.h"
#include <ctype.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>

const char *stk_png_lib_version(void) { return png_get_libpng_ver(NULL); }

/* Where to jump, what happened, and (for reading) the bytes being read. */
typedef struct stk_png_job {
    jmp_buf jump;
    stk_status status;
    char message[256];
    /* The last warning: libpng warns of each IHDR problem, then fails with "Invalid IHDR data". */
    char warning[256];
    const unsigned char *data;
    size_t size;
    size_t offset;
    stk_sink sink;
} stk_png_job;

static int stk_contains_ignoring_case(const char *text, const char *word) {
    size_t n = strlen(word);
    for (; *text != '\0'; text++) {
        size_t i = 0;
        while (i < n && text[i] != '\0' && tolower((unsigned char)text[i]) == word[i]) i++;
        if (i == n) return 1;
    }
    return 0;
}

static void stk_png_error(png_structp png, png_const_charp text) {
    stk_png_job *job = png_get_error_ptr(png);
    if (strcmp(text, "Invalid IHDR data") == 0 && job->warning[0] != '\0') text = job->warning;
    if (job->status == STK_OK) {
        if (stk_contains_ignoring_case(text, "out of memory") ||
            stk_contains_ignoring_case(text, "insufficient memory")) {
            job->status = STK_OUT_OF_MEMORY;
        } else if (stk_contains_ignoring_case(text, "exceeds user limit") ||
                   stk_contains_ignoring_case(text, "too large")) {
            job->status = STK_TOO_LARGE;
        } else {
            job->status = STK_CORRUPT;
        }
        stk_set_message(job->message, sizeof job->message, text);
    }
    longjmp(job->jump, 1);
}

/* Never print: libpng's default writes to stderr, which is the terminal the browser draws on. */
static void stk_png_warning(png_structp png, png_const_charp text) {
    stk_png_job *job = png_get_error_ptr(png);
    stk_set_message(job->warning, sizeof job->warning, text);
}

static void stk_png_fail_with(png_structp png, stk_status status, const char *text) {
    stk_png_job *job = png_get_error_ptr(png);
    job->status = status;
    stk_set_message(job->message, sizeof job->message, text);
    longjmp(job->jump, 1);
}

static void stk_png_read(png_structp png, png_bytep into, size_t count) {
    stk_png_job *job = png_get_io_ptr(png);
    if (count > job->size - job->offset) stk_png_fail_with(png, STK_CORRUPT, "the file ends early");
    memcpy(into, job->data + job->offset, count);
    job->offset += count;
}

/* RGBA rows to RGB, in place, over `background`: out = (c·a + b·(255 − a)) / 255, rounded. */
static void stk_png_composite(unsigned char *pixels, size_t count, const unsigned char background[3]) {
    const unsigned char *from = pixels;
    unsigned char *to = pixels;
    for (size_t i = 0; i < count; i++) {
        unsigned alpha = from[3];
        for (int c = 0; c < 3; c++) {
            to[c] = (unsigned char)((from[c] * alpha + background[c] * (255 - alpha) + 127) / 255);
        }
        from += 4;
        to += 3;
    }
}

stk_status stk_png_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                          unsigned char background_red, unsigned char background_green,
                          unsigned char background_blue, stk_decoded *out,
                          char *message, size_t message_capacity) {
    stk_clear_message(message, message_capacity);
    if (out == NULL) {
        stk_set_message(message, message_capacity, "no place for the result");
        return STK_INVALID_ARGUMENT;
    }
    memset(out, 0, sizeof *out);
    if (data == NULL || size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        stk_set_message(message, message_capacity, "not a PNG (no PNG signature)");
        return STK_NOT_THIS_FORMAT;
    }
    /* The size as IHDR states it, for a message should libpng refuse IHDR itself (a side over
       the limit); replaced by libpng's checked figures once it has read them. */
    if (size >= 24 && memcmp(data + 12, "IHDR", 4) == 0) {
        out->source_width = png_get_uint_32(data + 16);
        out->source_height = png_get_uint_32(data + 20);
    }

    /* On the heap: what the callbacks change in it must survive a longjmp. */
    stk_png_job *job = calloc(1, sizeof *job);
    if (job == NULL) {
        stk_set_message(message, message_capacity, "no memory");
        return STK_OUT_OF_MEMORY;
    }
    job->status = STK_OK;
    job->data = data;
    job->size = size;

    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, job, stk_png_error, stk_png_warning);
    png_infop info = png == NULL ? NULL : png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_read_struct(png == NULL ? NULL : &png, NULL, NULL);
        free(job);
        stk_set_message(message, message_capacity, "no memory for libpng");
        return STK_OUT_OF_MEMORY;
    }
    /* Changed after setjmp and read after longjmp, so volatile (C11 7.13.2.1). */
    unsigned char *volatile pixels = NULL;
    png_bytep *volatile rows = NULL;

    if (setjmp(job->jump)) {
        stk_status status = job->status == STK_OK ? STK_CORRUPT : job->status;
        stk_set_message(message, message_capacity, job->message);
        png_destroy_read_struct(&png, &info, NULL);
        free(pixels);
        free(rows);
        free(job);
        out->width = out->height = 0;
        return status;
    }

    png_uint_32 dimension_limit = max_pixels < PNG_UINT_31_MAX ? (png_uint_32)max_pixels : PNG_UINT_31_MAX;
    if (dimension_limit == 0) dimension_limit = 1;
    png_set_user_limits(png, dimension_limit, dimension_limit);
    png_set_chunk_malloc_max(png, STK_PNG_MAX_CHUNK_BYTES);
    png_set_chunk_cache_max(png, 256);
    png_set_read_fn(png, job, stk_png_read);
    png_read_info(png, info);

    png_uint_32 width = 0, height = 0;
    int bit_depth = 0, color_type = 0, interlace = 0;
    png_get_IHDR(png, info, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);
    out->source_width = width;
    out->source_height = height;
    if ((unsigned long long)width * height > max_pixels) {
        char text[128];
        snprintf(text, sizeof text, "%u×%u pixels", (unsigned)width, (unsigned)height);
        stk_png_fail_with(png, STK_TOO_LARGE, text);
    }

    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if ((color_type & PNG_COLOR_MASK_COLOR) == 0 && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    if (bit_depth == 16) png_set_scale_16(png);
    if ((color_type & PNG_COLOR_MASK_COLOR) == 0) png_set_gray_to_rgb(png);
    (void)png_set_interlace_handling(png);
    png_read_update_info(png, info);

    int channels = png_get_channels(png, info);
    if ((channels != 3 && channels != 4) || png_get_bit_depth(png, info) != 8) {
        stk_png_fail_with(png, STK_UNSUPPORTED, "unexpected PNG layout after conversion");
    }
    size_t stride = (size_t)width * (size_t)channels;
    if (png_get_rowbytes(png, info) != stride || height > ((size_t)-1) / stride) {
        stk_png_fail_with(png, STK_TOO_LARGE, "the picture does not fit in memory");
    }
    pixels = malloc(stride * height);
    rows = malloc(sizeof(png_bytep) * height);
    if (pixels == NULL || rows == NULL) stk_png_fail_with(png, STK_OUT_OF_MEMORY, "no memory for the pixels");
    for (png_uint_32 y = 0; y < height; y++) rows[y] = pixels + stride * y;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    free(rows);
    free(job);

    unsigned char *result = pixels;
    if (channels == 4) {
        const unsigned char background[3] = { background_red, background_green, background_blue };
        stk_png_composite(result, (size_t)width * height, background);
        unsigned char *smaller = realloc(result, (size_t)width * height * 3);
        if (smaller != NULL) result = smaller;
    }
    out->pixels = result;
    out->width = width;
    out->height = height;
    return STK_OK;
}

static void stk_png_write(png_structp png, png_bytep bytes, size_t count) {
    stk_png_job *job = png_get_io_ptr(png);
    if (!stk_sink_reserve(&job->sink, count)) stk_png_fail_with(png, STK_OUT_OF_MEMORY, "no memory for the PNG");
    memcpy(job->sink.bytes + job->sink.count, bytes, count);
    job->sink.count += count;
}

static void stk_png_flush(png_structp png) { (void)png; }

stk_status stk_png_encode(const unsigned char *rgb, unsigned width, unsigned height,
                          stk_encoded *out, char *message, size_t message_capacity) {
    stk_status start = stk_encode_start(rgb, width, height, PNG_UINT_31_MAX, "PNG", out, message, message_capacity);
    if (start != STK_OK) return start;

    stk_png_job *job = calloc(1, sizeof *job);
    if (job == NULL) {
        stk_set_message(message, message_capacity, "no memory");
        return STK_OUT_OF_MEMORY;
    }
    job->status = STK_OK;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, job, stk_png_error, stk_png_warning);
    png_infop info = png == NULL ? NULL : png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(png == NULL ? NULL : &png, NULL);
        free(job);
        stk_set_message(message, message_capacity, "no memory for libpng");
        return STK_OUT_OF_MEMORY;
    }

    if (setjmp(job->jump)) {
        stk_status status = job->status == STK_OK ? STK_CORRUPT : job->status;
        stk_set_message(message, message_capacity, job->message);
        png_destroy_write_struct(&png, &info);
        free(job->sink.bytes);
        free(job);
        return status;
    }

    png_set_write_fn(png, job, stk_png_write, stk_png_flush);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    size_t stride = (size_t)width * 3;
    for (png_uint_32 y = 0; y < height; y++) png_write_row(png, rgb + stride * y);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);

    out->bytes = job->sink.bytes;
    out->count = job->sink.count;
    free(job);
    return STK_OK;
}
