/*
 * office.c - opening an office file as its kind: the archive, then the
 * format's reader (docx.c, odt.c, xlsx.c, ods.c), within the limits of
 * office.h.
 */
#include "core/error.h"
#include "read/office.h"

sl_status sli_office_load(sl_office_kind kind, const char *path, const sl_office_opts *o,
                         sl_office_docs *out, sl_error *err)
{
    sl_zip *z = NULL;
    sl_status rc = sli_zip_open(&z, path, o->max_bytes, err);
    if (rc != SL_OK)
        return rc;
    switch (kind) {
    case SL_OFFICE_DOCX: rc = sli_docx_load(z, o, out, err); break;
    case SL_OFFICE_ODT: rc = sli_odt_load(z, o, out, err); break;
    case SL_OFFICE_XLSX: rc = sli_xlsx_load(z, o, out, err); break;
    case SL_OFFICE_ODS: rc = sli_ods_load(z, o, out, err); break;
    }
    sli_zip_close(z);
    return rc;
}
