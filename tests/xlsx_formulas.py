"""Computes the formulas the portal writes into its XLSX files, as a spreadsheet would on
opening them: openpyxl stores formulas without their results, so a test that wants the
number a reader sees computes it here from the cells.

Covers what the builders write: numbers, strings, cell references (``G5``, ``$G$5``,
``'Бюджет'!G5``), ranges inside functions, + - * /, comparisons, and SUM, SUMIFS, ROUND, IF.
"""

import re
from decimal import ROUND_HALF_UP, Decimal

from openpyxl.utils import column_index_from_string, range_boundaries

TOKEN = re.compile(
    r"""\s*(?:
      (?P<number>\d+(?:\.\d+)?)
    | (?P<string>"(?:[^"]|"")*")
    | (?P<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)
    | (?P<name>[A-Z][A-Z0-9.]*)(?=\()
    | (?P<op><=|>=|<>|[-+*/(),=<>])
    )""",
    re.VERBOSE,
)


class Evaluator:
    def __init__(self, book, sheet):
        self.book = book
        self.sheet = sheet

    def value(self, reference: str, sheet=None):
        """The value a reader sees in a cell: a formula computed, a number as it is."""
        sheet = sheet or self.sheet
        content = sheet[reference.replace("$", "")].value
        if isinstance(content, str) and content.startswith("="):
            return Evaluator(self.book, sheet).formula(content)
        return content

    def formula(self, text: str):
        self.tokens = self._tokens(text.removeprefix("="))
        self.position = 0
        result = self._comparison()
        assert self.position == len(self.tokens), f"unparsed rest of {text}"
        return result

    def _tokens(self, text: str) -> list[tuple[str, str]]:
        tokens, position = [], 0
        while position < len(text):
            match = TOKEN.match(text, position)
            assert match and match.end() > position, f"cannot read {text[position:]!r}"
            kind = match.lastgroup
            tokens.append((kind, match.group(kind)))
            position = match.end()
        return tokens

    def _peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else (None, None)

    def _take(self, expected: str | None = None):
        token = self.tokens[self.position]
        assert expected is None or token[1] == expected, (token, expected)
        self.position += 1
        return token

    def _comparison(self):
        left = self._sum()
        kind, op = self._peek()
        if kind == "op" and op in ("=", "<", ">", "<=", ">=", "<>"):
            self._take()
            right = self._sum()
            return {
                "=": left == right,
                "<": left < right,
                ">": left > right,
                "<=": left <= right,
                ">=": left >= right,
                "<>": left != right,
            }[op]
        return left

    def _sum(self):
        result = self._product()
        while self._peek() in (("op", "+"), ("op", "-")):
            op = self._take()[1]
            right = self._product()
            result = result + right if op == "+" else result - right
        return result

    def _product(self):
        result = self._atom()
        while self._peek() in (("op", "*"), ("op", "/")):
            op = self._take()[1]
            right = self._atom()
            result = result * right if op == "*" else Decimal(result) / Decimal(right)
        return result

    def _atom(self):
        kind, text = self._take()
        if kind == "number":
            return Decimal(text) if "." in text else int(text)
        if kind == "string":
            return text[1:-1].replace('""', '"')
        if kind == "op" and text == "-":
            return -self._atom()
        if kind == "op" and text == "(":
            result = self._comparison()
            self._take(")")
            return result
        if kind == "ref":
            cells = self._cells(text)
            assert len(cells) == 1, f"a range outside a function: {text}"
            return cells[0] or 0
        if kind == "name":
            return self._function(text)
        raise AssertionError(f"unexpected {text}")

    def _arguments(self) -> list:
        """Each argument as the list of its cells' values (a range) or a one-item list."""
        self._take("(")
        arguments = []
        while self._peek() != ("op", ")"):
            kind, text = self._peek()
            following = (
                self.tokens[self.position + 1]
                if self.position + 1 < len(self.tokens)
                else (None, None)
            )
            if kind == "ref" and following[1] in (",", ")"):
                self._take()
                arguments.append(self._cells(text))
            else:
                arguments.append([self._comparison()])
            if self._peek() == ("op", ","):
                self._take()
        self._take(")")
        return arguments

    def _function(self, name: str):
        arguments = self._arguments()
        if name == "SUM":
            return sum(v for values in arguments for v in values if isinstance(v, int | Decimal))
        if name == "SUMIFS":
            total_range, conditions = arguments[0], arguments[1:]
            total = 0
            for index, value in enumerate(total_range):
                if all(
                    conditions[i][index] == _criterion(conditions[i + 1][0])
                    for i in range(0, len(conditions), 2)
                ):
                    total += value or 0
            return total
        if name == "ROUND":
            [value], [digits] = arguments
            exponent = Decimal(1).scaleb(-int(digits))
            return Decimal(value).quantize(exponent, rounding=ROUND_HALF_UP)
        if name == "IF":
            [condition], [yes], [no] = arguments
            return yes if condition else no
        raise AssertionError(f"no such function in the evaluator: {name}")

    def _cells(self, reference: str) -> list:
        sheet = self.sheet
        if "!" in reference:
            name, reference = reference.rsplit("!", 1)
            sheet = self.book[name.strip("'").replace("''", "'")]
        reference = reference.replace("$", "")
        low, high = ([*reference.split(":"), reference])[:2]
        min_col, min_row, max_col, max_row = range_boundaries(f"{low}:{high}")
        assert min_col == max_col, "only one-column ranges are written"
        column = low.rstrip("0123456789")
        assert column_index_from_string(column) == min_col
        return [self.value(f"{column}{row}", sheet) for row in range(min_row, max_row + 1)]


def _criterion(text: str) -> str:
    """A SUMIFS criterion as text to match exactly (the builders escape wildcards with ~)."""
    return re.sub(r"~([~*?])", r"\1", text)


def computed(book, sheet, reference: str):
    """What a spreadsheet shows in ``sheet``'s cell ``reference`` once it computed it."""
    return Evaluator(book, sheet).value(reference)
