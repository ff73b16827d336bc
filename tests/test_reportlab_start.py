"""reportlab's web-address pattern, left to first use, matches as reportlab's own would; and
nothing else of `re` or reportlab is changed by putting it off."""

from __future__ import annotations

import re
import subprocess
import sys

PROBE = """
import re, sys
real = re.compile
import visitdesk.documents.fonts  # the package: installs the finder, imports nothing of reportlab
assert "reportlab.platypus" not in sys.modules
from visitdesk.documents.press_release_pdf import press_release_pdf  # imports platypus
import reportlab.platypus.paragraph as paragraph
assert re.compile is real
print(type(paragraph.uri_pat).__name__)
print(type(paragraph._wsc_re_split.__self__).__name__)
"""


def test_only_the_web_address_pattern_is_put_off() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["DeferredPattern", "Pattern"]


def test_the_pattern_put_off_matches_as_reportlabs() -> None:
    import reportlab.platypus.paragraph as paragraph

    from visitdesk.documents.reportlab_start import DeferredPattern

    # reportlab's own pattern (deferred or not, as this test process happened to import it).
    pattern, flags = paragraph.uri_pat.pattern, paragraph.uri_pat.flags
    deferred, real = DeferredPattern(pattern, flags), re.compile(pattern, flags)
    for text in (
        "https://www.ipo.gov.pk/press",
        "HTTP://例え.テスト/パス",
        "mailto:someone@example.org",
        "ftp://192.168.0.1:21/x",
        "not a link",
        "www.example.org",
        "https://bad-.example",
    ):
        mine, theirs = deferred.match(text), real.match(text)
        assert (mine and mine.groups()) == (theirs and theirs.groups()), text
