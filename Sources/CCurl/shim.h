#ifndef WINNOW_CCURL_SHIM_H
#define WINNOW_CCURL_SHIM_H
#include <curl/curl.h>
// Typed wrappers for curl's variadic setopt/getinfo are added by WinnowFetch's owner.
#endif
