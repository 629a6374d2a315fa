#ifndef WINNOW_CLIBXML2_SHIM_H
#define WINNOW_CLIBXML2_SHIM_H

// libxml2's headers pull in ICU when LIBXML_ICU_ENABLED is set, and ICU's
// UErrorCode clashes with the ICU bundled in Foundation. Winnow never uses
// libxml2's ICU paths, so switch the macro off before anything else is seen.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/encoding.h>
#include <libxml/uri.h>
#include <libxml/xmlIO.h>
#include <libxml/entities.h>
#include <libxml/globals.h>
#include <iconv.h>
#include <errno.h>

// Macros Swift cannot see.
static inline void winnow_xmlFree(void *p) { xmlFree(p); }

// Silence libxml2's default error printing to stderr; errors are collected per parse instead.
static void winnow_xml_silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
static void winnow_xml_silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
// libxml2 keeps its error handlers per thread; this sets them for the calling thread.
static inline void winnow_xml_silence_errors(void) {
    xmlSetStructuredErrorFunc(NULL, winnow_xml_silent_structured);
    xmlSetGenericErrorFunc(NULL, winnow_xml_silent_generic);
}

// Refuses every external resource (DTDs, external entities, XInclude): Winnow parses bytes it already has and
// never lets a document make libxml2 open a file or a URL.
static xmlParserInputPtr winnow_refuse_external(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

// Process-wide, once: silent defaults for threads that have not touched libxml2 yet, and no external loading.
static inline void winnow_xml_global_setup(void) {
    xmlInitParser();
    xmlThrDefSetStructuredErrorFunc(NULL, winnow_xml_silent_structured);
    xmlThrDefSetGenericErrorFunc(NULL, winnow_xml_silent_generic);
    xmlSetExternalEntityLoader(winnow_refuse_external);
}

// Node-set accessors (xmlXPathNodeSetGetLength & co. are macros).
static inline int winnow_nodeset_count(xmlXPathObjectPtr obj) {
    if (obj == NULL || obj->nodesetval == NULL) return 0;
    return obj->nodesetval->nodeNr;
}
static inline xmlNodePtr winnow_nodeset_item(xmlXPathObjectPtr obj, int i) {
    return obj->nodesetval->nodeTab[i];
}

#endif
