"""What the load test does, shared by the seed, the Locust script and the verifier.

Plain Python, no Django: Locust imports it too. Every text an applicant types is
computed from the applicant's e-mail and the autosave step, so the verifier knows
exactly what the last autosave sent without trusting the load generator.
"""

import base64
import hashlib
import hmac
import json
import struct
import time
from pathlib import Path

DOMAIN = "load.jastarurban.kz"
PASSWORD = "load-test-2026-not-secret"  # noqa: S105 - load-test accounts on a throwaway database
REVIEW_SLUG = "loadtest-review"
# How many times each applicant's form saves itself before submitting.
AUTOSAVES = 4
PLAN_PATH = Path(__file__).resolve().parent.parent / "loadtest" / "out" / "plan.json"

SENTENCES = [
    "Ауылдағы жастарға кешке баратын орын жоқ.",
    "Мектептің ескі алаңы тозған, балалар көшеде ойнайды.",
    "Алаңды жөндеп, жарық пен орындық орнатамыз.",
    "Жұмысқа ауыл тұрғындары мен мектеп оқушылары қатысады.",
    "Жоба аяқталғанда алаңды ауыл әкімдігі күтіп ұстайды.",
]


def applicant_email(number: int) -> str:
    return f"applicant{number:03d}@{DOMAIN}"


def expert_email(number: int) -> str:
    return f"expert{number}@{DOMAIN}"


def team_email(number: int) -> str:
    return f"team{number:03d}@{DOMAIN}"


def app_code(secret: str, now: float | None = None) -> str:
    """The six digits an authenticator app shows for a base32 key (RFC 6238, 30-second
    steps), for the second step of staff's and experts' logins."""
    counter = int((time.time() if now is None else now) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def draft_text(email: str, step: int) -> str:
    """The problem statement as it stands after `step` autosaves: it only ever grows."""
    lines = [f"{email}:"]
    lines += [f"{n}. {SENTENCES[(n - 1) % len(SENTENCES)]}" for n in range(1, step + 1)]
    return "\n".join(lines)


def final_text(email: str) -> str:
    return draft_text(email, AUTOSAVES)


# A small but complete PDF (one empty A4 page), built with a correct cross-reference table.
def sample_pdf(label: str = "JastarUrban load test") -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,  # the page's content stream, below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    text = label.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 72 770 Td (" + text + b") Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def plan_read(path: Path = PLAN_PATH) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))
