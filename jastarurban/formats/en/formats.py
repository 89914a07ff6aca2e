# English keeps its decimal point but shows dates the way Kazakhstan writes them,
# so a deadline never reads differently after a language switch.
from jastarurban.formats.kk.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
