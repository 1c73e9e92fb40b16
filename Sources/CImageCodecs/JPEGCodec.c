/* JPEG through libjpeg-turbo. libjpeg reports a fatal error by calling error_exit, which must not
   return; ours longjmps back to the setjmp in the function that called libjpeg, all of it C, so
   no Swift frame is ever skipped. Warnings that mean the compressed data is damaged or missing are
   made fatal too, so that a truncated download is an error rather than a half-grey picture. */

#include "Shim.h"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

int stk_jpeg_lib_version(void) { return JPEG_LIB_VERSION; }

/* libjpeg's error manager, extended with where to jump and what happened. */
typedef struct stk_jpeg_failure {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    stk_status status;
    char message[JMSG_LENGTH_MAX];
} stk_jpeg_failure;

static stk_status stk_jpeg_status_for(int code) {
    switch (code) {
    case JERR_OUT_OF_MEMORY:
    case JERR_NO_BACKING_STORE:
    case JERR_TFILE_CREATE:
        return STK_OUT_OF_MEMORY;
    case JERR_IMAGE_TOO_BIG:
    case JERR_WIDTH_OVERFLOW:
        return STK_TOO_LARGE;
    case JERR_BAD_PRECISION:
    case JERR_CONVERSION_NOTIMPL:
    case JERR_NOTIMPL:
    case JERR_ARITH_NOTIMPL:
    case JERR_FRACT_SAMPLE_NOTIMPL:
    case JERR_CCIR601_NOTIMPL:
        return STK_UNSUPPORTED;
    default:
        return STK_CORRUPT;
    }
}

static void stk_jpeg_error_exit(j_common_ptr cinfo) {
    stk_jpeg_failure *failure = (stk_jpeg_failure *)cinfo->err;
    if (failure->status == STK_OK) {
        failure->status = stk_jpeg_status_for(cinfo->err->msg_code);
        (*cinfo->err->format_message)(cinfo, failure->message);
    }
    longjmp(failure->jump, 1);
}

/* Never print: libjpeg's default writes to stderr, which is the terminal the browser draws on. */
static void stk_jpeg_output_message(j_common_ptr cinfo) { (void)cinfo; }

static void stk_jpeg_emit_message(j_common_ptr cinfo, int level) {
    if (level >= 0) return; /* trace messages */
    switch (cinfo->err->msg_code) {
    case JWRN_JPEG_EOF:          /* the data ends before the image does */
    case JWRN_HIT_MARKER:        /* a scan's data ends early */
    case JWRN_HUFF_BAD_CODE:
    case JWRN_ARITH_BAD_CODE:
    case JWRN_MUST_RESYNC:       /* a restart marker is missing or out of order */
    case JWRN_NOT_SEQUENTIAL:
    case JWRN_BOGUS_PROGRESSION:
        stk_jpeg_error_exit(cinfo);
        break;
    default:                     /* harmless: extraneous bytes, unknown JFIF revision, bad ICC … */
        cinfo->err->num_warnings++;
        break;
    }
}

static void stk_jpeg_fail_with(j_common_ptr cinfo, stk_status status, const char *text) {
    stk_jpeg_failure *failure = (stk_jpeg_failure *)cinfo->err;
    failure->status = status;
    stk_set_message(failure->message, sizeof failure->message, text);
    longjmp(failure->jump, 1);
}

static void stk_jpeg_init_failure(stk_jpeg_failure *failure) {
    memset(failure, 0, sizeof *failure);
    jpeg_std_error(&failure->pub);
    failure->pub.error_exit = stk_jpeg_error_exit;
    failure->pub.output_message = stk_jpeg_output_message;
    failure->pub.emit_message = stk_jpeg_emit_message;
    failure->status = STK_OK;
}

/* Called by libjpeg while it absorbs a progressive file's scans. */
static void stk_jpeg_progress(j_common_ptr cinfo) {
    if (!cinfo->is_decompressor) return;
    j_decompress_ptr dinfo = (j_decompress_ptr)cinfo;
    if (dinfo->input_scan_number > STK_JPEG_MAX_SCANS) {
        char text[96];
        snprintf(text, sizeof text, "more than %d scans in a progressive JPEG", STK_JPEG_MAX_SCANS);
        stk_jpeg_fail_with(cinfo, STK_CORRUPT, text);
    }
}

/* One CMYK row to RGB. Adobe's applications (which write an APP14 marker) store the ink values
   inverted, 255 meaning no ink; other writers store them plainly. */
static void stk_jpeg_cmyk_row_to_rgb(const JSAMPLE *cmyk, unsigned char *rgb, unsigned width,
                                     int inverted) {
    for (unsigned x = 0; x < width; x++) {
        unsigned c = cmyk[0], m = cmyk[1], y = cmyk[2], k = cmyk[3];
        if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
        rgb[0] = (unsigned char)((c * k + 127) / 255);
        rgb[1] = (unsigned char)((m * k + 127) / 255);
        rgb[2] = (unsigned char)((y * k + 127) / 255);
        cmyk += 4;
        rgb += 3;
    }
}

stk_status stk_jpeg_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                           unsigned min_width, unsigned min_height, stk_decoded *out,
                           char *message, size_t message_capacity) {
    stk_clear_message(message, message_capacity);
    if (out == NULL) {
        stk_set_message(message, message_capacity, "no place for the result");
        return STK_INVALID_ARGUMENT;
    }
    memset(out, 0, sizeof *out);
    if (data == NULL || size < 3 || data[0] != 0xFF || data[1] != 0xD8 || data[2] != 0xFF) {
        stk_set_message(message, message_capacity, "not a JPEG (no SOI marker)");
        return STK_NOT_THIS_FORMAT;
    }
    if ((unsigned long long)size > (unsigned long long)(unsigned long)-1) {
        stk_set_message(message, message_capacity, "too many bytes");
        return STK_TOO_LARGE;
    }

    struct jpeg_decompress_struct cinfo;
    struct jpeg_progress_mgr progress;
    stk_jpeg_failure failure;
    /* Changed after setjmp and read after longjmp, so volatile (C11 7.13.2.1). */
    unsigned char *volatile pixels = NULL;
    JSAMPLE *volatile cmyk_row = NULL;

    memset(&cinfo, 0, sizeof cinfo);
    memset(&progress, 0, sizeof progress);
    stk_jpeg_init_failure(&failure);
    cinfo.err = &failure.pub;

    if (setjmp(failure.jump)) {
        stk_set_message(message, message_capacity, failure.message);
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        free(cmyk_row);
        out->width = out->height = 0;
        return failure.status == STK_OK ? STK_CORRUPT : failure.status;
    }

    jpeg_create_decompress(&cinfo);
    progress.progress_monitor = stk_jpeg_progress;
    cinfo.progress = &progress;
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    out->source_width = cinfo.image_width;
    out->source_height = cinfo.image_height;

    if ((unsigned long long)cinfo.image_width * cinfo.image_height > max_pixels) {
        char text[128];
        snprintf(text, sizeof text, "%u×%u pixels", cinfo.image_width, cinfo.image_height);
        stk_jpeg_fail_with((j_common_ptr)&cinfo, STK_TOO_LARGE, text);
    }

    int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;

    if (min_width > 0 || min_height > 0) {
        for (unsigned numerator = 1; numerator <= 8; numerator++) {
            cinfo.scale_num = numerator;
            cinfo.scale_denom = 8;
            jpeg_calc_output_dimensions(&cinfo);
            if (cinfo.output_width >= min_width && cinfo.output_height >= min_height) break;
        }
    }

    jpeg_start_decompress(&cinfo);
    unsigned width = cinfo.output_width, height = cinfo.output_height;
    if (cinfo.output_components != (cmyk ? 4 : 3)) {
        stk_jpeg_fail_with((j_common_ptr)&cinfo, STK_UNSUPPORTED, "unexpected number of colour components");
    }
    if (width == 0 || height == 0 || (size_t)width > ((size_t)-1) / 3 / height) {
        stk_jpeg_fail_with((j_common_ptr)&cinfo, STK_TOO_LARGE, "the picture does not fit in memory");
    }
    size_t stride = (size_t)width * 3;
    pixels = malloc(stride * height);
    if (pixels == NULL) stk_jpeg_fail_with((j_common_ptr)&cinfo, STK_OUT_OF_MEMORY, "no memory for the pixels");
    if (cmyk) {
        cmyk_row = malloc((size_t)width * 4);
        if (cmyk_row == NULL) stk_jpeg_fail_with((j_common_ptr)&cinfo, STK_OUT_OF_MEMORY, "no memory for a row");
    }

    while (cinfo.output_scanline < height) {
        unsigned row = cinfo.output_scanline;
        if (cmyk) {
            JSAMPROW rows[1] = { cmyk_row };
            if (jpeg_read_scanlines(&cinfo, rows, 1) != 1) break;
            stk_jpeg_cmyk_row_to_rgb(cmyk_row, pixels + stride * row, width, cinfo.saw_Adobe_marker);
        } else {
            JSAMPROW rows[4];
            unsigned count = height - row < 4 ? height - row : 4;
            for (unsigned i = 0; i < count; i++) rows[i] = pixels + stride * (row + i);
            if (jpeg_read_scanlines(&cinfo, rows, count) == 0) break;
        }
    }
    if (cinfo.output_scanline < height) {
        stk_jpeg_fail_with((j_common_ptr)&cinfo, STK_CORRUPT, "the data ends before the last row");
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    free(cmyk_row);

    out->pixels = pixels;
    out->width = width;
    out->height = height;
    return STK_OK;
}

/* libjpeg's destination manager over an stk_sink, so that a failure can free what was written. */
typedef struct stk_jpeg_destination {
    struct jpeg_destination_mgr pub;
    stk_sink *sink;
} stk_jpeg_destination;

static void stk_jpeg_init_destination(j_compress_ptr cinfo) {
    stk_jpeg_destination *destination = (stk_jpeg_destination *)cinfo->dest;
    stk_sink *sink = destination->sink;
    if (!stk_sink_reserve(sink, 16384)) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 0);
    destination->pub.next_output_byte = sink->bytes + sink->count;
    destination->pub.free_in_buffer = sink->capacity - sink->count;
}

static boolean stk_jpeg_empty_output_buffer(j_compress_ptr cinfo) {
    /* libjpeg calls this when the whole buffer is full. */
    stk_jpeg_destination *destination = (stk_jpeg_destination *)cinfo->dest;
    stk_sink *sink = destination->sink;
    sink->count = sink->capacity;
    if (!stk_sink_reserve(sink, sink->capacity)) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 1);
    destination->pub.next_output_byte = sink->bytes + sink->count;
    destination->pub.free_in_buffer = sink->capacity - sink->count;
    return TRUE;
}

static void stk_jpeg_term_destination(j_compress_ptr cinfo) {
    stk_jpeg_destination *destination = (stk_jpeg_destination *)cinfo->dest;
    destination->sink->count = destination->sink->capacity - destination->pub.free_in_buffer;
}

stk_status stk_jpeg_encode(const unsigned char *rgb, unsigned width, unsigned height, int quality,
                           stk_encoded *out, char *message, size_t message_capacity) {
    stk_status start = stk_encode_start(rgb, width, height, JPEG_MAX_DIMENSION, "JPEG", out, message, message_capacity);
    if (start != STK_OK) return start;
    if (quality < 1) quality = 1;
    if (quality > 100) quality = 100;

    struct jpeg_compress_struct cinfo;
    stk_jpeg_failure failure;
    stk_jpeg_destination destination;
    /* On the heap: what libjpeg's callbacks change in it must survive a longjmp. */
    stk_sink *sink = calloc(1, sizeof *sink);
    if (sink == NULL) {
        stk_set_message(message, message_capacity, "no memory");
        return STK_OUT_OF_MEMORY;
    }

    memset(&cinfo, 0, sizeof cinfo);
    memset(&destination, 0, sizeof destination);
    stk_jpeg_init_failure(&failure);
    cinfo.err = &failure.pub;

    if (setjmp(failure.jump)) {
        stk_set_message(message, message_capacity, failure.message);
        jpeg_destroy_compress(&cinfo);
        free(sink->bytes);
        free(sink);
        return failure.status == STK_OK ? STK_CORRUPT : failure.status;
    }

    jpeg_create_compress(&cinfo);
    destination.pub.init_destination = stk_jpeg_init_destination;
    destination.pub.empty_output_buffer = stk_jpeg_empty_output_buffer;
    destination.pub.term_destination = stk_jpeg_term_destination;
    destination.sink = sink;
    cinfo.dest = &destination.pub;

    cinfo.image_width = width;
    cinfo.image_height = height;
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    cinfo.optimize_coding = TRUE;
    jpeg_start_compress(&cinfo, TRUE);
    size_t stride = (size_t)width * 3;
    while (cinfo.next_scanline < height) {
        JSAMPROW rows[1] = { (JSAMPROW)(rgb + stride * cinfo.next_scanline) };
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);

    out->bytes = sink->bytes;
    out->count = sink->count;
    free(sink);
    return STK_OK;
}
