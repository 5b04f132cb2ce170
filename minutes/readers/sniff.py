r"""What a file really is, told from its first bytes rather than its name::

    kind_of(b"PK\x03\x04...")                  # "zip": a DOCX, or some other zip
    kind_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # "ole": an old .doc or an encrypted Office file
    kind_of(b"%PDF-1.7...")                    # "pdf"
    kind_of(b"{\rtf1...")                      # "rtf"
    kind_of(b"Muistio...")                     # "text" (the text reader still refuses binary)

``ole_refusal(data)`` words the refusal of an OLE file by the stream names it holds.
"""

from __future__ import annotations

__all__ = ["kind_of", "ole_refusal"]

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_MAGIC = b"%PDF-"
RTF_MAGIC = b"{\\rtf"

_OLE_SCAN_BYTES = 8 * 1024 * 1024


def kind_of(head: bytes) -> str:
    """``"zip"``, ``"ole"``, ``"pdf"``, ``"rtf"`` or ``"text"`` for a file's first
    bytes (give at least the first kilobyte: a PDF header may come a little late)."""
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if PDF_MAGIC in head[:1024]:
        return "pdf"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(RTF_MAGIC):
        return "rtf"
    return "text"


def ole_refusal(data: bytes) -> str:
    """Why an OLE compound file cannot be read, from the stream names its directory
    holds (UTF-16 names: ``EncryptedPackage`` for a password-protected DOCX,
    ``WordDocument`` for an old Word .doc)."""
    scanned = data[:_OLE_SCAN_BYTES]
    if _stream_named(scanned, "EncryptedPackage") or _stream_named(scanned, "EncryptionInfo"):
        return (
            "an encrypted (password-protected) Office file:"
            " remove the password and save it as .docx"
        )
    if _stream_named(scanned, "WordDocument"):
        return "an old Word .doc file: save it as .docx"
    return "an old Word .doc (or encrypted Office) file: save it as .docx"


def _stream_named(data: bytes, name: str) -> bool:
    return name.encode("utf-16-le") in data
