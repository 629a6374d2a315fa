#ifndef WINNOW_CZLIB_SHIM_H
#define WINNOW_CZLIB_SHIM_H

// The only place Winnow touches zlib's C surface directly.
// inflateInit2 is a macro (it passes the library version and the stream struct's size), which Swift cannot
// call, so it gets a plain function wrapper here.

#include <zlib.h>

/// inflateInit2 for gzip input only: window bits 16 + MAX_WBITS makes zlib expect and check the RFC 1952
/// header and trailer (CRC-32 and length) rather than a zlib (RFC 1950) wrapper or raw deflate.
static inline int winnow_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 16 + MAX_WBITS);
}

#endif
