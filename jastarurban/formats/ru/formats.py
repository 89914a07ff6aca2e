# Same calendar conventions as Kazakh, so a date reads the same in every language.
from jastarurban.formats.kk.formats import *  # noqa: F403
