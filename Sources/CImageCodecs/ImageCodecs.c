#include "CImageCodecs.h"
#include <stdio.h>
#include <jpeglib.h>

int stk_jpeg_lib_version(void) { return JPEG_LIB_VERSION; }
