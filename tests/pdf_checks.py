"""What an archival PDF must show a reader: PDF/A-3b declared in its XMP metadata with an
output intent, every font embedded, and text that can be extracted (not drawn shapes)."""

import shutil
import subprocess
from io import BytesIO
from xml.etree import ElementTree

from pyhanko.pdf_utils.reader import PdfFileReader

from tests.conftest import require

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"


def pdfa_identity(content: bytes) -> tuple[str, str]:
    """(part, conformance) from the XMP metadata, as a validator reads them."""
    root = PdfFileReader(BytesIO(content), strict=False).root
    xmp = ElementTree.fromstring(root["/Metadata"].data)  # noqa: S314 (a file the test made)
    for description in xmp.iter(f"{RDF}Description"):
        part = description.get(f"{PDFAID}part") or description.findtext(f"{PDFAID}part")
        if part:
            conformance = description.get(f"{PDFAID}conformance") or description.findtext(
                f"{PDFAID}conformance"
            )
            return part, conformance
    raise AssertionError("no pdfaid in the XMP metadata")


def output_intents(content: bytes) -> list[str]:
    root = PdfFileReader(BytesIO(content), strict=False).root
    intents = root.get("/OutputIntents") or []
    return [str(intent["/S"]) for intent in intents if "/DestOutputProfile" in intent]


def fonts(content: bytes, tmp_path) -> list[tuple[str, bool]]:
    """Each font of the file and whether it is embedded, as poppler's pdffonts lists them."""
    require(shutil.which("pdffonts") is not None, "poppler-utils (pdffonts) is not installed")
    path = tmp_path / "fonts.pdf"
    path.write_bytes(content)
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    found = []
    for line in lines:
        # name, type (may hold spaces), encoding, emb, sub, uni, object id
        columns = line.split()
        found.append((columns[0], columns[-5] == "yes"))
    return found


def text(content: bytes, tmp_path) -> str:
    require(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext) is not installed")
    path = tmp_path / "text.pdf"
    path.write_bytes(content)
    return (
        subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        )
        .stdout.replace("\xa0", " ")
        .replace("\u202f", " ")
    )


def pages(content: bytes, tmp_path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    return text(content, tmp_path).split("\f")


def assert_archival(content: bytes, tmp_path, *, contains: tuple[str, ...]) -> None:
    assert pdfa_identity(content) == ("3", "B")
    assert output_intents(content) == ["/GTS_PDFA1"]
    found = fonts(content, tmp_path)
    assert found, "no fonts: the text was not written as text"
    assert [name for name, embedded in found if not embedded] == []
    extracted = text(content, tmp_path)
    assert [words for words in contains if words not in extracted] == []
