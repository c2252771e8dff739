"""The libcst comment reader: where each comment is attached, who owns it, what reads it, and when
libcst runs at all.

Attachment follows libcst's concrete syntax tree (leading lines, trailing whitespace, block footers,
the module header); the reader parses only the pieces of a module that can hold evidence, and the
tests check that this gives exactly what parsing the whole module gives.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from corpus import CORPUS, corpus_files
from flake8_azure_face_policy.context.comments import ModuleComments
from flake8_azure_face_policy.engine import analyse, vision_calls
from flake8_azure_face_policy.model import Level
from flake8_azure_face_policy.source.syntax import source_lines

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate_corpus import generate  # noqa: E402

TRICKY = '''# licence header

# right above the first statement
import os  # why os
URL = "http://x#not-a-comment"  # a real one
TEMPLATE = """
# inside a string, not a comment
"""
value = f"{URL}#{'#'}"  # after an f-string
CAFE = "café # déjà vu"  # après le café
if CAFE:
	count = 1  # tab-indented
	# tab-indented footer


# about the class
@decorator  # on the decorator
class Camera:  # header of the class
    # first in the class body
    def read(self, a="#",  # inside the parameters
             b=1):  # header of read
        """Doc # not a comment."""
        if a:  # header of if
            return a  # trailing return
        elif b: pass  # one-line elif
        # footer of read, at body level

            # footer of read, over-indented
    # before the second method
    async def stream(self): yield 1  # suite trailing
# dedented after the class

for item in range(3): print(item)  # one-line loop
with open(URL) as handle:
    data = handle.read(
        # inside a call
        10,
    )  # after the call
# the end
'''


def read(source: str, whole_module: bool = False) -> tuple[ast.Module, ModuleComments]:
    tree = ast.parse(source)
    return tree, ModuleComments(tree, source_lines(source), [node.lineno for node in tree.body], whole_module)


def statement_at(tree: ast.Module, line: int) -> ast.stmt:
    return next(node for node in ast.walk(tree) if isinstance(node, ast.stmt) and node.lineno == line)


def values(found) -> list[str]:
    return [comment.value for comment in found]


def test_statements_get_their_leading_lines_and_trailing_comment():
    tree, comments = read(TRICKY)
    assert values(comments.statement_comments(statement_at(tree, 4))) == ["# why os"]  # the header leads nothing
    assert values(comments.statement_comments(statement_at(tree, 5))) == ["# a real one"]
    assert values(comments.statement_comments(statement_at(tree, 9))) == ["# after an f-string"]
    assert values(comments.statement_comments(statement_at(tree, 10))) == ["# après le café"]
    assert values(comments.statement_comments(statement_at(tree, 18))) == ["# about the class", "# header of the class"]
    assert values(comments.statement_comments(statement_at(tree, 20))) == ["# first in the class body", "# header of read"]
    assert values(comments.statement_comments(statement_at(tree, 23))) == ["# header of if"]
    assert values(comments.statement_comments(statement_at(tree, 24))) == ["# trailing return"]
    assert values(comments.statement_comments(statement_at(tree, 25))) == ["# one-line elif"]  # elif is a statement
    assert values(comments.statement_comments(statement_at(tree, 30))) == ["# before the second method", "# suite trailing"]
    assert values(comments.statement_comments(statement_at(tree, 35))) == ["# after the call"]


def test_strings_holding_hashes_are_not_comments():
    _, comments = read(TRICKY)
    found = values(comments.comments)
    assert not any("not-a-comment" in value or "inside a string" in value or "déjà" in value or "not a comment" in value for value in found)
    assert "# après le café" in found and "# tab-indented" in found


def test_owners_follow_the_tree_footers_included():
    tree, comments = read(TRICKY)
    owner = {comment.value: holder for comment, holder in comments.owned()}
    camera, read_method = 17, 20  # first lines: the class from its decorator
    assert owner["# licence header"] is None and owner["# tab-indented footer"] is None and owner["# the end"] is None
    assert owner["# about the class"] == camera and owner["# on the decorator"] == camera  # leading lines are the class's
    assert owner["# footer of read, at body level"] == read_method and owner["# footer of read, over-indented"] == read_method
    assert owner["# before the second method"] == 30  # leads `stream`, so it is the method's
    assert owner["# dedented after the class"] is None


def test_comments_inside_an_expression_by_position():
    tree, comments = read(TRICKY)
    call = statement_at(tree, 34).body[0].value
    assert values(comments.inside(call)) == ["# inside a call"]
    assert comments.inside(statement_at(tree, 5).value) == []


def test_columns_are_utf8_bytes_as_ast_counts_them():
    _, comments = read(TRICKY)
    (cafe,) = [comment for comment in comments.comments if comment.value == "# après le café"]
    assert cafe.column == len('CAFE = "café # déjà vu"  '.encode())


def test_comments_inside_arguments_are_call_level_a_helpers_function_level_others_none():
    code = textwrap.dedent(
        """
        from openai import AzureOpenAI
        client = AzureOpenAI(api_version="2024-10-21")

        def instructions():
            # match the face against the watchlist
            return "Answer briefly."

        def ask(u):
            return client.chat.completions.create(model='d', messages=[
                # identify who is in the frame
                {'role': 'user', 'content': [instructions(), {'type': 'image_url', 'image_url': {'url': u}}]},
            ])

        def unrelated():
            # identify the person: a comment of another function is not this call's evidence
            return 1
        """
    )
    (call,) = vision_calls(code)
    lines = {(signal.evidence.line, signal.evidence.level) for signal in call.signals if signal.evidence.kind == "comment"}
    assert (6, Level.FUNCTION) in lines and (6, Level.CALL) not in lines and (11, Level.CALL) in lines and (11, Level.FUNCTION) in lines
    assert not any(line == 17 for line, _ in lines)


# -- only the pieces that can hold evidence are parsed, and they say what the whole module says ----------


def views(source: str, whole_module: bool) -> tuple:
    tree, comments = read(source, whole_module)
    statements = {node.lineno: values(comments.statement_comments(node)) for node in ast.walk(tree) if isinstance(node, ast.stmt)}
    inside = {(node.lineno, node.col_offset): values(comments.inside(node)) for node in ast.walk(tree) if isinstance(node, ast.expr)}
    owners = [(comment, holder) for comment, holder in comments.owned()]
    return statements, inside, owners


def assert_pieces_agree(source: str) -> None:
    assert views(source, whole_module=False) == views(source, whole_module=True)


def test_tricky_snippet_pieces_agree_with_the_whole_module():
    assert_pieces_agree(TRICKY)


FILES = [path for path in corpus_files() if path.stat().st_size]


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_corpus_pieces_agree_with_the_whole_module(path):
    assert_pieces_agree(path.read_text(encoding="utf-8"))


def test_generated_modules_pieces_agree_with_the_whole_module(tmp_path):
    generate(tmp_path, 6, seed=11)
    for path in sorted(tmp_path.rglob("*.py")):
        assert_pieces_agree(path.read_text())


# Modules built from blocks, with comments at every depth (deeper, equal and shallower than the
# code around them), indented blank lines, trailing comments, clauses, one-line suites, and strings holding `#`.
_SIMPLE = st.sampled_from(
    ['x = "a # b"', "y = call(1)", "return value", "pass", 'text = f"{x}#"', "items.append(x)", "if ready: send()", "z = call(\n    # inside\n    1,\n)"]
)
_COMMENTS = ["# identify the person", "# noqa: E501", "# describe", "#", "# ok: AFP201"]
_COMMENT = st.sampled_from(_COMMENTS)
_GAP_LINE = st.sampled_from([*_COMMENTS, ""])  # with its indentation, "" is a blank line a footer may keep
_CLAUSES = {"if": ["elif other:", "else:"], "try": ["except ValueError:", "else:", "finally:"], "for": ["else:"]}


@st.composite
def _modules(draw, depth: int = 0) -> list[str]:
    lines: list[str] = []
    indent = "    " * depth

    def comments() -> None:
        for _ in range(draw(st.integers(0, 2))):
            lines.append(" " * draw(st.sampled_from([0, 4, 8, 12])) + draw(_GAP_LINE) if draw(st.booleans()) else "")

    def trailing() -> str:
        return f"  {draw(_COMMENT)}" if draw(st.booleans()) else ""

    for _ in range(draw(st.integers(1, 4))):
        comments()
        kind = draw(st.sampled_from(["simple", "simple", "def", "class", "if", "try", "for", "with"])) if depth < 3 else "simple"
        if kind == "simple":
            lines.extend(indent + line for line in (draw(_SIMPLE) + trailing()).split("\n"))
            continue
        header = {"def": "def handler(a, b='#'):", "class": "class Handler(Base):", "if": "if ready:", "try": "try:", "for": "for item in items:", "with": "with open(p) as f:"}[kind]
        if kind in ("def", "class") and draw(st.booleans()):
            lines.append(f"{indent}@decorate{trailing()}")
        lines.append(indent + header + trailing())
        lines.extend(draw(_modules(depth + 1)))
        for clause in _CLAUSES.get(kind, ()):
            if kind == "try" and clause == "except ValueError:" or draw(st.booleans()):
                comments()
                lines.append(indent + clause + trailing())
                lines.extend(draw(_modules(depth + 1)))
    return lines


@settings(max_examples=int(os.environ.get("AFP_EXAMPLES", "60")), deadline=None)
@given(_modules())
def test_generated_comment_placements_pieces_agree_with_the_whole_module(lines):
    source = "\n".join(lines) + "\n"
    try:
        ast.parse(source)
    except SyntaxError:  # `return` at module level and the like: nothing to read
        return
    assert_pieces_agree(source)


def test_only_pieces_that_can_hold_evidence_are_parsed():
    unrelated = "".join(f"\n\ndef helper_{n}():\n    # nothing to do with the call\n    return {n}\n" for n in range(50))
    source = '# licence\n"""Module."""\nfrom openai import AzureOpenAI\n' + unrelated + "\n\ndef ask(u):\n    # the call's function\n    return u\n"
    tree = ast.parse(source)
    comments = ModuleComments(tree, source_lines(source), [tree.body[-1].lineno])
    assert comments.pieces_parsed == 2  # the module's code with its header, and `ask`
    assert values(comments.comments) == ["# licence", "# the call's function"]


# -- when libcst runs ----------------------------------------------------------------------------------


def test_libcst_parses_only_files_that_hold_a_vision_call(monkeypatch):
    import libcst

    parsed: list[str] = []
    real_parse = libcst.parse_module
    monkeypatch.setattr(libcst, "parse_module", lambda text: parsed.append(text) or real_parse(text))
    with_calls = without_calls = 0
    for path in corpus_files():
        source = path.read_text(encoding="utf-8")
        before = len(parsed)
        calls = vision_calls(source, str(path))
        if calls:
            with_calls += 1
        else:
            without_calls += 1
            assert len(parsed) == before, f"{path} holds no vision call but libcst parsed it"
        own = [text for text in parsed[before:] if text in source]  # the rest are project modules it imports
        assert sum(map(len, own)) <= len(source), f"{path}: a line was parsed twice"
    assert with_calls > 20 and without_calls > 10 and parsed


def test_loading_the_plugin_and_a_file_without_a_vision_call_never_import_libcst(tmp_path):
    # names a client (passes the text prefilter), sends no image
    (tmp_path / "chat.py").write_text("from openai import AzureOpenAI\n# a comment\nclient = AzureOpenAI()\nclient.chat.completions.create(model='d', messages=[])\n")
    script = textwrap.dedent(
        f"""
        import ast, sys
        from flake8_azure_face_policy.plugin import AzureFacePolicyPlugin
        lines = open({str(tmp_path / 'chat.py')!r}).readlines()
        assert list(AzureFacePolicyPlugin(ast.parse(''.join(lines)), lines, {str(tmp_path / 'chat.py')!r}).run()) == []
        assert 'flake8_azure_face_policy.engine' in sys.modules
        print(sorted(name for name in sys.modules if name.split('.')[0] == 'libcst'))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_deep_nesting_libcst_cannot_read_is_afp900_not_a_crash():
    # `ast` accepts this; libcst's code generation recurses once per level
    source = "from openai import AzureOpenAI\nclient = AzureOpenAI()\n# identify the person\n" + (
        "client.chat.completions.create(model=y" + ".a" * 1500 + ", messages=[{'type': 'image_url', 'image_url': {'url': u}}])\n"
    )
    (finding,) = analyse(source)
    assert finding.code == "AFP900" and "nested too deeply for libcst" in finding.message


def test_deepest_code_ast_accepts_never_crashes_the_process():
    """libcst's native parser once overflowed its stack on deep nesting; whatever `ast` accepts must end in
    findings or AFP900, in a process that exits normally."""
    probes = {
        "parens": "x = " + "(" * 199 + "u" + ")" * 199,
        "lists": "x = " + "[" * 199 + "u" + "]" * 199,
        "not": "x = " + "not " * 900 + "u",
        "minus": "x = " + "-" * 900 + "u",
        "blocks": "".join("    " * depth + "if a:\n" for depth in range(99)) + "    " * 99 + "x = u",
    }
    call = "client.chat.completions.create(model='d', messages=[{'type': 'image_url', 'image_url': {'url': x}}])  # who is it\n"
    script = "import sys\nfrom flake8_azure_face_policy.engine import analyse\nprint(sorted({f.code for f in analyse(sys.stdin.read())}))\n"
    for name, deep in probes.items():
        source = f"from openai import AzureOpenAI\nclient = AzureOpenAI()\n# identify the person\n{deep}\n{call}"
        ast.parse(source)
        result = subprocess.run([sys.executable, "-c", script], input=source, capture_output=True, text=True)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (name, result.stderr[-500:])
        assert result.stdout.startswith("['AFP"), (name, result.stdout)


def test_reading_many_hash_holding_strings_is_linear():
    """400 KB of colour codes on long lines: the work of reading comments grows with the text, not its square."""

    def work(copies: int) -> int:
        line = "PALETTE = [" + ", ".join(f'"#{n:06x}"' for n in range(copies)) + "]  # colours\n"
        source = "".join(line.replace("PALETTE", f"PALETTE_{row}") for row in range(20))
        tree = ast.parse(source)
        comments = ModuleComments(tree, source_lines(source), [1])
        assert len(comments.comments) == 20
        return comments.tokens_read

    small, large = work(2_000), work(4_000)
    assert len('"#000000", ') * 4_000 * 20 > 400_000 * 2  # the larger input is over 800 KB
    assert large <= 2.1 * small


@pytest.mark.skipif(sys.version_info < (3, 12), reason="PEP 701: comments in f-string replacement fields need Python 3.12")
def test_comment_inside_an_f_string_replacement_field_is_a_comment():
    source = 'def ask(u):\n    text = f"""{\n        u  # identify the person\n    }"""\n    return text\n'
    tree, comments = read(source)
    assert values(comments.comments) == ["# identify the person"]
    assert values(comments.inside(tree.body[0].body[0].value)) == ["# identify the person"]
    call = "from openai import AzureOpenAI\nclient = AzureOpenAI()\n" + source.replace(
        "    return text\n", "    return client.chat.completions.create(model='d', messages=[{'type': 'image_url', 'image_url': {'url': text}}])\n"
    )
    (found,) = vision_calls(call)
    assert {(s.evidence.kind, s.evidence.line, s.evidence.level) for s in found.signals if s.name == "identity"} == {("comment", 5, Level.CALL), ("comment", 5, Level.FUNCTION)}

