/* Makes the CMYK and YCCK fixtures: reads a binary PPM (P6, maxval 255) on standard input and
   writes a JPEG in CMYK or YCCK (argv[1]: "cmyk" or "ycck") on standard output, storing the inks
   inverted as Adobe's applications do (libjpeg writes the Adobe APP14 marker for both).
   cc -O2 -o cmyk-jpeg cmyk-jpeg.c -ljpeg */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

static int number(FILE *f) {
    int c, n = 0;
    do { c = getc(f); if (c == '#') while (c != '\n' && c != EOF) c = getc(f); } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
    while (c >= '0' && c <= '9') { n = n * 10 + (c - '0'); c = getc(f); }
    return n;
}

int main(int argc, char **argv) {
    int ycck = argc > 1 && strcmp(argv[1], "ycck") == 0;
    if (getc(stdin) != 'P' || getc(stdin) != '6') { fprintf(stderr, "not a P6 PPM\n"); return 1; }
    int width = number(stdin), height = number(stdin), maxval = number(stdin);
    if (maxval != 255) { fprintf(stderr, "maxval must be 255\n"); return 1; }
    unsigned char *rgb = malloc((size_t)width * 3), *cmyk = malloc((size_t)width * 4);
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, stdout);
    c.image_width = width;
    c.image_height = height;
    c.input_components = 4;
    c.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&c);
    jpeg_set_colorspace(&c, ycck ? JCS_YCCK : JCS_CMYK);
    jpeg_set_quality(&c, 92, TRUE);
    jpeg_start_compress(&c, TRUE);
    for (int y = 0; y < height; y++) {
        if (fread(rgb, 3, width, stdin) != (size_t)width) { fprintf(stderr, "short PPM\n"); return 1; }
        for (int x = 0; x < width; x++) {
            int r = rgb[3 * x], g = rgb[3 * x + 1], b = rgb[3 * x + 2];
            int max = r > g ? (r > b ? r : b) : (g > b ? g : b);
            /* Inverted inks: 255 is none. With k' = max, c' = r·255/max gives back r = c'·k'/255. */
            cmyk[4 * x + 0] = max == 0 ? 255 : (unsigned char)((r * 255 + max / 2) / max);
            cmyk[4 * x + 1] = max == 0 ? 255 : (unsigned char)((g * 255 + max / 2) / max);
            cmyk[4 * x + 2] = max == 0 ? 255 : (unsigned char)((b * 255 + max / 2) / max);
            cmyk[4 * x + 3] = (unsigned char)max;
        }
        JSAMPROW row = cmyk;
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    return 0;
}
