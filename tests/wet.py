"""Writing WET records for the tests: one WARC record, uncompressed, by fastwarc."""

from __future__ import annotations

import io

from fastwarc.warc import WarcRecord, WarcRecordType

WARC_DATE = "2025-07-14T12:00:00Z"


def warc_record(payload: bytes, *, url: str | None = None, date: str | None = WARC_DATE,
                record_type: WarcRecordType = WarcRecordType.conversion,
                number: int = 0) -> bytes:
    """One WARC record, uncompressed, written by fastwarc."""
    record = WarcRecord()
    record.init_headers(record_type=record_type, content_length=len(payload))
    record.headers["WARC-Record-ID"] = f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>"
    if date is not None:
        record.headers["WARC-Date"] = date
    if url is not None:
        record.headers["WARC-Target-URI"] = url
    record.headers["Content-Type"] = "text/plain"
    record.set_bytes_content(payload)
    out = io.BytesIO()
    record.write(out)
    return out.getvalue()
